/**
 * Fast, browser-free lint of the deck: `npm run lint [-- path/to/slides.md]`. Prints the spoken
 * minutes per chapter (`time: …` lines, with a headmatter `talk:` block), one line per problem
 * (`file:LINE (slide N): message`), a summary. Exit 0: no problems, 1: problems, 2: the deck could
 * not be loaded or linted.
 */
import { existsSync } from 'node:fs'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { usage, UsageError } from './lib/args.ts'
import { loadDeck } from './lib/deck.ts'
import { lintDeck } from './lint/index.ts'
import { formatProblem } from './lib/problem.ts'

const USAGE = 'usage: npm run lint [-- path/to/slides.md]   (default: slides.md)'

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = usage(() => parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } }))
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  // A path that is not a deck is a command-line mistake: said with the usage, exit 2.
  const entry = positionals[0] ?? 'slides.md'
  if (!existsSync(entry))
    throw new UsageError(`cannot load the deck: ${entry} does not exist`)
  const deck = await loadDeck(entry).catch((e: Error) => Promise.reject(new UsageError(`cannot load the deck ${entry}: ${e.message}`)))
  const { slides, problems, report } = await lintDeck(deck)
  for (const line of [...report, ...problems.map(formatProblem)]) console.log(line)
  console.log(`lint: ${slides} slide${slides === 1 ? '' : 's'}, ${problems.length} problem${problems.length === 1 ? '' : 's'}`)
  return problems.length ? 1 : 0
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code },
  (e: unknown) => {
    console.error(e instanceof UsageError ? `lint: ${e.message}\n${USAGE}` : `lint: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}`)
    process.exitCode = 2
  },
)
