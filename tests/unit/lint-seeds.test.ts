import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findQuote, loadSeeds, makeSeed, normalizeWhitespace, seedsDir, stripReplyMarkers } from '../../scripts/lib/seeds.ts'

const thread = makeSeed('t.txt', [
  'Hi Hollis --',
  '',
  '> In general, why are you so determined to track Linux code? Although ',
  '> Xen/x86 started that way, it has since diverged',
  '',
  'It is true that there is a "ton" of Linux code.  But there is a "couple hundred',
  'pounds of gold/platinum" Linux code. #A doesn;t need binary patching.',
].join('\n'))

describe('seeds', () => {
  it('normalises whitespace and strips reply markers', () => {
    expect(normalizeWhitespace('  a \n\t b  ')).toBe('a b')
    expect(stripReplyMarkers('> a\n> > b\nc')).toBe('a\nb\nc')
  })

  it('finds verbatim quotes whatever the line breaks', () => {
    expect(findQuote([thread], 'But there is a\n   "couple hundred pounds of gold/platinum" Linux code.').found).toBe(true)
    expect(findQuote([thread], '#A doesn;t need binary patching.').found).toBe(true)
    expect(findQuote([thread], 'why are you so determined to track Linux code? Although Xen/x86 started that way').found).toBe(true)
  })

  it('is literal about everything but whitespace', () => {
    for (const q of ['#A doesn\'t need binary patching.', 'there is a “ton” of Linux code', 'it is true that there is'])
      expect(findQuote([thread], q).found, q).toBe(false)
  })

  it('tells how far a misquote matched', () => {
    const m = findQuote([thread], 'But there is a "couple hundred pounds of silver"')
    expect(m).toEqual({ found: false, matchedPrefix: 'But there is a "couple hundred pounds of ' })
  })

  it('loads *.txt from a folder, SEEDS_DIR overrides, missing folder is a clear error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seeds-'))
    writeFileSync(join(dir, 'b.txt'), 'two')
    writeFileSync(join(dir, 'a.txt'), 'one')
    writeFileSync(join(dir, 'notes.md'), 'ignored')
    expect(loadSeeds(dir).map(s => s.name)).toEqual(['a.txt', 'b.txt'])
    expect(seedsDir('/anywhere', { SEEDS_DIR: dir })).toBe(dir)
    expect(seedsDir(process.cwd(), {})).toBe(join(process.cwd(), '../shared/seeds'))
    expect(() => loadSeeds(join(dir, 'nope'))).toThrow(/seeds folder not found: .*SEEDS_DIR/)
  })
})
