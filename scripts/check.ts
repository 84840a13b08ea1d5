/**
 * npm run check [-- path/to/slides.md] [--dist <built dir>] [--axe-every-step] [--scheme light|dark] [--slides 3,7]
 *
 * Builds the deck (or takes an existing build with --dist), serves it on 127.0.0.1 and visits
 * every slide at every click step in headless Chromium, in light and in dark mode. Fails on console
 * or page errors, Mermaid error boxes or empty diagrams, content outside the slide or clipped,
 * broken images, fonts that did not load, requests to any other host, and serious or critical
 * axe-core violations (contrast included). Every problem names its source file:line and slide.
 * With a headmatter `talk:` block also the room budgets (scripts/lib/talk.ts), in the first
 * scheme: text size floors at 1920x1080 (checks/text-size.ts) and words on screen at the last
 * click step (checks/words.ts); a `budget:` line per slide gives the measured numbers.
 */
import { join, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { positiveInt, usage, UsageError } from './lib/args'
import { buildDeck } from './check/build'
import { formatProblem } from './lib/problem.ts'
import { checkBuiltDeck } from './check/run'
import { ownedTempDir, sweepStale } from './lib/cleanup'
import { loadDeck } from './lib/deck'
import { explainBuildError } from './export/build-errors'

const USAGE = 'usage: npm run check [-- path/to/slides.md] [--dist <built dir>] [--axe-every-step] [--scheme light|dark] [--slides 1,2]'

function parseCheckArgs(argv: string[]) {
  const { values: v, positionals } = usage(() => parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'help': { type: 'boolean', short: 'h' },
      'dist': { type: 'string' },
      'axe-every-step': { type: 'boolean', default: false },
      'scheme': { type: 'string' },
      'slides': { type: 'string' },
    },
  }))
  const schemes: ('light' | 'dark')[] = v.scheme === 'light' || v.scheme === 'dark' ? [v.scheme] : ['light', 'dark']
  if (v.scheme !== undefined && schemes.length > 1)
    throw new UsageError(`--scheme is light or dark, got "${v.scheme}"`)
  const only = v.slides?.split(',').map(n => positiveInt(n.trim(), '--slides'))
  return { help: v.help, entry: positionals[0] ?? 'slides.md', dist: v.dist, axeEveryStep: v['axe-every-step'], only, schemes }
}

async function main(): Promise<number> {
  const args = parseCheckArgs(process.argv.slice(2))
  if (args.help) {
    console.log(USAGE)
    return 0
  }
  const t0 = Date.now()
  const deck = await loadDeck(args.entry)
  let dist = args.dist ? resolve(args.dist) : undefined
  sweepStale()
  let tmp: ReturnType<typeof ownedTempDir> | undefined
  try {
    if (!dist) {
      tmp = ownedTempDir('deck-check-')
      dist = join(tmp.path, 'dist')
      console.log(`building ${args.entry}…`)
      try {
        await buildDeck(deck.entry, dist)
      }
      catch (e) {
        const line = explainBuildError(e instanceof Error ? e.message : String(e), deck)
        if (!line)
          throw e
        console.log(line)
        return 1
      }
      console.log(`built in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
    }
    const result = await checkBuiltDeck({
      deck,
      dist,
      axeEveryStep: args.axeEveryStep,
      only: args.only,
      schemes: args.schemes,
      log: line => console.log(line),
    })
    for (const b of result.budgets) {
      const sizes = b.samples.sort((x, y) => x.px - y.px).map(x => `${x.role} ${x.px.toFixed(1)} px${x.diagram !== undefined ? ' (diagram)' : ''}`).join(', ')
      console.log(`budget: slide ${b.no}: ${b.words === undefined ? 'exempt from words' : `${b.words} words on screen`}; smallest: ${sizes || 'no text'}`)
    }
    const lines = result.problems.map(formatProblem)
    for (const line of lines)
      console.log(line)
    const axeNote = args.axeEveryStep ? 'axe at every step' : 'axe at the last click step of each slide'
    console.log(`check: ${result.slides} slides, ${result.steps} steps × ${result.schemes.length} schemes (${axeNote}), ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
    return result.problems.length ? 1 : 0
  }
  finally {
    tmp?.remove()
  }
}

main().then(code => process.exit(code), (err: unknown) => {
  console.error(err instanceof UsageError ? `${err.message}\n${USAGE}` : `check failed: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(2)
})
