import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { describe, expect, it } from 'vitest'

// End to end: the real CLI (scripts/export.ts) on small fixture decks. Slow (a Vite build and a
// Chromium per run), hence the long timeouts; no timing assertions: speed is `npm run bench`'s job.
const ROOT = join(dirname(new URL(import.meta.url).pathname), '..')
const SMALL = 'tests/fixtures/export-small/slides.md'
const BROKEN = 'tests/fixtures/export-broken/slides.md'
const hasChromium = existsSync('/usr/bin/chromium') || Boolean(process.env.CHROMIUM_PATH)

function exportCli(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/node'), ['scripts/export.ts', ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 280_000 })
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` }
}

function verifyPdf(pdf: string) {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/node'), ['scripts/verify-pdf.ts', pdf], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` }
}

describe('scripts/export.ts', () => {
  it.skipIf(!hasChromium)('exports every format of a small deck, named from exportFilename', async () => {
    const out = mkdtempSync(join(tmpdir(), 'export-e2e-'))
    const r = exportCli(['all', '--entry', SMALL, '--out', out, '--rebuild']) // a real build, whatever the cache holds
    expect(r.code, r.out).toBe(0)
    expect(r.out).toMatch(/building .*export-small/)
    expect(readdirSync(out).sort()).toEqual(['export-fixture-clicks.pdf', 'export-fixture-clicks.pdf.json', 'export-fixture-handout.pdf', 'export-fixture-handout.pdf.json', 'export-fixture-png', 'export-fixture.pdf', 'export-fixture.pdf.json', 'export-fixture.pptx'])
    // 3 slides, one v-click on the last: 1 + 1 + 2 click steps
    const clicksPdf = join(out, 'export-fixture-clicks.pdf')
    const clicks = await PDFDocument.load(readFileSync(clicksPdf))
    expect(clicks.getPageCount()).toBe(4)
    // The manifest next to each PDF: the deck, and per slide its printed title, first page and pages.
    const manifest = JSON.parse(readFileSync(`${clicksPdf}.json`, 'utf8'))
    expect(manifest).toEqual({
      deck: relative(out, resolve(ROOT, SMALL)),
      format: 'clicks',
      pages: 4,
      slides: [
        { no: 1, title: 'First slide', page: 1, pages: 1 },
        { no: 2, title: 'A diagram', page: 2, pages: 1 },
        { no: 3, title: 'Clicks', page: 3, pages: 2 },
      ],
    })
    expect(JSON.parse(readFileSync(join(out, 'export-fixture.pdf.json'), 'utf8')).slides.map((s: { page: number, pages: number }) => [s.page, s.pages])).toEqual([[1, 1], [2, 1], [3, 1]])
    expect(JSON.parse(readFileSync(join(out, 'export-fixture-handout.pdf.json'), 'utf8')).slides.map((s: { page: number }) => s.page)).toEqual([1, 1, 2])
    // verify:pdf checks each PDF against its manifest, and fails when the manifest's count is wrong.
    for (const f of ['export-fixture.pdf', 'export-fixture-clicks.pdf', 'export-fixture-handout.pdf']) {
      const v = verifyPdf(join(out, f))
      expect(v.code, v.out).toBe(0)
    }
    writeFileSync(`${clicksPdf}.json`, JSON.stringify({ ...manifest, pages: 3, slides: manifest.slides.map((s: object) => ({ ...s, pages: 1 })) }))
    const wrong = verifyPdf(clicksPdf)
    expect(wrong.code, wrong.out).toBe(1)
    expect(wrong.out).toContain('page count: the PDF has 4 pages, expected 3')
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
    expect(r.out).toMatch(/export refused by the lint: 1 problem, nothing written/) // the diagram alone: the talk rules are off (no talk: block)
    expect(readFileSync(previous, 'utf8')).toBe('the previous PDF')
    expect(readdirSync(out)).toEqual(['export-fixture.pdf'])
  }, 300_000)
})
