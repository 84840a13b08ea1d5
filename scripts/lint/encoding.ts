import { isUtf8 } from 'node:buffer'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Deck } from '../lib/deck.ts'
import type { Problem } from '../lib/problem.ts'

/** The lines of `bytes` that are not valid UTF-8 (1-based), with the first bad byte and its column. */
export function invalidUtf8Lines(bytes: Uint8Array): { line: number, column: number, byte: number }[] {
  const out: { line: number, column: number, byte: number }[] = []
  for (let start = 0, line = 1; start <= bytes.length; line++) {
    const end = bytes.indexOf(0x0A, start)
    const slice = bytes.subarray(start, end < 0 ? bytes.length : end)
    if (!isUtf8(slice)) {
      // The first replacement character of a lenient decode is where the bad byte is.
      const text = new TextDecoder().decode(slice)
      const col = Math.max(0, text.indexOf('\uFFFD'))
      out.push({ line, column: col + 1, byte: slice[Buffer.byteLength(text.slice(0, col))] ?? 0 })
    }
    start = end < 0 ? bytes.length + 1 : end + 1
  }
  return out
}

/** Every markdown file of the deck (entry and `src:` pages) is UTF-8: a stray byte prints as "�". */
export function checkEncoding(deck: Deck, read: (path: string) => Uint8Array = readFileSync): Problem[] {
  return [...new Set(deck.slides.map(s => s.file))].flatMap((file) => {
    const inFile = deck.slides.filter(s => s.file === file)
    return invalidUtf8Lines(read(join(deck.root, file))).map(bad => ({
      file,
      line: bad.line,
      no: ([...inFile].reverse().find(s => s.line <= bad.line) ?? inFile[0]!).no,
      check: 'encoding',
      message: `not UTF-8: byte 0x${bad.byte.toString(16).toUpperCase().padStart(2, '0')} at column ${bad.column} (save the file as UTF-8)`,
    }))
  })
}
