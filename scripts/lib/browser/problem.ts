import type { DeckSlide } from '../deck'

export type Scheme = 'light' | 'dark'

/** One thing wrong on one slide, at one click step, in one colour scheme. */
export interface Problem {
  /** The slide, or undefined for a problem of the whole page (reported at the entry's line 1). */
  slide: DeckSlide | undefined
  /** Source line (1-based) in slide.file. */
  line: number
  click?: number
  scheme: Scheme
  /** Short keyword for the kind of check: "mermaid", "overflow", "clipped", "image", "font", "network", "console", "axe", "dark". */
  kind: string
  message: string
}

/** "pages/x.md:12 (slide 7, click 2, dark): overflow: …" */
export function formatProblem(p: Problem, entryFile = 'slides.md'): string {
  const file = p.slide?.file ?? entryFile
  const place = [p.slide ? `slide ${p.slide.no}` : 'whole deck']
  if (p.click !== undefined)
    place.push(`click ${p.click}`)
  place.push(p.scheme)
  return `${file}:${p.line} (${place.join(', ')}): ${p.kind}: ${p.message}`
}

/** Same problem seen at several click steps: keep the first step only. */
export function dedupeProblems(problems: Problem[]): Problem[] {
  const seen = new Set<string>()
  return problems.filter((p) => {
    const key = `${p.slide?.no}|${p.scheme}|${p.kind}|${p.line}|${p.message}`
    if (seen.has(key))
      return false
    seen.add(key)
    return true
  })
}
