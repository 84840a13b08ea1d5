import { tags } from './html.ts'
import { pascalCase } from './slidev-schema.ts'
import { lineAt, scannable, type DeckSlide } from '../lib/deck.ts'
import type { Problem } from '../lib/problem.ts'

export interface ComponentCatalog {
  /** Known component names, PascalCase. */
  components: Set<string>
  /** Icon names of an installed icon collection ("carbon", "svg-spinners"); undefined when not installed. */
  icons: (collection: string) => Set<string> | undefined
}

/** Tags that contain a dash but are standard SVG elements, not components. */
const SVG_DASHED = new Set(['font-face', 'font-face-src', 'font-face-uri', 'font-face-format', 'font-face-name', 'missing-glyph', 'color-profile'])

/** Whether a tag is a component reference: PascalCase (`<MailQuote>`), kebab-case (`<mail-quote>`) or an icon (`<mdi:home>`). */
export function isComponentTag(name: string): boolean {
  return /^[A-Z]/.test(name) || name.includes(':') || (name.includes('-') && !SVG_DASHED.has(name.toLowerCase()))
}

/**
 * Every component a slide uses exists: in the deck's `components/`, the theme's, Slidev's
 * built-ins, Vue's built-ins, or as an icon of an installed Iconify collection
 * (`<carbon-arrow-right />` or `<carbon:arrow-right />`, Slidev's icon syntax). Plain HTML tags
 * are ignored.
 */
export function checkComponents(slides: DeckSlide[], catalog: ComponentCatalog): Problem[] {
  const out: Problem[] = []
  for (const s of slides) {
    const text = scannable(s.body)
    for (const tag of tags(text)) {
      if (tag.closing || !isComponentTag(tag.name))
        continue
      if (catalog.components.has(pascalCase(tag.name)))
        continue
      const lower = tag.name.toLowerCase()
      // `<prefix:name>` is an icon; `<a-b-c>` is one when a collection `a` or `a-b` is installed.
      const splits = lower.includes(':') ? [lower.indexOf(':')] : [...lower.matchAll(/-/g)].map(m => m.index)
      const at = splits.find(i => catalog.icons(lower.slice(0, i)))
      let message = `unknown component <${tag.name}>: not in components/, Slidev's or Vue's built-ins`
      if (at !== undefined) {
        const [collection, icon] = [lower.slice(0, at), lower.slice(at + 1)]
        if (catalog.icons(collection)!.has(icon))
          continue
        message = `unknown icon <${tag.name}>: "${icon}" is not in the ${collection} icon set`
      }
      else if (lower.includes(':')) {
        const collection = lower.slice(0, lower.indexOf(':'))
        message = `icon <${tag.name}>: the icon collection "${collection}" is not installed (npm i -D @iconify-json/${collection})`
      }
      out.push({ file: s.file, line: lineAt(s, tag.start), no: s.no, check: 'components', message })
    }
  }
  return out
}
