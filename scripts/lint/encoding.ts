import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Deck } from '../lib/deck.ts'
import type { Problem } from '../lib/problem.ts'

const utf8 = new TextDecoder('utf-8', { fatal: true })
const lenient = new TextDecoder('utf-8')

/** 1-based numbers of the lines of `bytes` that are not valid UTF-8, with the first bad byte's column. */
export function invalidUtf8Lines(bytes: Uint8Array): { line: number, column: number, byte: number }[] {
  const out: { line: number, column: number, byte: number }[] = []
  let start = 0
  let line = 1
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0A)
      continue
    const slice = bytes.subarray(start, i)
    try {
      utf8.decode(slice)
    }
    catch {
      // The first replacement character of a lenient decode is where the bad byte is.
      const text = lenient.decode(slice)
      const col = text.indexOf('\uFFFD')
      const at = Buffer.byteLength(text.slice(0, Math.max(0, col)))
      out.push({ line, column: Math.max(0, col) + 1, byte: slice[at] ?? 0 })
    }
    start = i + 1
    line++
  }
  return out
}

/** Every markdown file of the deck (entry and `src:` pages) is UTF-8: a stray byte prints as "�". */
export function checkEncoding(deck: Deck, read: (path: string) => Uint8Array = readFileSync): Problem[] {
  const out: Problem[] = []
  const files = [...new Set(deck.slides.map(s => s.file))]
  for (const file of files) {
    const inFile = deck.slides.filter(s => s.file === file)
    for (const bad of invalidUtf8Lines(read(join(deck.root, file)))) {
      const slide = [...inFile].reverse().find(s => s.line <= bad.line) ?? inFile[0]!
      out.push({ file, line: bad.line, no: slide.no, check: 'encoding', message: `not UTF-8: byte 0x${bad.byte.toString(16).toUpperCase().padStart(2, '0')} at column ${bad.column} (save the file as UTF-8)` })
    }
  }
  return out
}
