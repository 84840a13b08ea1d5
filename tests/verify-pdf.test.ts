/**
 * `npm run verify:pdf` against PDFs printed by Chromium from small HTML pages (tagged, with the
 * metadata, bookmarks and manifest the exporter writes): a good one passes, and a missing title, a
 * blank page, a page count other than the manifest's, an untagged file, missing language or
 * bookmarks, a references slide without a link and a body read before its title each fail with
 * the page and slide named; a missing manifest is an error naming it.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../scripts/lib/chromium.ts'
import { loadDeck } from '../scripts/lib/deck.ts'
import { writeManifest } from '../scripts/export/manifest.ts'
import { deckLang, deckOutline, pdfMetaFrom, setPdfMeta } from '../scripts/export/pdf-meta.ts'

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

/** A deck with a chapter file (divider + slide) and a references file, for the bookmarks and links. */
const CHAPTERED = {
  'slides.md': `---
title: Chaptered deck
---

# Cover title

---
src: ./pages/01-one.md
---

---
src: ./pages/99-references.md
---
`,
  'pages/01-one.md': `---
layout: chapter
chapter: 1
---

# First chapter

---

# Inside one

Body.
`,
  'pages/99-references.md': `# References

<References />

[Xen project](https://xenproject.org/)
`,
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'verify-pdf-test-'))
  writeFileSync(join(dir, 'slides.md'), DECK)
  mkdirSync(join(dir, 'ch/pages'), { recursive: true })
  for (const [f, text] of Object.entries(CHAPTERED))
    writeFileSync(join(dir, 'ch', f), text)
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  rmSync(dir, { recursive: true, force: true })
})

interface MakeOptions {
  /** Deck the manifest and bookmarks come from (default: the test deck). */
  entry?: string
  /** Deck the bookmarks come from, when another. */
  outlineEntry?: string
  tagged?: boolean
  outline?: boolean
  lang?: boolean
  /** Pages each slide takes (clicks PDF). */
  pagesOfSlide?: number[]
  /** What the manifest says: pages each slide takes (default pagesOfSlide), and the titles printed. */
  manifestPagesOfSlide?: number[]
  titles?: string[]
}

/** The titles the slides of the test decks print (the exporter reads them from the print page). */
const TITLES = ['Alpha title', 'Beta title', 'Gamma title']
const CH_TITLES = ['Cover title', 'First chapter', 'Inside one', 'References']

/**
 * One PDF page per entry: a title and a line of text, '' for an empty page, or raw HTML when the
 * entry starts with "<". Tagged, titled, with language and the deck's bookmarks, as the exporter
 * writes them, unless switched off.
 */
async function makePdf(name: string, pages: string[], o: MakeOptions = {}): Promise<string> {
  const page = await browser.newPage()
  const body = pages.map(t => `<section>${t.startsWith('<') ? t : t ? `<h1>${t}</h1><p>Some body text for this slide.</p>` : ''}</section>`).join('')
  await page.setContent(`<!doctype html><html><head><style>
    @page { size: 980px 552px; margin: 0 }
    body { margin: 0; font-family: sans-serif }
    section { width: 980px; height: 540px; box-sizing: border-box; padding: 40px; break-after: page; background: #fff; overflow: hidden }
    section:last-child { break-after: auto }
    h1 { font-size: 40px }
  </style></head><body>${body}</body></html>`)
  const file = join(dir, `${name}.pdf`)
  await page.pdf({ path: file, width: '980px', height: '552px', printBackground: true, tagged: o.tagged ?? true })
  await page.close()
  /** 0-based first page of each slide. */
  const firstPages = (n: number, per: number[] = Array.from({ length: n }, () => 1)) => per.map((_, i) => per.slice(0, i).reduce((a, b) => a + b, 0))
  const deck = await loadDeck(o.entry ?? join(dir, 'slides.md'))
  const outlineDeck = o.outlineEntry ? await loadDeck(o.outlineEntry) : deck
  await setPdfMeta(file, {
    ...pdfMetaFrom(deck.headmatter),
    lang: o.lang === false ? undefined : deckLang(deck.headmatter),
    outline: o.outline === false ? undefined : deckOutline(outlineDeck, firstPages(outlineDeck.slides.length, o.pagesOfSlide)),
  })
  const pagesOfSlide = o.manifestPagesOfSlide ?? o.pagesOfSlide ?? deck.slides.map(() => 1)
  const first = firstPages(deck.slides.length, pagesOfSlide)
  const titles = o.titles ?? (o.entry ? CH_TITLES : TITLES)
  await writeManifest(file, deck.entry, {
    format: o.pagesOfSlide ? 'clicks' : 'pdf',
    pages: pagesOfSlide.reduce((a, b) => a + b, 0),
    slides: deck.slides.map((s, i) => ({ no: s.no, title: titles[i], page: first[i]! + 1, pages: pagesOfSlide[i]! })),
  })
  return file
}

function verify(pdf: string): { code: number | null, out: string } {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/node'), ['scripts/verify-pdf.ts', pdf], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` }
}

