/**
 * `npm run bench [-- --runs 3] [--scale] [--no-dev] [--talk entry.md]`: builds and exports the
 * talk and the reference deck (bench/reference) with the same code and prints the medians of N
 * runs with the machine and its load (also in bench/results/latest.json, with the samples).
 * What each figure is: docs/presenting-and-exporting.md#benchmark. Times are printed, never asserted.
 */
import { cpus, loadavg, totalmem } from 'node:os'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { benchDeck, coldAndWarm, log } from './bench/measure.ts'
import { report } from './bench/report.ts'
import { writeScaleDeck } from './bench/scale.ts'
import { launchChromium } from './export/browser.ts'
import { positiveInt, usage, UsageError } from './lib/args.ts'
import { ownedTempDir } from './lib/cleanup.ts'

async function main(): Promise<void> {
  const { values: o } = usage(() => parseArgs({
    allowNegative: true, // --no-dev
    options: {
      runs: { type: 'string', default: '3' },
      scale: { type: 'boolean', default: false },
      dev: { type: 'boolean', default: true },
      talk: { type: 'string', default: 'slides.md' },
    },
  }))
  const runs = positiveInt(o.runs, '--runs')
  const load = () => loadavg().map(l => l.toFixed(2)).join(' ')
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, node ${process.version}, ${process.platform} ${process.arch}; load average ${load()}`
  log(`machine: ${machine}`)
  const work = ownedTempDir('deck-bench-').path
  const browser = await launchChromium()
  const bench = (name: string, entry: string) => benchDeck(name, resolve(entry), runs, browser, work, o.dev)
  const decks = [await bench('talk', o.talk), await bench('reference', 'bench/reference/slides.md')] as const
  await browser.close() // on a failure, Playwright closes it when the process exits
  report(`${machine} → ${load()}`, decks)
  if (o.scale) {
    const deck = await writeScaleDeck(298, o.talk)
    log(`scale: ${deck.slides}-slide deck ${deck.entry}: PDF export, cold (--rebuild) then warm`)
    report(`${machine} → ${load()}`, decks, { slides: deck.slides, ...await coldAndWarm(deck.entry, `${work}/scale-exports`) })
  }
}

main().then(() => process.exit(0), (e: unknown) => {
  console.error(e instanceof UsageError ? e.message : `\nbench failed: ${e instanceof Error ? e.message : String(e)}`)
  process.exit(e instanceof UsageError ? 2 : 1)
})
