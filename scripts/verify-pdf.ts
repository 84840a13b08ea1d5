/**
 * npm run verify:pdf -- <file.pdf>
 *
 * Checks an exported PDF against what the exporter printed, as its manifest `<file.pdf>.json`
 * records it (the deck, and each slide's title, first page and page count: one per slide, one per
 * click step, or two slides an A4 page for the handout): the page count, every slide title in the
 * text (on its own pages unless a handout), no blank page (each page rendered at 20 dpi in grey
 * and required to show some ink), and every font embedded. Accessibility: tagged (pdfinfo
 * "Tagged: yes"), the document language and title set (and shown as the title), bookmarks matching
 * the deck (chapters = the `src:` page files, their slides beneath, each opening its page),
 * clickable links on the references slides, and each slide's title first in its page's reading
 * order. Exits 1 naming the page and slide of each problem, 2 when there is no manifest.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { PDFDocument, PDFName } from 'pdf-lib'
import { usage, UsageError } from './lib/args'
import { type DeckSlide, heading, loadDeck } from './lib/deck'
import { readManifest } from './export/manifest'
import { compareOutline, deckLang, deckOutline, linkUris, readingOrderProblem, readLang, readOutline } from './export/pdf-a11y'
import { containsTitle, isBlankPage, parsePdffonts, parsePdfinfoPages, parsePgm, splitPages } from './verify/pdf'
import { formatProblem } from './lib/problem'

const USAGE = 'usage: npm run verify:pdf -- <file.pdf>   (reads <file.pdf>.json, written by npm run export)'

/** Slides whose page should carry clickable links: the references (a `<References` component or a references page file). */
function isReferencesSlide(s: DeckSlide): boolean {
  return /<References\b/.test(s.content) || /(^|\/)\d*-?references\.md$/.test(s.file)
}

function run(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] })
  }
  catch (err) {
    const e = err as { code?: string, stderr?: string }
    if (e.code === 'ENOENT')
      throw new Error(`${cmd} not found: install poppler-utils (apt-get install -y poppler-utils)`)
    throw new Error(`${cmd} ${args.join(' ')} failed: ${e.stderr ?? String(err)}`)
  }
}

