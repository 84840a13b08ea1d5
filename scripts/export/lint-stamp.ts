/**
 * A clean lint is remembered by the hash of everything it read (the build's inputs, the archived
 * threads the quotations are checked against, the tooling), so that a re-export with nothing
 * changed skips it, like eslint's --cache.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Deck } from '../lib/deck.ts'
import { threadsDir } from '../lib/threads.ts'
import { buildInputs, buildKey, walk } from './build-cache.ts'

/** One empty file per clean lint, named by its key: the talk, its short cut and other decks each keep theirs. */
const STAMPS = '.cache/lint-clean'

/** The hash of what the lint of `deck` reads. */
export function lintKey(deck: Deck, root = process.cwd()): string {
  const threads = relative(root, threadsDir(deck.root))
  const read = [...deck.slides.map(s => relative(root, join(deck.root, s.file))), ...walk(root, threads), ...walk(root, 'scripts')]
  return buildKey(buildInputs(root, deck.entry, read, { lint: true, threads }))
}

/** Whether a lint that read exactly these inputs passed. */
export function lintedClean(key: string, root = process.cwd()): boolean {
  return existsSync(join(root, STAMPS, key))
}

export function rememberCleanLint(key: string, root = process.cwd()): void {
  mkdirSync(join(root, STAMPS), { recursive: true })
  writeFileSync(join(root, STAMPS, key), '')
}
