import { resolveConfig } from '@slidev/parser'
import { frontmatterKeyLine, type DeckSlide } from '../deck.ts'
import type { SlidevSchema } from './slidev-schema.ts'
import type { Problem } from '../problem.ts'

export type FrontmatterSchema = Pick<SlidevSchema, 'headmatterKeys' | 'frontmatterKeys' | 'layouts'> & Partial<Pick<SlidevSchema, 'deckFrontmatterKeys'>>

function layoutOf(slide: DeckSlide): string {
  const l = slide.frontmatter.layout
  return typeof l === 'string' ? l : slide.no === 1 ? 'cover' : 'default'
}

/**
 * Slide frontmatter is valid for Slidev: the YAML parses, `layout` names a layout that exists
 * (theme, Slidev built-ins or the deck's `layouts/`), and every key is a Slidev option or a
 * prop of the slide's layout. The first slide's frontmatter is the headmatter and is checked
 * against the headmatter options instead.
 */
export function checkFrontmatter(slides: DeckSlide[], schema: FrontmatterSchema): Problem[] {
  const out: Problem[] = []
  for (const s of slides) {
    const add = (line: number, message: string) => out.push({ file: s.file, line, no: s.no, check: 'frontmatter', message })
    for (const e of s.yamlErrors) add(e.line, `frontmatter is not valid YAML: ${e.message}`)

    const layout = s.frontmatter.layout
    if (layout !== undefined && typeof layout !== 'string') {
      add(frontmatterKeyLine(s, 'layout'), `layout must be a name, got ${JSON.stringify(layout)}`)
    }
    else if (typeof layout === 'string' && !schema.layouts.has(layout)) {
      const known = [...schema.layouts.keys()].filter(n => !['404', 'error'].includes(n)).sort().join(', ')
      add(frontmatterKeyLine(s, 'layout'), `unknown layout "${layout}" (known layouts: ${known})`)
    }

    const props = schema.layouts.get(layoutOf(s)) ?? new Set<string>()
    // Custom data is fine where something reads it: the slide itself (`$frontmatter.options`)
    // or the deck's own components and layouts (`frontmatter.x`).
    const read = new Set([...s.body.matchAll(/\$frontmatter\??\.([A-Za-z_]\w*)|\$frontmatter\[\s*['"]([^'"]+)['"]/g)].map(m => m[1] ?? m[2] ?? ''))
    const known = s.no === 1 ? schema.headmatterKeys : schema.frontmatterKeys
    for (const key of Object.keys(s.frontmatter)) {
      if (known.has(key) || props.has(key) || read.has(key) || schema.deckFrontmatterKeys?.has(key))
        continue
      const kind = s.no === 1 ? 'headmatter' : 'frontmatter'
      add(frontmatterKeyLine(s, key), `unknown ${kind} key "${key}": not a Slidev ${kind} option nor a prop of layout "${layoutOf(s)}"`)
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