describe('verify:pdf', () => {
  it('passes a PDF with one page per slide, every title, no blank page', { timeout: 60_000 }, async () => {
    const { code, out } = verify(await makePdf('good', ['Alpha title', 'Beta title', 'Gamma title']))
    expect(out).toMatch(/3 pages, 3 slides, \d+ fonts, tagged, lang en, 3 bookmarks \(0 with slides beneath\), 0 links, 0 problems/)
    expect(code, out).toBe(0)
  })

  it('fails when a slide title is missing, naming slide and line', { timeout: 60_000 }, async () => {
    const { code, out } = verify(await makePdf('no-title', ['Alpha title', 'Some other heading', 'Gamma title']))
    expect(code, out).toBe(1)
    expect(out).toContain('slides.md:12 (slide 2): title "Beta title" is not in the PDF text (page 2)')
    // The manifest's titles are the printed headings, not Slidev's title of slide 1 (the headmatter's).
    expect(out).not.toContain('PDF test deck"')
  })

  it('fails on a blank page, naming the page and slide', { timeout: 60_000 }, async () => {
    const { code, out } = verify(await makePdf('blank', ['Alpha title', '', 'Gamma title']))
    expect(code, out).toBe(1)
    expect(out).toContain('slides.md:12 (slide 2): page 2: blank page')
  })

  it('fails when pages do not match slides', { timeout: 60_000 }, async () => {
    const { code, out } = verify(await makePdf('short', ['Alpha title', 'Beta title']))
    expect(code, out).toBe(1)
    expect(out).toContain('page count: the PDF has 2 pages, expected 3')
    expect(out).toContain('title "Gamma title" is not in the PDF text')
  })

  it('takes the click steps from the manifest, and fails when it gives another page count', { timeout: 60_000 }, async () => {
    const pages = ['Alpha title', 'Beta title', 'Beta title', 'Gamma title']
    const ok = verify(await makePdf('clicks', pages, { pagesOfSlide: [1, 2, 1] }))
    expect(ok.out).toMatch(/4 pages, 3 slides \(clicks\), .*, 0 problems/)
    expect(ok.code, ok.out).toBe(0)
    const pdf = await makePdf('clicks-wrong', pages, { pagesOfSlide: [1, 2, 1], manifestPagesOfSlide: [1, 1, 1] })
    const bad = verify(pdf)
    expect(bad.code, bad.out).toBe(1)
    expect(bad.out).toContain(`page count: the PDF has 4 pages, expected 3 (${pdf}.json)`)
  })

  it('refuses a PDF without its manifest, naming the file', { timeout: 60_000 }, async () => {
    const pdf = await makePdf('no-manifest', TITLES)
    rmSync(`${pdf}.json`)
    const { code, out } = verify(pdf)
    expect(code, out).toBe(2)
    expect(out).toContain(`${pdf}.json is missing`)
  })
})

describe('verify:pdf accessibility checks', () => {
  const entry = () => join(dir, 'ch/slides.md')
  const refs = '<h1>References</h1><p><a href="https://xenproject.org/">Xen project</a></p>'
  const good = ['Cover title', 'First chapter', 'Inside one', refs]

  it('passes a tagged PDF with language, title, chapter bookmarks and links', { timeout: 60_000 }, async () => {
    const { code, out } = verify(await makePdf('ch-good', good, { entry: entry() }))
    expect(out).toMatch(/4 pages, 4 slides, \d+ fonts, tagged, lang en, 3 bookmarks \(2 with slides beneath\), 1 links, 0 problems/)
    expect(code, out).toBe(0)
  })

  it('names each missing piece', { timeout: 90_000 }, async () => {
    const untagged = verify(await makePdf('ch-untagged', good, { entry: entry(), tagged: false }))
    expect(untagged.code).toBe(1)
    expect(untagged.out).toContain('not tagged: the catalog has no /MarkInfo << /Marked true >>')
    const bare = verify(await makePdf('ch-bare', good, { entry: entry(), outline: false, lang: false }))
    expect(bare.code).toBe(1)
    expect(bare.out).toContain('document language is "en-US", expected the deck\'s "en"')
    expect(bare.out).toContain('bookmarks: the PDF has none; expected 3 top-level entries (2 chapters with their slides beneath)')
    const noLink = verify(await makePdf('ch-nolink', [...good.slice(0, 3), '<h1>References</h1><p>Xen project</p>'], { entry: entry() }))
    expect(noLink.code).toBe(1)
    expect(noLink.out).toContain('pages/99-references.md:1 (slide 4): page 4: references slide without a clickable link')
    const order = verify(await makePdf('ch-order', ['Cover title', 'First chapter', '<p>Body text that a reader would meet first on this page.</p><h1 style="margin-top:200px">Inside one</h1>', refs], { entry: entry() }))
    expect(order.code).toBe(1)
    expect(order.out).toMatch(/pages\/01-one\.md:\d+ \(slide 3\): page 3: reading order: the text reads "Body text/)
  })

  it('finds bookmarks that do not match the chapters', { timeout: 60_000 }, async () => {
    // Bookmarks of the other deck (flat, three entries) on this deck's PDF.
    const { code, out } = verify(await makePdf('ch-wrong', good, { entry: entry(), outlineEntry: join(dir, 'slides.md') }))
    expect(code).toBe(1)
    expect(out).toMatch(/bookmarks: entry 2 is "Beta title", expected chapter "1\. First chapter"/)
  })
})
