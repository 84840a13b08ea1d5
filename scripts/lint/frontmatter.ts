import { resolveConfig } from '@slidev/parser'
import { frontmatterKeyLine, type DeckSlide } from '../lib/deck.ts'
import type { Problem } from '../lib/problem.ts'

/**
 * Slide frontmatter Slidev can use (invalid YAML is a build blocker: blockers.ts): `layout` names a layout that exists (the
 * theme's, Slidev's built-ins or the deck's `layouts/`). Other keys are not checked: Slidev
 * accepts any key and passes it to the layout and to `$frontmatter`.
 */
export function checkFrontmatter(slides: DeckSlide[], layouts: Set<string>): Problem[] {
  const out: Problem[] = []
  for (const s of slides) {
    const add = (line: number, message: string) => out.push({ file: s.file, line, no: s.no, check: 'frontmatter', message })
    const layout = s.frontmatter.layout
    if (layout !== undefined && typeof layout !== 'string') {
      add(frontmatterKeyLine(s, 'layout'), `layout must be a name, got ${JSON.stringify(layout)}`)
    }
    else if (typeof layout === 'string' && !layouts.has(layout)) {
      const known = [...layouts].filter(n => !['404', 'error'].includes(n)).sort().join(', ')
      add(frontmatterKeyLine(s, 'layout'), `unknown layout "${layout}" (known layouts: ${known})`)
    }
  }
  return out
}

/** The headmatter resolves with Slidev's own `resolveConfig` (with its verification on). */
export function checkHeadmatterResolves(first: DeckSlide, headmatter: Record<string, unknown>, entry: string): Problem[] {
  const out: Problem[] = []
  const add = (message: string) => out.push({ file: first.file, line: first.line, no: first.no, check: 'frontmatter', message })
  try {
    const warn = console.warn
    console.warn = (...a: unknown[]) => add(`headmatter: ${a.map(String).join(' ').replace(/^\[slidev\]\s*/, '')}`)
    try {
      resolveConfig(headmatter, {}, entry, true)
    }
    finally {
      console.warn = warn
    }
  }
  catch (e) {
    add(`headmatter is not valid for Slidev: ${e instanceof Error ? e.message : String(e)}`)
  }
  return out
}
