/** A tag found in slide markdown: `<Name a="1" :b="x">` (or `</Name>`). */
export interface Tag {
  name: string
  closing: boolean
  selfClosing: boolean
  /** Attribute name (as written, e.g. ":src") → value (undefined for a bare attribute). */
  attrs: Map<string, string | undefined>
  /** Offset of `<` and just after `>` in the scanned text. */
  start: number
  end: number
  /** Offset of each attribute's value (or name when bare). */
  attrOffsets: Map<string, number>
}

const RE_TAG = /<(\/?)([A-Za-z][\w.:-]*)((?:\s+[^\s=>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*(\/?)>/g
const RE_ATTR = /([^\s=>/"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?/g

/** Every HTML/Vue tag in `text` (run it on `scannable()` text so comments and code are skipped). */
export function tags(text: string): Tag[] {
  const out: Tag[] = []
  for (const m of text.matchAll(RE_TAG)) {
    const start = m.index
    const attrText = m[3] ?? ''
    const attrBase = start + 1 + (m[1] ?? '').length + (m[2] ?? '').length
    const attrs = new Map<string, string | undefined>()
    const attrOffsets = new Map<string, number>()
    for (const a of attrText.matchAll(RE_ATTR)) {
      const name = a[1]!
      const raw = a[2]
      const value = raw === undefined ? undefined : raw.replace(/^(["'])([\s\S]*)\1$/, '$2')
      attrs.set(name, value)
      const valueAt = raw === undefined ? a.index : a.index + a[0].length - raw.length + (raw.startsWith('"') || raw.startsWith('\'') ? 1 : 0)
      attrOffsets.set(name, attrBase + valueAt)
    }
    out.push({ name: m[2]!, closing: m[1] === '/', selfClosing: m[4] === '/', attrs, start, end: start + m[0].length, attrOffsets })
  }
  return out
}

/** The static value of an attribute, also from `:name="'literal'"`. */
export function staticAttr(tag: Tag, name: string): string | undefined {
  const v = tag.attrs.get(name)
  if (v !== undefined)
    return v
  const bound = tag.attrs.get(`:${name}`) ?? tag.attrs.get(`v-bind:${name}`)
  const lit = bound === undefined ? undefined : /^\s*(['`])([^'`]*)\1\s*$/.exec(bound)
  return lit?.[2]
}

const ENTITIES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: '\'', nbsp: ' ', '#39': '\'' }

/** Decodes the few HTML entities that can stand for plain characters in slide text. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => {
    if (e in ENTITIES)
      return ENTITIES[e]!
    if (/^#x/i.test(e))
      return String.fromCodePoint(Number.parseInt(e.slice(2), 16))
    if (e.startsWith('#'))
      return String.fromCodePoint(Number.parseInt(e.slice(1), 10))
    return all
  })
}
