import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, extname, join, relative, resolve } from 'node:path'
import { crc32 } from 'node:zlib'
import { staticAttr, tags } from './html.ts'
import { frontmatterKeyLine, lineAt, scannable, type DeckSlide } from '../lib/deck.ts'
import type { Problem } from '../lib/problem.ts'

/** Something a slide makes the browser load (an image, a script, a stylesheet, a frame…), how ("<img src>", "CSS url()"…) and where. */
export interface Resource { url: string, via: string, line: number }

/** Frontmatter keys whose value is loaded as a resource (layouts' `image`, `background`, iframe `url`; the headmatter's `favicon`). */
const FRONTMATTER_KEYS = ['image', 'background', 'backgroundImage', 'url', 'favicon']
/** Tag attributes that load what they point at; `href` only on `<link>` (`<a href>` is a link, not a load). */
const LOADING_ATTRS = ['src', 'srcset', 'poster', 'data']
const IMAGE = /\.(?:png|jpe?g|gif|webp|svg)$/i

const isRemote = (url: string) => /^(?:https?:)?\/\//i.test(url)

/** Every resource a slide loads, with the file line where it is referenced. */
export function resources(slide: DeckSlide): Resource[] {
  const out: Resource[] = []
  const text = scannable(slide.body)
  const at = (offset: number) => lineAt(slide, offset)
  for (const key of FRONTMATTER_KEYS) {
    const v = slide.frontmatter[key]
    // `background` may be a colour or a CSS gradient rather than an image.
    if (typeof v === 'string' && v && (key !== 'background' || /^(?:https?:)?\/\/|^\.{0,2}\/|\.(?:png|jpe?g|gif|svg|webp|avif|ico|bmp|tiff?)$/i.test(v)))
      out.push({ url: v, via: `frontmatter ${key}`, line: frontmatterKeyLine(slide, key) })
  }
  for (const m of text.matchAll(/!\[[^\]]*\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g))
    out.push({ url: m[1]!.replace(/^<|>$/g, ''), via: 'image', line: at(m.index) })
  for (const tag of tags(text).filter(t => !t.closing)) {
    for (const name of [...LOADING_ATTRS, ...tag.name.toLowerCase() === 'link' ? ['href'] : []]) {
      const v = staticAttr(tag, name) // a bound JS expression cannot be known statically
      const line = at(tag.attrOffsets.get(name) ?? tag.attrOffsets.get(`:${name}`) ?? tag.start)
      const urls = !v || v.includes('{{') ? [] : name === 'srcset' ? v.split(',').map(p => p.trim().split(/\s+/)[0]!) : [v.trim()]
      out.push(...urls.filter(Boolean).map(url => ({ url, via: `<${tag.name} ${name}>`, line })))
    }
  }
  for (const [re, via] of [[/url\(\s*(["']?)([^"')\s]+)\1\s*\)/g, 'CSS url()'], [/@import\s+(["'])([^"']+)\1/g, 'CSS @import']] as const) {
    for (const m of text.matchAll(re)) out.push({ url: m[2]!, via, line: at(m.index) })
  }
  return out.filter(r => !r.url.startsWith('data:') && !r.url.startsWith('#'))
}

/** Why an image file cannot be shown (its header or structure does not decode), or undefined. */
export function imageDefect(bytes: Buffer, name: string): string | undefined {
  const ext = extname(name).toLowerCase()
  if (bytes.length === 0)
    return 'empty file'
  if (ext === '.png') {
    if (bytes.length < 33 || bytes.readUInt32BE(0) !== 0x89504E47 || bytes.readUInt32BE(4) !== 0x0D0A1A0A)
      return 'not a PNG (bad signature)'
    for (let at = 8; at + 12 <= bytes.length;) {
      const len = bytes.readUInt32BE(at)
      const type = bytes.toString('latin1', at + 4, at + 8)
      if (at + 12 + len > bytes.length)
        return `PNG truncated in chunk ${type}`
      if (at === 8 && (type !== 'IHDR' || bytes.readUInt32BE(at + 8) === 0 || bytes.readUInt32BE(at + 12) === 0))
        return 'PNG has no valid IHDR (width, height)'
      if (crc32(bytes.subarray(at + 4, at + 8 + len)) !== bytes.readUInt32BE(at + 8 + len))
        return `PNG chunk ${type} at byte ${at} fails its CRC`
      if (type === 'IEND')
        return undefined
      at += 12 + len
    }
    return 'PNG truncated (no IEND)'
  }
  if (ext === '.jpg' || ext === '.jpeg') {
    if (bytes.length < 4 || bytes.readUInt16BE(0) !== 0xFFD8)
      return 'not a JPEG (no SOI marker)'
    let size = false
    // Up to the start of scan (0xDA), where the header is over.
    for (let at = 2; at + 4 <= bytes.length && bytes[at] === 0xFF && bytes[at + 1] !== 0xDA; at += 2 + bytes.readUInt16BE(at + 2)) {
      const marker = bytes[at + 1]!
      if (marker >= 0xC0 && marker <= 0xCF && ![0xC4, 0xC8, 0xCC].includes(marker))
        size = at + 9 <= bytes.length && bytes.readUInt16BE(at + 5) > 0 && bytes.readUInt16BE(at + 7) > 0
    }
    if (!size)
      return 'JPEG has no frame header with a width and height'
    return bytes.lastIndexOf(Buffer.from([0xFF, 0xD9])) < bytes.length - 64 ? 'JPEG truncated (no EOI marker at the end)' : undefined
  }
  if (ext === '.gif')
    return /^GIF8[79]a/.test(bytes.toString('latin1', 0, 6)) && bytes.length >= 10 && bytes.readUInt16LE(6) > 0 && bytes.readUInt16LE(8) > 0 ? undefined : 'not a GIF (bad header or zero size)'
  if (ext === '.webp')
    return bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP' && bytes.readUInt32LE(4) + 8 <= bytes.length ? undefined : 'not a WebP (bad RIFF header or truncated)'
  if (ext === '.svg')
    return /<svg[\s/>]/.test(bytes.toString('utf8')) ? undefined : 'not an SVG (no <svg> element)'
  return undefined
}

/** Every local file a slide loads exists (`/x.png` in `public/`, `./x.png` beside its markdown file), and every image there or in public/ decodes. */
export function checkAssets(slides: DeckSlide[], root: string, exists: (path: string) => boolean = existsSync): Problem[] {
  const out: Problem[] = []
  const seen = new Set<string>()
  const defectOf = (path: string) => {
    seen.add(path)
    try {
      return IMAGE.test(path) ? imageDefect(readFileSync(path), path) : undefined
    }
    catch {} // unreadable: as good as missing, which exists() says
  }
  for (const s of slides) {
    for (const r of resources(s)) {
      if (/^(?:[a-z][\w+.-]*:|\/\/|[?#])/i.test(r.url))
        continue // remote (the talk's rule, checkRemote), mailto:, blob: …
      const path = decodeURI(r.url.replace(/[?#].*$/, ''))
      // Vite resolves a relative path in the markdown from its file; a frontmatter value reaches the
      // browser as it is, relative to the page, which Slidev serves with public/ at the base.
      const inPublic = path.startsWith('/') || r.via.startsWith('frontmatter')
      const file = inPublic ? join(root, 'public', path) : resolve(dirname(join(root, s.file)), path)
      const found = exists(file)
      const defect = found && defectOf(file)
      if (!found || defect)
        out.push({ file: s.file, line: r.line, no: s.no, check: found ? 'images' : 'assets', message: found ? `broken image ${r.url} (${relative(root, file)}): ${defect}` : `missing asset: ${r.via} "${r.url}" not found (${inPublic ? join('public', path) : path})` })
    }
  }
  const pub = join(root, 'public')
  for (const file of existsSync(pub) ? readdirSync(pub, { recursive: true, encoding: 'utf8' }).map(f => join(pub, f)) : []) {
    const defect = !seen.has(file) && defectOf(file)
    if (defect)
      out.push({ file: relative(root, file), line: 1, no: 0, check: 'images', message: `broken image (not used by a slide): ${defect}` })
  }
  return out
}

/** Slidev built-ins that embed content from the internet. */
const REMOTE_COMPONENTS = ['Tweet', 'Youtube', 'BlueSky']

/**
 * Nothing is loaded over the network: by a slide (links are fine: only followed when clicked),
 * or by the headmatter: a web font provider (Google by default), the default favicon on a CDN.
 */
export function checkRemote(slides: DeckSlide[], headmatter: Record<string, unknown>): Problem[] {
  const first = slides[0]!
  const provider = (headmatter.fonts as Record<string, unknown> | undefined)?.provider
  return [
    ...provider === 'none' ? [] : [{ s: first, line: frontmatterKeyLine(first, 'fonts'), message: `remote fonts: fonts.provider is ${provider === undefined ? 'not set (Slidev defaults to "google", Google Fonts)' : `"${String(provider)}"`}; set fonts: { provider: none } and load local fonts` }],
    ...headmatter.favicon !== undefined ? [] : [{ s: first, line: frontmatterKeyLine(first, 'favicon'), message: 'remote resource: no favicon set, so Slidev uses its default favicon from a CDN; set favicon: to a file in public/' }],
    ...slides.flatMap(s => [
      ...resources(s).filter(r => isRemote(r.url)).map(r => ({ s, line: r.line, message: `remote resource: ${r.via} loads ${r.url} (the talk must work offline: put the file in public/)` })),
      ...tags(scannable(s.body)).filter(t => !t.closing && REMOTE_COMPONENTS.includes(t.name)).map(t => ({ s, line: lineAt(s, t.start), message: `remote resource: <${t.name}> embeds content from the internet` })),
    ]),
  ].map(({ s, ...p }) => ({ file: s.file, no: s.no, check: 'remote', ...p }))
}
