import type { Page } from 'playwright-core'
import type { Deck } from '../lib/deck.ts'
import { checkBlank, checkImages, checkLayout, diagramFindings } from '../check/checks.ts'
import type { Problem, Scheme } from '../lib/problem.ts'
import { seenProblem } from '../check/run.ts'

/**
 * What must not be printed, looked for in the rendered print view with the check's own in-page
 * checks: a blank slide, a broken image, a failed or empty diagram, content outside the slide or
 * cut off. Each problem names the slide's file:line.
 */
export async function renderedProblems(page: Page, deck: Deck, scheme: Scheme): Promise<Problem[]> {
  const out: Problem[] = []
  // tsx (esbuild keepNames) wraps the checks' inner functions in __name(), which the page lacks.
  await page.evaluate('globalThis.__name ??= f => f')
  for (const slide of deck.slides) {
    const findings = [
      ...await checkBlank(page, slide.no),
      ...await diagramFindings(page, `.slidev-page-${slide.no}`, slide.mermaidLines.length),
      ...await checkImages(page, slide.no),
      ...await checkLayout(page, slide.no),
    ]
    for (const f of findings)
      out.push(seenProblem(slide, f, scheme))
  }
  return out
}
