/**
 * Proof that lint, export, verify:pdf and check are a gate for any Slidev deck, not only this
 * talk. tests/fixtures/any-deck has no `talk:` block and uses Slidev's standard features (icons in
 * both syntaxes, a Monaco editor, v-motion, LaTeX and inline HTML in a title, a slide without a
 * heading or notes, `colorSchema: dark`): it must pass with the talk's rules off. The same deck
 * with a theme that is not installed fails the lint on that alone; with `talk: {}` the talk's
 * rules apply again. One build: the export's, which the check reuses from the export's cache.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadDeck } from '../scripts/lib/deck.ts'
import { CACHE_DIR } from '../scripts/export/build-cache.ts'
import { lintDeck } from '../scripts/lint/index.ts'
import { formatProblem } from '../scripts/lib/problem.ts'
import { runScript } from './helpers/cli.ts'

const ROOT = join(import.meta.dirname, '..')
const DECK = 'tests/fixtures/any-deck/slides.md'
const MD = readFileSync(join(ROOT, DECK), 'utf8')

/** The fixture's slides.md changed by `edit`, alone in a temp folder; returns its path. */
function variant(edit: (md: string) => string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'any-deck-')), 'slides.md')
  const md = edit(MD)
  expect(md).not.toBe(MD)
  writeFileSync(file, md)
  return file
}

const lint = async (entry: string) => lintDeck(await loadDeck(entry))

describe('any Slidev deck, with the talk\'s rules off', () => {
  it('lint passes: icons, Monaco, v-motion, LaTeX, no notes, no title, remote favicon', async () => {
    const r = await lint(join(ROOT, DECK))
    expect(r.problems.map(formatProblem)).toEqual([])
    expect(r.slides).toBe(4)
  })

  it('lint reports a theme that is not installed first and alone', async () => {
    const r = await lint(variant(md => md.replace('theme: default', 'theme: no-such-theme')))
    expect(r.report).toEqual(['lint: 1 problem will stop slidev build; the other checks run once it is fixed'])
    expect(r.problems.map(formatProblem)).toEqual([
      'slides.md:5 (slide 1): slidev build stops: the theme "no-such-theme" is not installed (npm i -D @slidev/theme-no-such-theme, or theme: default)',
    ])
  })

  it('export refuses a theme that is not installed before building: the lint\'s line, nothing written', { timeout: 120_000 }, async () => {
    const out = mkdtempSync(join(tmpdir(), 'any-deck-no-theme-'))
    const exp = await runScript('scripts/export.ts', ['pdf', '--entry', variant(md => md.replace('theme: default', 'theme: no-such-theme')), '--out', out])
    const detail = `${exp.stdout}\n${exp.stderr}`
    expect(exp.code, detail).toBe(1)
    expect(exp.stderr, detail).toContain('slides.md:5 (slide 1): slidev build stops: the theme "no-such-theme" is not installed')
    expect(exp.stderr, detail).toContain('export refused by the lint: 1 problem, nothing written')
    expect(detail).not.toMatch(/building .* with Slidev/) // Slidev would exit, or ask to install the theme
    expect(readdirSync(out)).toEqual([])
  })

  it('with a talk: block the talk\'s rules apply: notes, titles, offline', async () => {
    const r = await lint(variant(md => md.replace('transition: none\n', 'transition: none\ntalk: {}\n')))
    const messages = r.problems.map(p => p.message)
    expect(messages.filter(m => m.startsWith('no speaker notes'))).toHaveLength(4)
    expect(messages.filter(m => m.startsWith('no title'))).toHaveLength(1)
    expect(messages).toContain('remote resource: no favicon set, so Slidev uses its default favicon from a CDN; set favicon: to a file in public/')
  })

  it('export gives one page per slide (as `slidev export`), verify:pdf and check pass on that build', { timeout: 900_000 }, async () => {
    const out = mkdtempSync(join(tmpdir(), 'any-deck-export-'))
    const exp = await runScript('scripts/export.ts', ['pdf', '--entry', DECK, '--out', out])
    expect(exp.code, `${exp.stdout}\n${exp.stderr}`).toBe(0)
    const pdf = join(out, readdirSync(out).find(f => f.endsWith('.pdf'))!)
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/^Pages:\s+4$/m)

    const verify = await runScript('scripts/verify-pdf.ts', [pdf])
    expect(verify.code, `${verify.stdout}\n${verify.stderr}`).toBe(0)

    // The check reuses the export's build (the cache's pointer to the last build of this entry).
    const last = JSON.parse(readFileSync(join(ROOT, CACHE_DIR, `last-${DECK.replace(/[^\w.-]+/g, '_')}.json`), 'utf8')) as { key: string }
    const check = await runScript('scripts/check.ts', [DECK, '--dist', join(ROOT, CACHE_DIR, last.key, 'site')])
    const detail = `${check.stdout}\n${check.stderr}`
    expect(check.code, detail).toBe(0)
    expect(check.stdout, detail).toContain('the deck is dark only (colorSchema: dark): the light pass is skipped')
    expect(check.stdout, detail).toMatch(/check: 4 slides, \d+ steps × 1 schemes .* 0 problems/)
  })
})
