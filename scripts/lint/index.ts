import { isUtf8 } from 'node:buffer'
import { existsSync, readFileSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { resolveConfig } from '@slidev/parser'
import { citedIdsOfDeck } from '../../setup/cited-sources.ts'
import type { Deck, DeckSlide } from '../lib/deck.ts'
import { findRepoRoot, loadThreadTexts, threadsDir } from '../lib/threads.ts'
import { talkRulesOn } from '../lib/talk.ts'
import { sortProblems, type Problem } from '../lib/problem.ts'
import { checkAssets, checkRemote } from './files.ts'
import { checkBlockers, slideAt } from './blockers.ts'
import { checkBudgets } from './budgets.ts'
import { checkComponents, loadSchema } from './components.ts'
import { checkMermaid, type MermaidParse } from './mermaid.ts'
import { checkSources, loadRegistry, quotations } from './sources.ts'
import { checkTemplates } from './template.ts'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** Runs every check on a loaded deck; `report`: lines to print before the problems (unchecked quotations, the spoken time per chapter). */
export async function lintDeck(deck: Deck, options: { threadsDir?: string, mermaidParse?: MermaidParse } = {}): Promise<{ slides: number, problems: Problem[], report: string[] }> {
  const { slides, root, headmatter } = deck
  const first = slides[0]! // Slidev makes one slide even of an empty file
  const result = (problems: Problem[], report: string[] = []) => ({ slides: slides.length, problems: sortProblems(problems), report })
  if (readFileSync(deck.entry, 'utf8').trim() === '')
    return { slides: 0, report: [], problems: [{ file: relative(root, deck.entry), line: 1, no: 1, check: 'deck', message: 'the deck is empty: write at least one slide' }] }

  // What stops the build comes first and alone: the other checks would only add its echoes.
  const blockers = checkBlockers(deck)
  const n = blockers.length
  if (n)
    return result(blockers, [`lint: ${plural(n, 'problem')} will stop slidev build; the other checks run once ${n === 1 ? 'it is' : 'they are'} fixed`])

  const problems = [
    ...checkEncoding(deck),
    ...checkTemplates(slides),
    ...checkAssets(slides, root),
    ...checkHeadmatterResolves(first, headmatter, deck.entry),
    ...checkComponents(slides, loadSchema(root, headmatter.theme)),
    ...await checkMermaid(slides, options.mermaidParse, root),
  ]
  if (!talkRulesOn(headmatter))
    return result(problems)

  // The talk's own rules (scripts/lib/talk.ts): offline only, notes, titles, quotations, budgets.
  const dir = options.threadsDir ?? threadsDir(root)
  const texts = loadThreadTexts(dir)
  const quotes = slides.reduce((n, s) => n + quotations(s).length, 0)
  const label = process.env.THREADS_DIR && !options.threadsDir ? dir : relative(findRepoRoot(root), dir) || dir
  const unchecked = !texts && quotes ? [`lint: ${plural(quotes, 'quotation')} not checked against the archived threads: no thread texts in ${label} (set THREADS_DIR to the folder of thread .txt files to check them)`] : []
  // Another entry than slides.md (the 10-minute cut) cites part of the registry on purpose: what
  // the full talk's slides (slides.md beside it) cite counts as cited for the "cited by no slide" rule.
  const talk = join(root, 'slides.md')
  const citedElsewhere = basename(deck.entry) === 'slides.md' || !existsSync(talk) ? undefined : await citedIdsOfDeck(talk)
  const budgets = checkBudgets(slides, headmatter)
  return result([
    ...problems,
    ...checkRemote(slides, headmatter),
    ...checkNotesAndTitles(slides),
    ...checkSources(slides, await loadRegistry(root), { texts, root, citedElsewhere }),
    ...budgets.problems,
  ], [...unchecked, ...budgets.report])
}

/** The talk's rule for every slide: speaker notes (a non-empty HTML comment ending it) and a title (a `# ` heading or `title:`). */
export const checkNotesAndTitles = (slides: DeckSlide[]): Problem[] => slides.flatMap(s => [
  ...s.note ? [] : [{ file: s.file, line: s.line, no: s.no, check: 'notes', message: 'no speaker notes: end the slide with a non-empty <!-- … --> comment' }],
  ...s.title?.trim() ? [] : [{ file: s.file, line: s.contentLine, no: s.no, check: 'title', message: 'no title: add a "# Title" line (section slides too)' }],
])

/** The headmatter resolves with Slidev's own `resolveConfig` (with its verification on); its warnings are problems too. */
export function checkHeadmatterResolves(first: DeckSlide, headmatter: Record<string, unknown>, entry: string): Problem[] {
  const messages: string[] = []
  const warn = console.warn
  console.warn = (...a: unknown[]) => messages.push(`headmatter: ${a.map(String).join(' ').replace(/^\[slidev\]\s*/, '')}`)
  try {
    resolveConfig(headmatter, {}, entry, true)
  }
  catch (e) {
    messages.push(`headmatter is not valid for Slidev: ${e instanceof Error ? e.message : String(e)}`)
  }
  console.warn = warn
  return messages.map(message => ({ file: first.file, line: first.line, no: first.no, check: 'frontmatter', message }))
}

/** The lines of `bytes` that are not valid UTF-8 (1-based), with the first bad byte and its column. */
export function invalidUtf8Lines(bytes: Buffer): { line: number, column: number, byte: number }[] {
  let start = 0
  // latin1 keeps one character per byte: each line's length is its length in bytes.
  return bytes.toString('latin1').split('\n').flatMap((l, i) => {
    const slice = bytes.subarray(start, start += l.length + 1)
    if (isUtf8(slice))
      return []
    const text = new TextDecoder().decode(slice) // its first replacement character is where the bad byte is
    const col = text.indexOf('\uFFFD')
    return [{ line: i + 1, column: col + 1, byte: slice[Buffer.byteLength(text.slice(0, col))]! }]
  })
}

/** Every markdown file of the deck (entry and `src:` pages) is UTF-8: a stray byte prints as "�". */
const checkEncoding = (deck: Deck): Problem[] => [...new Set(deck.slides.map(s => s.file))].flatMap(file =>
  invalidUtf8Lines(readFileSync(join(deck.root, file))).map(({ line, column, byte }) =>
    ({ file, line, no: slideAt(deck, file, line), check: 'encoding', message: `not UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at column ${column} (save the file as UTF-8)` })))
