import { tags } from './html.ts'
import { pascalCase } from './slidev-schema.ts'
import { lineAt, scannable, type DeckSlide } from '../deck.ts'
import type { Problem } from '../problem.ts'

export interface ComponentCatalog {
  /** Known component names, PascalCase. */
  components: Set<string>
  /** Installed icon collection names (e.g. "carbon", "svg-spinners"). */
  iconCollections: Iterable<string>
  /** Icon names in a collection, or undefined if they cannot be listed. */
  icons: (collection: string) => Set<string> | undefined
}

/** Tags that contain a dash but are standard SVG elements, not components. */
const SVG_DASHED = new Set(['font-face', 'font-face-src', 'font-face-uri', 'font-face-format', 'font-face-name', 'missing-glyph', 'color-profile'])

/** Whether a tag is a component reference: PascalCase (`<MailQuote>`) or kebab-case (`<mail-quote>`). */
export function isComponentTag(name: string): boolean {
  return /^[A-Z]/.test(name) || (name.includes('-') && !SVG_DASHED.has(name.toLowerCase()))
}

/**
 * Every component a slide uses exists: in the deck's `components/`, the theme's, Slidev's
 * built-ins, Vue's built-ins, or as an icon of an installed Iconify collection
 * (`<carbon-arrow-right />`). Plain HTML tags are ignored.
 */
export function checkComponents(slides: DeckSlide[], catalog: ComponentCatalog): Problem[] {
  const out: Problem[] = []
  const collections = [...catalog.iconCollections].sort((a, b) => b.length - a.length)
  for (const s of slides) {
    const text = scannable(s.body)
    for (const tag of tags(text)) {
      if (tag.closing || !isComponentTag(tag.name))
        continue
      if (catalog.components.has(pascalCase(tag.name)))
        continue
      const lower = tag.name.toLowerCase()
      const collection = collections.find(c => lower.startsWith(`${c}-`))
      let message = `unknown component <${tag.name}>: not in components/, Slidev's or Vue's built-ins`
      if (collection) {
        const icon = lower.slice(collection.length + 1)
        const names = catalog.icons(collection)
        if (!names || names.has(icon))
          continue
        message = `unknown icon <${tag.name}>: "${icon}" is not in the ${collection} icon set`
      }
      out.push({ file: s.file, line: lineAt(s, tag.start), no: s.no, check: 'components', message })
    }
  }
  return out
}
