import { readFileSync } from 'node:fs'
import { basename, relative } from 'node:path'
import { citedIds } from '../../setup/cited-sources.ts'
import type { Deck } from '../lib/deck.ts'
import { findRepoRoot, loadThreadTexts, threadsDir } from '../lib/threads.ts'
import { checkAssets, checkHeadmatterAssets } from './assets.ts'
import { checkBudgets } from './budgets.ts'
import { checkComponents } from './components.ts'
import { checkEncoding } from './encoding.ts'
import { checkFrontmatter, checkHeadmatterResolves } from './frontmatter.ts'
import { checkImageFiles } from './images.ts'
import { checkMermaid, mermaidParser } from './mermaid.ts'
import type { MermaidParse } from './mermaid.ts'
import { checkNotes, checkTitles } from './notes.ts'
import { checkRequiredProps, componentsWithRequiredProps } from './props.ts'
import { checkRemote, checkRemoteHeadmatter } from './remote.ts'
import { iconNames } from './icons.ts'
import { loadSchema } from './slidev-schema.ts'
import { checkBlockers } from './blockers.ts'
import { talkRulesOn } from '../lib/talk.ts'
import { checkSources, loadRegistry, quotations, uncheckedNotice } from './sources.ts'
import { checkTemplates } from './template.ts'
import { sortProblems } from '../lib/problem.ts'
import type { Problem } from '../lib/problem.ts'


export interface LintOptions {
  /** Folder of the archived thread texts; default $THREADS_DIR or ../shared/seeds next to the repository. */
  threadsDir?: string
  /** Mermaid parser; default Mermaid's own, loaded on first use. */
  mermaidParse?: MermaidParse
}

export interface LintResult {
  slides: number
  problems: Problem[]
  /**
   * Lines to print once, before the problems: that the quotations went unchecked, the spoken
   * time per chapter when the deck has `talk:`.
   */
  report: string[]
}

/** Runs every check on a loaded deck. */
export async function lintDeck(deck: Deck, options: LintOptions = {}): Promise<LintResult> {
  const { slides } = deck
  const problems: Problem[] = []
  const first = slides[0]
  const entryFile = relative(deck.root, deck.entry)
  if (readFileSync(deck.entry, 'utf8').trim() === '')
    return { slides: 0, report: [], problems: [{ file: entryFile, line: 1, no: 1, check: 'deck', message: 'the deck is empty: write at least one slide' }] }

  // What stops the build comes first and alone: the other checks would only add its echoes.
  const blockers = checkBlockers(deck, slides)
  if (blockers.length)
    return { slides: slides.length, problems: sortProblems(blockers), report: [`lint: ${blockers.length} problem${blockers.length === 1 ? '' : 's'} will stop slidev build; the other checks run once ${blockers.length === 1 ? 'it is' : 'they are'} fixed`] }
  if (!first)
    return { slides: 0, report: [], problems: [{ file: entryFile, line: 1, no: 1, check: 'deck', message: 'the deck has no slides' }] }

  const theme = typeof deck.headmatter.theme === 'string' ? deck.headmatter.theme : 'default'
  const schema = loadSchema(deck.root, theme)

  problems.push(...checkEncoding(deck))
  problems.push(...checkFrontmatter(slides, schema.layouts))
  problems.push(...checkTemplates(slides))
  problems.push(...checkRequiredProps(slides, componentsWithRequiredProps(deck.root)))
  problems.push(...checkImageFiles(slides, deck.root))
  problems.push(...checkHeadmatterResolves(first, deck.headmatter, deck.entry))
  problems.push(...checkComponents(slides, { components: schema.components, icons: c => iconNames(deck.root, c) }))
  problems.push(...checkAssets(slides, deck.root))
  problems.push(...checkHeadmatterAssets(first, deck.headmatter, deck.root))
  if (slides.some(s => s.mermaidLines.length))
    problems.push(...await checkMermaid(slides, options.mermaidParse ?? await mermaidParser(deck.root)))
  if (!talkRulesOn(deck.headmatter))
    return { slides: slides.length, problems: sortProblems(problems), report: [] }

  // The talk's own rules (scripts/lib/talk.ts): notes, titles, offline only, quotations, budgets.
  problems.push(...checkRemote(slides))
  problems.push(...checkRemoteHeadmatter(first, deck.headmatter))
  problems.push(...checkNotes(slides))
  problems.push(...checkTitles(slides))
  const notices: string[] = []
  const dir = options.threadsDir ?? threadsDir(deck.root)
  const texts = loadThreadTexts(dir)
  const nQuotes = slides.reduce((n, s) => n + quotations(s).length, 0)
  if (!texts && nQuotes) {
    const label = process.env.THREADS_DIR && !options.threadsDir ? dir : relative(findRepoRoot(deck.root), dir) || dir
    notices.push(uncheckedNotice(label, nQuotes))
  }
  // Another entry than slides.md (the 10-minute cut) cites part of the registry on purpose: what
  // the full talk (slides.md, pages/) cites counts as cited for the "cited by no slide" rule.
  const citedElsewhere = basename(deck.entry) === 'slides.md' ? undefined : citedIds(deck.root)
  problems.push(...checkSources(slides, await loadRegistry(deck.root), { texts, root: deck.root, citedElsewhere }))

  const budgets = checkBudgets(slides, deck.headmatter)
  problems.push(...budgets.problems)

  return { slides: slides.length, problems: sortProblems(problems), report: [...notices, ...budgets.report] }
}
