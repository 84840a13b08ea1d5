import { tags } from './html.ts'
import { frontmatterKeyLine, lineAt, scannable, type DeckSlide } from '../lib/deck.ts'

/** Something a slide makes the browser load: an image, a script, a stylesheet, a frame… */
export interface Resource {
  url: string
  /** How it is referenced, for messages: "image", "<img src>", "url()", "frontmatter image"… */
  via: string
  line: number
}

/** Frontmatter keys whose value is loaded as a resource (layouts' `image`, `background`, iframe `url`). */
export const FRONTMATTER_RESOURCE_KEYS = ['image', 'background', 'backgroundImage', 'url']
/** Tag attributes that load what they point at. `<a href>` is a link, not a load, and is not listed. */
export const LOADING_ATTRS = ['src', 'srcset', 'poster', 'data']
/** Tags whose `href` is loaded (stylesheets, icons, preloads). */
export const HREF_LOADING_TAGS = ['link']

const RE_MD_IMAGE = /!\[[^\]]*\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g
const RE_CSS_URL = /url\(\s*(["']?)([^"')\s]+)\1\s*\)/g
const RE_CSS_IMPORT = /@import\s+(["'])([^"']+)\1/g

/** Every resource a slide loads, with the file line where it is referenced. */
export function resources(slide: DeckSlide): Resource[] {
  const out: Resource[] = []
  const text = scannable(slide.body)
  const at = (offset: number) => lineAt(slide, offset)

  for (const key of FRONTMATTER_RESOURCE_KEYS) {
    const v = slide.frontmatter[key]
    if (typeof v !== 'string' || !v || v.startsWith('data:'))
      continue
    // `background` may be a colour or a CSS gradient rather than an image.
    if (key === 'background' && !/^(?:https?:)?\/\/|^\.{0,2}\/|\.(?:png|jpe?g|gif|svg|webp|avif|ico|bmp|tiff?)$/i.test(v))
      continue
    out.push({ url: v, via: `frontmatter ${key}`, line: frontmatterKeyLine(slide, key) })
  }
  for (const m of text.matchAll(RE_MD_IMAGE))
    out.push({ url: m[1]!.replace(/^<|>$/g, ''), via: 'image', line: at(m.index) })
  for (const tag of tags(text)) {
    if (tag.closing)
      continue
    const lower = tag.name.toLowerCase()
    const names = [...LOADING_ATTRS, ...(HREF_LOADING_TAGS.includes(lower) ? ['href'] : [])]
    for (const name of names) {
      for (const attr of [name, `:${name}`]) {
        let v = tag.attrs.get(attr)
        if (v === undefined)
          continue
        if (attr.startsWith(':')) {
          const lit = /^\s*(['`])([^'`]*)\1\s*$/.exec(v)
          if (!lit)
            continue // a JS expression: cannot know statically
          v = lit[2]!
        }
        if (name === 'srcset') {
          for (const part of v.split(',')) {
            const u = part.trim().split(/\s+/)[0]
            if (u)
              out.push({ url: u, via: `<${tag.name} srcset>`, line: at(tag.attrOffsets.get(attr) ?? tag.start) })
          }
          continue
        }
        if (v && !v.includes('{{'))
          out.push({ url: v.trim(), via: `<${tag.name} ${name}>`, line: at(tag.attrOffsets.get(attr) ?? tag.start) })
      }
    }
  }
  for (const m of text.matchAll(RE_CSS_URL))
    out.push({ url: m[2]!, via: 'CSS url()', line: at(m.index) })
  for (const m of text.matchAll(RE_CSS_IMPORT))
    out.push({ url: m[2]!, via: 'CSS @import', line: at(m.index) })
  return out.filter(r => !r.url.startsWith('data:') && !r.url.startsWith('#'))
}

export function isRemote(url: string): boolean {
  return /^(?:https?:)?\/\//i.test(url)
}
