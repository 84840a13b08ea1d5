/**
 * A clean lint is remembered by the hash of everything it read, so that a re-export with nothing
 * changed skips it (the speaker's re-exports in the last hour), like eslint's --cache. The hash
 * covers the build's inputs (the deck, its pages, components, sources, public…), the archived
 * threads the quotations are checked against, and the tooling itself. Any change lints again.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Deck } from '../lib/deck.ts'
import { threadsDir } from '../lib/threads.ts'
import { buildInputs, buildKey, walk } from './build-cache.ts'

/** One empty file per clean lint, named by its key: the talk, its short cut and other decks each keep theirs. */
const STAMPS = '.cache/lint-clean'

/** The hash of what the lint of `deck` reads. */
export function lintKey(deck: Deck, root = process.cwd()): string {
  const h = createHash('sha256')
  const deckFiles = [...new Set(deck.slides.map(s => relative(root, join(deck.root, s.file))))]
  h.update(buildKey(buildInputs(root, deck.entry, deckFiles, { lint: true })))
  const threads = threadsDir(deck.root)
  h.update(`threads ${threads}\n`)
  for (const [base, dir] of [[threads, ''], [root, 'scripts']] as const) {
    const files: string[] = []
    walk(base, dir, files)
    for (const f of files) h.update(`${f}\0`).update(readFileSync(join(base, f)))
  }
  return h.digest('hex')
}

/** Whether a lint that read exactly these inputs passed. */
export function lintedClean(key: string, root = process.cwd()): boolean {
  return existsSync(join(root, STAMPS, key))
}

export function rememberCleanLint(key: string, root = process.cwd()): void {
  mkdirSync(join(root, STAMPS), { recursive: true })
  writeFileSync(join(root, STAMPS, key), '')
}
