import { readFileSync } from 'node:fs'
import { basename, relative } from 'node:path'
import { citedIds } from '../../setup/cited-sources.ts'
import type { Deck } from '../lib/deck.ts'
import { findRepoRoot, loadThreadTexts, threadsDir } from '../lib/threads.ts'
import { talkRulesOn } from '../lib/talk.ts'
import { sortProblems, type Problem } from '../lib/problem.ts'
import { checkAssets, checkHeadmatterAssets, checkRemote, checkRemoteHeadmatter } from './files.ts'
import { checkBlockers } from './blockers.ts'
import { checkBudgets } from './budgets.ts'
import { checkComponents, loadSchema } from './components.ts'
import { checkEncoding } from './encoding.ts'
import { checkFrontmatter, checkHeadmatterResolves } from './frontmatter.ts'
import { checkMermaid, mermaidParser, type MermaidParse } from './mermaid.ts'
import { checkNotes, checkTitles } from './notes.ts'
import { checkSources, loadRegistry, quotations } from './sources.ts'
import { checkTemplates } from './template.ts'

/**
 * Runs every check on a loaded deck. Options: the folder of the archived thread texts (default
 * threadsDir()), a Mermaid parser (default Mermaid's own). `report`: lines to print before the
 * problems (unchecked quotations, the spoken time per chapter).
 */
export async function lintDeck(deck: Deck, options: { threadsDir?: string, mermaidParse?: MermaidParse } = {}): Promise<{ slides: number, problems: Problem[], report: string[] }> {
  const { slides, root, headmatter } = deck
  const first = slides[0]! // Slidev makes one slide even of an empty file
  const result = (problems: Problem[], report: string[] = []) => ({ slides: slides.length, problems: sortProblems(problems), report })
  if (readFileSync(deck.entry, 'utf8').trim() === '')
    return { slides: 0, report: [], problems: [{ file: relative(root, deck.entry), line: 1, no: 1, check: 'deck', message: 'the deck is empty: write at least one slide' }] }

  // What stops the build comes first and alone: the other checks would only add its echoes.
  const blockers = checkBlockers(deck, slides)
  const n = blockers.length
  if (n)
    return result(blockers, [`lint: ${n} problem${n === 1 ? '' : 's'} will stop slidev build; the other checks run once ${n === 1 ? 'it is' : 'they are'} fixed`])

  const schema = loadSchema(root, typeof headmatter.theme === 'string' ? headmatter.theme : 'default')
  const problems = [
    ...checkEncoding(deck),
    ...checkFrontmatter(slides, schema.layouts),
    ...checkTemplates(slides),
    ...checkAssets(slides, root),
    ...checkHeadmatterResolves(first, headmatter, deck.entry),
    ...checkComponents(slides, schema),
    ...checkHeadmatterAssets(first, headmatter, root),
    ...slides.some(s => s.mermaidLines.length) ? await checkMermaid(slides, options.mermaidParse ?? await mermaidParser(root)) : [],
  ]
  if (!talkRulesOn(headmatter))
    return result(problems)

  // The talk's own rules (scripts/lib/talk.ts): offline only, notes, titles, quotations, budgets.
  problems.push(...checkRemote(slides), ...checkRemoteHeadmatter(first, headmatter), ...checkNotes(slides), ...checkTitles(slides))
  const report: string[] = []
  const dir = options.threadsDir ?? threadsDir(root)
  const texts = loadThreadTexts(dir)
  const quotes = slides.reduce((n, s) => n + quotations(s).length, 0)
  if (!texts && quotes) {
    const label = process.env.THREADS_DIR && !options.threadsDir ? dir : relative(findRepoRoot(root), dir) || dir
    report.push(`lint: ${quotes} quotation${quotes === 1 ? '' : 's'} not checked against the archived threads: no thread texts in ${label} (set THREADS_DIR to the folder of thread .txt files to check them)`)
  }
  // Another entry than slides.md (the 10-minute cut) cites part of the registry on purpose: what
  // the full talk (slides.md, pages/) cites counts as cited for the "cited by no slide" rule.
  const citedElsewhere = basename(deck.entry) === 'slides.md' ? undefined : citedIds(root)
  problems.push(...checkSources(slides, await loadRegistry(root), { texts, root, citedElsewhere }))
  const budgets = checkBudgets(slides, headmatter)
  return result([...problems, ...budgets.problems], [...report, ...budgets.report])
}
