import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadDeck } from '../../scripts/lib/deck.ts'
import { lintedClean, lintKey, rememberCleanLint } from '../../scripts/export/lint-stamp.ts'

describe('the clean-lint stamp of re-exports', () => {
  it('is found for the same inputs only, one per deck', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lint-stamp-'))
    cpSync(resolve(__dirname, '../fixtures/export-small'), root, { recursive: true, filter: src => !src.includes('node_modules') })
    const entry = join(root, 'slides.md')
    const key = lintKey(await loadDeck(entry), root)
    expect(lintedClean(key, root)).toBe(false)
    rememberCleanLint(key, root)
    expect(lintedClean(key, root)).toBe(true)
    expect(lintKey(await loadDeck(entry), root)).toBe(key) // nothing changed

    writeFileSync(entry, `${readFileSync(entry, 'utf8')}\n---\n\n# One more slide\n`)
    const changed = lintKey(await loadDeck(entry), root)
    expect(changed).not.toBe(key)
    expect(lintedClean(changed, root)).toBe(false)
    rememberCleanLint(changed, root)
    expect(lintedClean(key, root) && lintedClean(changed, root)).toBe(true) // both decks keep theirs
  })

  it('changes when a thread changes, wherever the threads folder lies (here under a folder named exports)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lint-stamp-'))
    cpSync(resolve(__dirname, '../fixtures/export-small'), root, { recursive: true, filter: src => !src.includes('node_modules') })
    const threads = join(mkdtempSync(join(tmpdir(), 'lint-stamp-threads-')), 'exports', 'threads')
    mkdirSync(threads, { recursive: true })
    writeFileSync(join(threads, 'a.txt'), 'From: A\n\nfirst text\n')
    const before = process.env.THREADS_DIR
    process.env.THREADS_DIR = threads
    try {
      const deck = await loadDeck(join(root, 'slides.md'))
      const key = lintKey(deck, root)
      writeFileSync(join(threads, 'a.txt'), 'From: A\n\na longer, different text\n')
      expect(lintKey(deck, root)).not.toBe(key)
    }
    finally {
      if (before === undefined)
        delete process.env.THREADS_DIR
      else
        process.env.THREADS_DIR = before
    }
  })
})
