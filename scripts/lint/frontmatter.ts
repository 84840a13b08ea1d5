import { resolveConfig } from '@slidev/parser'
import { frontmatterKeyLine, type DeckSlide } from '../lib/deck.ts'
import type { Problem } from '../lib/problem.ts'

/**
 * A slide's `layout` names a layout that exists (the theme's, Slidev's built-ins or the deck's
 * `layouts/`). Other keys are not checked: Slidev accepts any key and passes it to the layout and
 * to `$frontmatter` (invalid YAML is a build blocker: blockers.ts).
 */
export function checkFrontmatter(slides: DeckSlide[], layouts: Set<string>): Problem[] {
  const known = () => [...layouts].filter(n => !['404', 'error'].includes(n)).sort().join(', ')
  return slides.flatMap((s) => {
    const layout = s.frontmatter.layout
    const message = layout !== undefined && typeof layout !== 'string' ? `layout must be a name, got ${JSON.stringify(layout)}`
      : typeof layout === 'string' && !layouts.has(layout) ? `unknown layout "${layout}" (known layouts: ${known()})` : undefined
    return message ? [{ file: s.file, line: frontmatterKeyLine(s, 'layout'), no: s.no, check: 'frontmatter', message }] : []
  })
}

/** The headmatter resolves with Slidev's own `resolveConfig` (with its verification on); its warnings are problems too. */
export function checkHeadmatterResolves(first: DeckSlide, headmatter: Record<string, unknown>, entry: string): Problem[] {
  const out: Problem[] = []
  const add = (message: string) => out.push({ file: first.file, line: first.line, no: first.no, check: 'frontmatter', message })
  const warn = console.warn
  console.warn = (...a: unknown[]) => add(`headmatter: ${a.map(String).join(' ').replace(/^\[slidev\]\s*/, '')}`)
  try {
    resolveConfig(headmatter, {}, entry, true)
  }
  catch (e) {
    add(`headmatter is not valid for Slidev: ${e instanceof Error ? e.message : String(e)}`)
  }
  finally {
    console.warn = warn
  }
  return out
}
