/**
 * `npm run bench [-- --runs 3] [--scale] [--no-dev] [--talk entry.md]`: builds and exports the
 * talk and the reference deck (bench/reference) with the same code and prints the medians of N
 * runs with the machine and its load (also in bench/results/latest.json, with the samples).
 * What each figure is: docs/presenting-and-exporting.md#benchmark. Times are printed, never asserted.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { benchDeck, coldAndWarm, type DeckFigures, log, writeScaleDeck } from './bench/measure.ts'
import { launchChromium } from './lib/chromium.ts'
import { formatBytes } from './bench/sizes.ts'
import { median, table } from './bench/stats.ts'
import { positiveInt, seconds, usage, UsageError } from './lib/args.ts'
import { ownedTempDir } from './lib/cleanup.ts'

const perSlide = (ms: number, slides: number) => `${seconds(ms)}, ${(ms / slides / 1000).toFixed(2)} s/slide`

/** Prints the medians against the targets of issue #10 and writes them with the samples to bench/results/latest.json. */
function report(machine: string, [talk, ref]: readonly [DeckFigures, DeckFigures], scale?: { slides: number, cold: number, warm: number }): void {
  const rows = [['figure (median)', `talk (${talk.slides} slides)`, `reference (${ref.slides})`, 'target (talk)']]
  const row = (label: string, cell: (d: DeckFigures) => string, target = '') => rows.push([label, cell(talk), cell(ref), target])
  row('build (site)', d => seconds(median(d.build)), '≤ 15 s')
  row('PDF export, cold (lint + build + render)', d => perSlide(median(d.cold), d.slides), '≤ 0.50 s/slide')
  row('PDF re-export, warm (build reused)', d => perSlide(median(d.warm), d.slides), '≤ 6 s')
  row('first slide painted (built site, loopback)', d => `${Math.round(median(d.paint))} ms`, '≤ 1500 ms')
  if (talk.dev.length)
    row('dev server to first slide', d => seconds(median(d.dev)))
  row('JS gzip shipped in all (raw)', d => `${formatBytes(d.js!.shipped.gzip)} (${formatBytes(d.js!.shipped.raw)})`, '≤ 1.5 MB')
  row('JS gzip loaded: every slide / first slide', d => `${formatBytes(d.js!.loaded.gzip)} / ${formatBytes(d.js!.first.gzip)}`)
  const talkPerSlide = (samples: number[]) => median(samples) / talk.slides
  rows.push(['cold per slide, talk ÷ reference', (talkPerSlide(talk.cold) / (median(ref.cold) / ref.slides)).toFixed(2), '', '≤ 0.50'])
  if (scale) {
    const vsTalk = (ms: number, samples: number[]) => (ms / scale.slides / talkPerSlide(samples)).toFixed(2)
    rows.push([`${scale.slides}-slide deck: cold / warm`, `${perSlide(scale.cold, scale.slides)} / ${perSlide(scale.warm, scale.slides)}`, '', ''])
    rows.push([`${scale.slides}-slide deck per slide ÷ talk's: cold / warm`, `${vsTalk(scale.cold, talk.cold)} / ${vsTalk(scale.warm, talk.warm)}`, '', '≤ 1.50'])
  }
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/latest.json', `${JSON.stringify({ date: new Date().toISOString(), machine, decks: [talk, ref], scale }, null, 2)}\n`)
  console.log(`\nMachine: ${machine}\nMedian of ${talk.build.length} run(s):\n\n${table(rows)}\n\nWritten: bench/results/latest.json`)
}

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
