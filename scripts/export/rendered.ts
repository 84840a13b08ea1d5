import type { Page } from 'playwright-core'
import type { Deck } from '../lib/deck.ts'
import { checkBlank } from '../check/checks/blank.ts'
import { checkLayout } from '../check/checks/layout.ts'
import { checkImages } from '../check/checks/media.ts'
import { checkDiagrams } from '../check/checks/mermaid.ts'
import { SourceLocator } from '../check/locate.ts'
import type { Problem, Scheme } from '../lib/problem.ts'
import { findingLine, seenProblem } from '../check/run.ts'

/**
 * What must not be printed, looked for in the rendered print view with the check's own in-page
 * checks: a blank slide, a broken image, a failed or empty diagram, content outside the slide or
 * cut off. Each problem names the slide's file:line.
 */
export async function renderedProblems(page: Page, deck: Deck, scheme: Scheme): Promise<Problem[]> {
  const locate = new SourceLocator(deck)
  const out: Problem[] = []
  // tsx (esbuild keepNames) wraps the checks' inner functions in __name(), which the page lacks.
  await page.evaluate('globalThis.__name ??= f => f')
  for (const slide of deck.slides) {
    const findings = [
      ...await checkBlank(page, slide.no),
      ...await checkDiagrams(page, slide.no, slide.mermaidLines.length),
      ...await checkImages(page, slide.no),
      ...await checkLayout(page, slide.no),
    ]
    for (const f of findings)
      out.push(seenProblem(slide, findingLine(slide, f, locate), f.kind, f.message, scheme))
  }
  return out
}
