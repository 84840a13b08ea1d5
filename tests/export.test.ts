import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { describe, expect, it } from 'vitest'

// End to end: the real CLI (scripts/export.ts) on small fixture decks. Slow (a Vite build and a
// Chromium per run), hence the long timeouts; no timing assertions: speed is `npm run bench`'s job.
const ROOT = join(dirname(new URL(import.meta.url).pathname), '..')
const TSX_CLI = join(ROOT, 'node_modules/tsx/dist/cli.mjs')
const SMALL = 'tests/fixtures/export-small/slides.md'
const BROKEN = 'tests/fixtures/export-broken/slides.md'
const hasChromium = existsSync('/usr/bin/chromium') || Boolean(process.env.CHROMIUM_PATH)

function exportCli(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, [TSX_CLI, 'scripts/export.ts', ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 280_000 })
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` }
}

describe('scripts/export.ts', () => {
  it.skipIf(!hasChromium)('exports every format of a small deck, named from exportFilename', async () => {
    const out = mkdtempSync(join(tmpdir(), 'export-e2e-'))
    const r = exportCli(['all', '--entry', SMALL, '--out', out, '--rebuild']) // a real build, whatever the cache holds
    expect(r.code, r.out).toBe(0)
    expect(r.out).toMatch(/building .*export-small/)
    expect(readdirSync(out).sort()).toEqual(['export-fixture-clicks.pdf', 'export-fixture-handout.pdf', 'export-fixture-png', 'export-fixture.pdf', 'export-fixture.pptx'])
    // 3 slides, one v-click on the last: 1 + 1 + 2 click steps
    const clicks = await PDFDocument.load(readFileSync(join(out, 'export-fixture-clicks.pdf')))
    expect(clicks.getPageCount()).toBe(4)
    const pdf = await PDFDocument.load(readFileSync(join(out, 'export-fixture.pdf')))
    expect(pdf.getPageCount()).toBe(3)
    expect(pdf.getTitle()).toBe('Export fixture')
    const text = spawnSync('pdftotext', [join(out, 'export-fixture.pdf'), '-'], { encoding: 'utf8' })
    if (text.status === 0) {
      expect(text.stdout).toContain('First slide') // vector text, not a picture
      expect(text.stdout).toContain('Appears on click') // plain PDF shows every click's content
    }
    expect(readdirSync(join(out, 'export-fixture-png'))).toEqual(['01.png', '02.png', '03.png'])
    expect(readFileSync(join(out, 'export-fixture.pptx')).subarray(0, 2).toString()).toBe('PK')
    const handout = await PDFDocument.load(readFileSync(join(out, 'export-fixture-handout.pdf')))
    expect(handout.getPageCount()).toBe(2)
    const notes = spawnSync('pdftotext', [join(out, 'export-fixture-handout.pdf'), '-'], { encoding: 'utf8' })
    if (notes.status === 0)
      expect(notes.stdout).toContain('a bullet in the notes')
  }, 300_000)

  it('fails with a message naming what to install when no Chromium is found', () => {
    const out = mkdtempSync(join(tmpdir(), 'export-nobrowser-'))
    const r = exportCli(['pdf', '--entry', SMALL, '--out', out], {
      ...process.env,
      CHROMIUM_PATH: '/nonexistent/chromium',
      PLAYWRIGHT_BROWSERS_PATH: '/nonexistent/ms-playwright',
      PATH: mkdtempSync(join(tmpdir(), 'export-nopath-')), // no chromium on PATH (node is spawned by absolute path)
    })
    expect(r.code).not.toBe(0)
    expect(r.out).toContain('apt-get install -y chromium')
    expect(r.out).toContain('CHROMIUM_PATH')
    expect(readdirSync(out)).toEqual([])
  }, 300_000)

  it.skipIf(!hasChromium)('leaves the previous PDF untouched when an export fails (broken diagram)', () => {
    const out = mkdtempSync(join(tmpdir(), 'export-fail-'))
    mkdirSync(out, { recursive: true })
    const previous = join(out, 'export-fixture.pdf')
    writeFileSync(previous, 'the previous PDF')
    const r = exportCli(['pdf', '--entry', BROKEN, '--out', out])
    expect(r.code).not.toBe(0)
    // the lint, run first, finds the broken diagram: nothing is built or written
    expect(r.out).toMatch(/slides\.md:15 \(slide 1\): Mermaid: Parse error/)
    expect(r.out).toMatch(/export refused by the lint: \d+ problems, nothing written/)
    expect(readFileSync(previous, 'utf8')).toBe('the previous PDF')
    expect(readdirSync(out)).toEqual(['export-fixture.pdf'])
  }, 300_000)
})
