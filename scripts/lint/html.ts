/** A tag in slide markdown, `<Name a="1" :b="x">` or `</Name>`: attributes by name as written, their values' offsets, the offsets of `<` and after `>`. */
export interface Tag { name: string, closing: boolean, selfClosing: boolean, attrs: Map<string, string | undefined>, attrOffsets: Map<string, number>, start: number, end: number }

const RE_TAG = /<(\/?)([A-Za-z][\w.:-]*)((?:\s+[^\s=>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*(\/?)>/g
const RE_ATTR = /([^\s=>/"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?/g

/** Every HTML/Vue tag in `text` (run it on `scannable()` text so comments and code are skipped). */
export function tags(text: string): Tag[] {
  return [...text.matchAll(RE_TAG)].map((m) => {
    const attrBase = m.index + 1 + m[1]!.length + m[2]!.length
    const attrs = new Map<string, string | undefined>()
    const attrOffsets = new Map<string, number>()
    for (const a of (m[3] ?? '').matchAll(RE_ATTR)) {
      const raw = a[2]
      attrs.set(a[1]!, raw?.replace(/^(["'])([\s\S]*)\1$/, '$2'))
      attrOffsets.set(a[1]!, attrBase + (raw === undefined ? a.index : a.index + a[0].length - raw.length + (/^["']/.test(raw) ? 1 : 0)))
    }
    return { name: m[2]!, closing: m[1] === '/', selfClosing: m[4] === '/', attrs, attrOffsets, start: m.index, end: m.index + m[0].length }
  })
}

/** The static value of an attribute, also from `:name="'literal'"`. */
export function staticAttr(tag: Tag, name: string): string | undefined {
  const bound = tag.attrs.get(`:${name}`) ?? tag.attrs.get(`v-bind:${name}`)
  return tag.attrs.get(name) ?? (bound === undefined ? undefined : /^\s*(['`])([^'`]*)\1\s*$/.exec(bound)?.[2])
}
