/**
 * npm run check: builds the deck (or takes the build --dist names) and visits every slide at every
 * click step in headless Chromium, light and dark (check/run.ts, check/checks.ts).
 */
import { join, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { positiveInt, seconds, usage, UsageError } from './lib/args.ts'
import { formatProblem, type Scheme } from './lib/problem.ts'
import { buildDeck, checkBuiltDeck } from './check/run.ts'
import { ownedTempDir, sweepStale } from './lib/cleanup.ts'
import { loadDeck } from './lib/deck.ts'
import { explainBuildError } from './export/build-errors.ts'

const USAGE = 'usage: npm run check [-- path/to/slides.md] [--dist <built dir>] [--scheme light|dark] [--slides 1,2]'

async function main(): Promise<number> {
  const { values: v, positionals } = usage(() => parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { 'help': { type: 'boolean', short: 'h' }, 'dist': { type: 'string' }, 'scheme': { type: 'string' }, 'slides': { type: 'string' } },
  }))
  if (v.scheme !== undefined && v.scheme !== 'light' && v.scheme !== 'dark')
    throw new UsageError(`--scheme is light or dark, got "${v.scheme}"`)
  const only = v.slides?.split(',').map(n => positiveInt(n.trim(), '--slides'))
  if (v.help) {
    console.log(USAGE)
    return 0
  }
  const t0 = Date.now()
  const entry = positionals[0] ?? 'slides.md'
  const deck = await loadDeck(entry)
  sweepStale()
  const tmp = v.dist ? undefined : ownedTempDir('deck-check-')
  try {
    const dist = tmp ? join(tmp.path, 'dist') : resolve(v.dist!)
    if (tmp) {
      console.log(`building ${entry}…`)
      const failed = await buildDeck(deck.entry, dist).then(() => undefined, (e: Error) => explainBuildError(e.message, deck) ?? Promise.reject(e))
      if (failed) {
        console.log(failed)
        return 1
      }
      console.log(`built in ${seconds(Date.now() - t0)}`)
    }
    const result = await checkBuiltDeck(deck, dist, v.scheme ? [v.scheme as Scheme] : ['light', 'dark'], only, line => console.log(line))
    for (const p of result.problems)
      console.log(formatProblem(p))
    const n = result.problems.length
    console.log(`check: ${result.slides} slides, ${result.steps} steps × ${result.schemes.length} schemes (axe at the last click step of each slide), ${n} problem${n === 1 ? '' : 's'} in ${seconds(Date.now() - t0)}`)
    return n ? 1 : 0
  }
  finally {
    tmp?.remove()
  }
}

main().then(code => process.exit(code), (err: unknown) => {
  console.error(err instanceof UsageError ? `${err.message}\n${USAGE}` : `check failed: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(2)
})