async function main(): Promise<number> {
  const { positionals } = usage(() => parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: {} }))
  if (positionals.length !== 1)
    throw new UsageError(positionals.length ? `one PDF at a time, got ${positionals.join(', ')}` : 'name the PDF to check')
  const pdf = positionals[0]!
  const manifest = await readManifest(pdf)
  const deck = await loadDeck(manifest.entry)
  const handout = manifest.format === 'handout'
  const problems: string[] = []
  // The deck as printed: each manifest entry with its slide (the deck may have changed since).
  const printed = manifest.slides.flatMap((m) => {
    const slide = deck.slides[m.no - 1]
    return slide ? [{ ...m, slide }] : []
  })
  if (printed.length !== deck.slides.length || printed.length !== manifest.slides.length)
    problems.push(`${pdf}.json lists ${manifest.slides.length} slides, ${manifest.deck} has ${deck.slides.length}: export again`)
  const slides = printed.map(p => p.slide)
  const at = (p: typeof printed[number], page: number | undefined, message: string) =>
    formatProblem({ file: p.slide.file, line: heading(p.slide)?.line ?? p.slide.contentLine, no: p.no, check: 'pdf', message: page ? `page ${page}: ${message}` : message })
  const onPage = (page: number) => printed.find(p => page >= p.page && page < p.page + p.pages)

  const pages = parsePdfinfoPages(run('pdfinfo', [pdf]))
  if (pages !== manifest.pages)
    problems.push(`page count: the PDF has ${pages} pages, expected ${manifest.pages} (${pdf}.json)`)

  // Titles: on their own pages unless a handout, else anywhere in the text.
  const text = run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'])
  const pageTexts = splitPages(text)
  const rawPages = splitPages(run('pdftotext', ['-enc', 'UTF-8', pdf, '-']))
  const mapped = pages === manifest.pages && !handout
  for (const p of printed) {
    if (!p.title)
      continue
    const span = Array.from({ length: p.pages }, (_, k) => p.page + k)
    if (mapped && !span.some(n => containsTitle(pageTexts[n - 1] ?? '', p.title!))) {
      const elsewhere = pageTexts.findIndex(t => containsTitle(t, p.title!))
      problems.push(at(p, undefined, elsewhere >= 0
        ? `title "${p.title}" is on page ${elsewhere + 1}, not on page ${span.join('/')}`
        : `title "${p.title}" is not in the PDF text (page ${span.join('/')})`))
    }
    else if (!mapped && !containsTitle(text, p.title)) {
      problems.push(at(p, undefined, `title "${p.title}" is not in the PDF text`))
    }
  }

  // Blank pages: render every page small and grey, require some ink.
  const dir = mkdtempSync(join(tmpdir(), 'verify-pdf-'))
  try {
    run('pdftoppm', ['-r', '20', '-gray', pdf, join(dir, 'p')])
    const files = readdirSync(dir).filter(f => f.endsWith('.pgm')).sort((a, b) => pageNo(a) - pageNo(b))
    if (files.length !== pages)
      problems.push(`pdftoppm rendered ${files.length} of ${pages} pages`)
    for (const f of files) {
      const page = pageNo(f)
      if (isBlankPage(parsePgm(readFileSync(join(dir, f))))) {
        const p = onPage(page)
        problems.push(p ? at(p, page, 'blank page (nothing drawn on it at 20 dpi)') : `page ${page}: blank page (nothing drawn on it at 20 dpi)`)
      }
    }
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }

  // Accessibility: tags, language, title, bookmarks, links, reading order.
  const info = run('pdfinfo', [pdf])
  if (!/^Tagged:\s+yes/m.test(info))
    problems.push('not tagged: pdfinfo says "Tagged: no" (export with page.pdf({ tagged: true }); screen readers get no structure)')
  const docTitle = /^Title:\s+(.*)$/m.exec(info)?.[1]?.trim() ?? ''
  const deckTitle = typeof deck.headmatter.title === 'string' ? deck.headmatter.title.trim() : ''
  if (!docTitle)
    problems.push('no document title in the PDF metadata (headmatter "title")')
  else if (deckTitle && !docTitle.startsWith(deckTitle))
    problems.push(`document title is "${docTitle}", expected the deck's "${deckTitle}"`)
  const doc = await PDFDocument.load(readFileSync(pdf), { updateMetadata: false })
  const lang = readLang(doc)
  const wantLang = deckLang(deck.headmatter)
  if (!lang)
    problems.push(`no document language (/Lang) in the PDF; expected "${wantLang}" (headmatter htmlAttrs: { lang: ${wantLang} })`)
  else if (lang.toLowerCase() !== wantLang.toLowerCase())
    problems.push(`document language is "${lang}", expected the deck's "${wantLang}" (headmatter htmlAttrs.lang; Chromium writes the browser's locale when nothing sets it)`)
  if (!/DisplayDocTitle\s+true/.test(String(doc.catalog.lookup(PDFName.of('ViewerPreferences')) ?? '')))
    problems.push('viewers show the file name, not the title (ViewerPreferences /DisplayDocTitle not set)')
  if (pages === manifest.pages) {
    problems.push(...compareOutline(readOutline(doc), deckOutline({ ...deck, slides }, printed.map(p => p.page - 1)), n => n.children
      ? `chapter "${n.title}" (${printed.find(p => p.page - 1 === n.page)?.slide.file ?? '?'})`
      : `"${n.title}"`))
  }
  const links = linkUris(doc)
  for (const p of printed) {
    if (isReferencesSlide(p.slide) && pages === manifest.pages) {
      for (let n = p.page; n < p.page + p.pages; n++) {
        if (!(links[n - 1] ?? []).some(u => /^https?:\/\//.test(u)))
          problems.push(at(p, n, 'references slide without a clickable link (no URI link annotation)'))
      }
    }
    const why = mapped && p.title ? readingOrderProblem(rawPages[p.page - 1] ?? '', p.title) : undefined
    if (why)
      problems.push(at(p, p.page, `reading order: ${why}`))
  }

  // Fonts.
  const fonts = parsePdffonts(run('pdffonts', [pdf]))
  for (const f of fonts.filter(f => !f.embedded))
    problems.push(`font not embedded: ${f.name} (${f.type})`)

  for (const p of problems)
    console.log(p)
  const outline = readOutline(doc)
  console.log(`verify:pdf: ${pdf}: ${pages} pages, ${slides.length} slides${manifest.format === 'pdf' ? '' : ` (${manifest.format})`}, ${fonts.length} fonts, ${tagged(info)}, lang ${lang ?? 'none'}, ${outline.length} bookmarks (${outline.filter(n => n.children?.length).length} with slides beneath), ${links.flat().length} links, ${problems.length} problem${problems.length === 1 ? '' : 's'}`)
  return problems.length ? 1 : 0
}

function tagged(info: string): string {
  return /^Tagged:\s+yes/m.test(info) ? 'tagged' : 'untagged'
}

function pageNo(file: string): number {
  return Number(/-(\d+)\.pgm$/.exec(file)?.[1] ?? 0)
}

main().then(code => process.exit(code), (err: unknown) => {
  console.error(err instanceof UsageError ? `${err.message}\n${USAGE}` : `verify:pdf failed: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(2)
})
