import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, extname, join, relative, resolve } from 'node:path'
import { crc32 } from 'node:zlib'
import { isRemote, resources } from './resources.ts'
import type { DeckSlide } from '../lib/deck.ts'
import type { Problem } from '../lib/problem.ts'

const IMAGE = /\.(?:png|jpe?g|gif|webp|svg)$/i

/**
 * Why an image file cannot be shown, or undefined when its header and structure decode: PNG
 * (signature, IHDR size, every chunk's CRC, IEND), JPEG (SOI, a frame header with a size, EOI),
 * GIF and WebP headers, SVG root element.
 */
export function imageDefect(bytes: Buffer, name: string): string | undefined {
  const ext = extname(name).toLowerCase()
  if (bytes.length === 0)
    return 'empty file'
  if (ext === '.png') {
    if (bytes.length < 33 || bytes.readUInt32BE(0) !== 0x89504E47 || bytes.readUInt32BE(4) !== 0x0D0A1A0A)
      return 'not a PNG (bad signature)'
    let at = 8
    let first = true
    while (at + 12 <= bytes.length) {
      const len = bytes.readUInt32BE(at)
      const type = bytes.toString('latin1', at + 4, at + 8)
      if (at + 12 + len > bytes.length)
        return `PNG truncated in chunk ${type}`
      if (first && (type !== 'IHDR' || bytes.readUInt32BE(at + 8) === 0 || bytes.readUInt32BE(at + 12) === 0))
        return 'PNG has no valid IHDR (width, height)'
      first = false
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
    let at = 2
    let size = false
    while (at + 4 <= bytes.length && bytes[at] === 0xFF) {
      const marker = bytes[at + 1]!
      if (marker === 0xDA)
        break // start of scan: the header is over
      if (marker >= 0xC0 && marker <= 0xCF && ![0xC4, 0xC8, 0xCC].includes(marker))
        size = at + 9 <= bytes.length && bytes.readUInt16BE(at + 5) > 0 && bytes.readUInt16BE(at + 7) > 0
      at += 2 + bytes.readUInt16BE(at + 2)
    }
    if (!size)
      return 'JPEG has no frame header with a width and height'
    if (bytes.lastIndexOf(Buffer.from([0xFF, 0xD9])) < bytes.length - 64)
      return 'JPEG truncated (no EOI marker at the end)'
    return undefined
  }
  if (ext === '.gif')
    return /^GIF8[79]a/.test(bytes.toString('latin1', 0, 6)) && bytes.length >= 10 && bytes.readUInt16LE(6) > 0 && bytes.readUInt16LE(8) > 0 ? undefined : 'not a GIF (bad header or zero size)'
  if (ext === '.webp')
    return bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP' && bytes.readUInt32LE(4) + 8 <= bytes.length ? undefined : 'not a WebP (bad RIFF header or truncated)'
  if (ext === '.svg')
    return /<svg[\s/>]/.test(bytes.toString('utf8')) ? undefined : 'not an SVG (no <svg> element)'
  return undefined
}

function walk(dir: string): string[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  }
  catch {
    return []
  }
  return names.flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? walk(p) : [p]
  })
}

/**
 * Every image that a slide references, and every image in public/, decodes. A referenced image is
 * reported where the slide references it; an unreferenced one in public/ at its own path.
 */
export function checkImageFiles(slides: DeckSlide[], root: string, read: (p: string) => Buffer = readFileSync): Problem[] {
  const out: Problem[] = []
  const reported = new Set<string>()
  const defectOf = (path: string) => {
    try {
      return imageDefect(read(path), path)
    }
    catch {
      return undefined // missing: the assets check says so
    }
  }
  for (const s of slides) {
    for (const r of resources(s)) {
      if (isRemote(r.url) || /^[a-z][\w+.-]*:/i.test(r.url))
        continue
      const path = decodeURI(r.url.replace(/[?#].*$/, ''))
      if (!IMAGE.test(path))
        continue
      const file = path.startsWith('/') ? join(root, 'public', path) : resolve(dirname(join(root, s.file)), path)
      const defect = defectOf(file)
      reported.add(file)
      if (defect)
        out.push({ file: s.file, line: r.line, no: s.no, check: 'images', message: `broken image ${r.url} (${relative(root, file)}): ${defect}` })
    }
  }
  for (const file of walk(join(root, 'public')).filter(p => IMAGE.test(p) && !reported.has(p))) {
    const defect = defectOf(file)
    if (defect)
      out.push({ file: relative(root, file), line: 1, no: 0, check: 'images', message: `broken image (not used by a slide): ${defect}` })
  }
  return out
}
