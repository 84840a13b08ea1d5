/**
 * `npm run verify:pdf` against PDFs printed by Chromium from small HTML pages: a good one passes,
 * and a missing title, a blank page, a wrong page count each fail with the page and slide named.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser } from 'playwright-core'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_ARGS, findChromium } from '../scripts/lib/chromium'

const ROOT = resolve(__dirname, '..')
let dir: string
let browser: Browser

const DECK = `---
theme: default
title: PDF test deck
---

# Alpha title

First slide.

---

# Beta title

<v-click>

- appears on click

</v-click>

---

# Gamma title

Last slide.
`

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'verify-pdf-test-'))
  writeFileSync(join(dir, 'slides.md'), DECK)
  browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] })
})

afterAll(async () => {
  await browser?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** One PDF page per entry: a title and a line of text, or '' for an empty page. */
async function makePdf(name: string, pages: string[]): Promise<string> {
  const page = await browser.newPage()
  const body = pages.map(t => `<section>${t ? `<h1>${t}</h1><p>Some body text for this slide.</p>` : ''}</section>`).join('')
  await page.setContent(`<!doctype html><html><head><style>
    @page { size: 980px 552px; margin: 0 }
    body { margin: 0; font-family: sans-serif }
    section { width: 980px; height: 540px; box-sizing: border-box; padding: 40px; break-after: page; background: #fff; overflow: hidden }
    section:last-child { break-after: auto }
    h1 { font-size: 40px }
  </style></head><body>${body}</body></html>`)
  const file = join(dir, `${name}.pdf`)
  await page.pdf({ path: file, width: '980px', height: '552px', printBackground: true })
  await page.close()
  return file
}

function verify(pdf: string, ...extra: string[]): { code: number | null, out: string } {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/verify-pdf.ts', pdf, '--entry', join(dir, 'slides.md'), ...extra], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` }
}

describe('verify:pdf', () => {
  it('passes a PDF with one page per slide, every title, no blank page', { timeout: 60_000 }, async () => {
    const { code, out } = verify(await makePdf('good', ['Alpha title', 'Beta title', 'Gamma title']))
    expect(out).toMatch(/3 pages, 3 slides, \d+ fonts, 0 problems/)
    expect(code, out).toBe(0)
  })

  it('fails when a slide title is missing, naming slide and line', { timeout: 60_000 }, async () => {
    const { code, out } = verify(await makePdf('no-title', ['Alpha title', 'Some other heading', 'Gamma title']))
    expect(code, out).toBe(1)
    expect(out).toContain('slides.md:12 (slide 2): title "Beta title" is not in the PDF text (page 2)')
  })

  it('fails on a blank page, naming the page and slide', { timeout: 60_000 }, async () => {
    const { code, out } = verify(await makePdf('blank', ['Alpha title', '', 'Gamma title']))
    expect(code, out).toBe(1)
    expect(out).toContain('page 2 (slides.md:12 (slide 2)): blank page')
  })

  it('fails when pages do not match slides', { timeout: 60_000 }, async () => {
    const { code, out } = verify(await makePdf('short', ['Alpha title', 'Beta title']))
    expect(code, out).toBe(1)
    expect(out).toContain('page count: the PDF has 2 pages, expected 3')
    expect(out).toContain('title "Gamma title" is not in the PDF text')
  })

  it('with --with-clicks expects one page per click step', { timeout: 60_000 }, async () => {
    const pdf = await makePdf('clicks', ['Alpha title', 'Beta title', 'Beta title', 'Gamma title'])
    const ok = verify(pdf, '--with-clicks')
    expect(ok.out).toMatch(/4 pages, 3 slides \(with clicks\), \d+ fonts, 0 problems/)
    expect(ok.code, ok.out).toBe(0)
    const bad = verify(pdf)
    expect(bad.code, bad.out).toBe(1)
    expect(bad.out).toContain('the PDF has 4 pages, expected 3')
  })
})
