import { tags } from './html.ts'
import { isRemote, resources } from './resources.ts'
import { frontmatterKeyLine, lineAt, scannable, type DeckSlide } from '../lib/deck.ts'
import type { Problem } from '../lib/problem.ts'

/** Slidev built-ins that embed content from the internet. */
export const REMOTE_COMPONENTS = ['Tweet', 'Youtube', 'BlueSky']

/**
 * No slide loads anything over the network: no remote image, script, stylesheet, frame or
 * font. Links (`[text](https://…)`, `<a href>`, MailQuote `href`) are fine: they are only
 * followed when clicked.
 */
export function checkRemote(slides: DeckSlide[]): Problem[] {
  const out: Problem[] = []
  for (const s of slides) {
    for (const r of resources(s)) {
      if (isRemote(r.url))
        out.push({ file: s.file, line: r.line, no: s.no, check: 'remote', message: `remote resource: ${r.via} loads ${r.url} (the talk must work offline: put the file in public/)` })
    }
    for (const tag of tags(scannable(s.body))) {
      if (!tag.closing && REMOTE_COMPONENTS.includes(tag.name))
        out.push({ file: s.file, line: lineAt(s, tag.start), no: s.no, check: 'remote', message: `remote resource: <${tag.name}> embeds content from the internet` })
    }
  }
  return out
}

/**
 * Headmatter settings that make Slidev fetch from the internet: web fonts from a font
 * provider (Slidev's default is Google Fonts) and the default favicon on a CDN.
 */
export function checkRemoteHeadmatter(first: DeckSlide, headmatter: Record<string, unknown>): Problem[] {
  const out: Problem[] = []
  const at = (key: string, message: string) =>
    out.push({ file: first.file, line: frontmatterKeyLine(first, key), no: first.no, check: 'remote', message })
  const fonts = headmatter.fonts
  const provider = fonts && typeof fonts === 'object' ? (fonts as Record<string, unknown>).provider : undefined
  if (provider !== 'none')
    at('fonts', `remote fonts: fonts.provider is ${provider === undefined ? 'not set (Slidev defaults to "google", Google Fonts)' : `"${String(provider)}"`}; set fonts: { provider: none } and load local fonts`)
  const favicon = headmatter.favicon
  if (favicon === undefined)
    at('favicon', 'remote resource: no favicon set, so Slidev uses its default favicon from a CDN; set favicon: to a file in public/')
  else if (typeof favicon === 'string' && isRemote(favicon))
    at('favicon', `remote resource: favicon loads ${favicon}`)
  return out
}
