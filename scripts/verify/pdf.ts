import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import type { PDFObject } from 'pdf-lib'
import { pdfLib } from '../lib/cjs.ts'
import { heading, loadDeck, squashText, stripInlineMarkdown } from '../lib/deck.ts'
import { formatProblem } from '../lib/problem.ts'
import { isReferencesSlide } from '../lib/talk.ts'
import { readManifest } from '../export/manifest.ts'
import { deckLang, deckOutline, type OutlineNode } from '../export/pdf-meta.ts'

const { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } = pdfLib()
type PDFDocument = import('pdf-lib').PDFDocument

/**
 * Checks a PDF (pdf-lib, poppler's pdftotext, pdftoppm, pdffonts) against its manifest
 * `<file.pdf>.json`: pages, titles and their reading order, blank pages, fonts embedded, tags,
 * language, title, bookmarks (chapters = the `src:` page files), links on the references slides.
 * One line per problem, naming page and slide; throws without a manifest.
 */
export async function verifyPdf(pdf: string): Promise<{ problems: string[], summary: string }> {
  const manifest = await readManifest(pdf)
  const deck = await loadDeck(manifest.entry)
  const problems: string[] = []
  // The deck as printed: each manifest entry with its slide (the deck may have changed since).
  const printed = manifest.slides.flatMap(m => deck.slides[m.no - 1] ? [{ ...m, slide: deck.slides[m.no - 1]! }] : [])
  if (printed.length !== deck.slides.length || printed.length !== manifest.slides.length)
    problems.push(`${pdf}.json lists ${manifest.slides.length} slides, ${manifest.deck} has ${deck.slides.length}: export again`)
  const at = (p: typeof printed[number], page: number | undefined, message: string) =>
    formatProblem({ file: p.slide.file, line: heading(p.slide)?.line ?? p.slide.contentLine, no: p.no, check: 'pdf', message: page ? `page ${page}: ${message}` : message })

  const doc = await PDFDocument.load(readFileSync(pdf), { updateMetadata: false })
  const pages = doc.getPageCount()
  const mapped = pages === manifest.pages
  if (!mapped)
    problems.push(`page count: the PDF has ${pages} pages, expected ${manifest.pages} (${pdf}.json)`)

  // Titles: on their own pages and read first there unless a handout (or the pages are off), else anywhere.
  const pageTexts = String(run('pdftotext', ['-enc', 'UTF-8', pdf, '-'])).split('\f').slice(0, -1) // it ends every page with a form feed
  for (const p of printed.filter(p => p.title)) {
    const span = Array.from({ length: p.pages }, (_, k) => p.page + k)
    if (!mapped || manifest.format === 'handout') {
      if (!containsTitle(pageTexts.join('\n'), p.title!))
        problems.push(at(p, undefined, `title "${p.title}" is not in the PDF text`))
    }
    else if (!span.some(n => containsTitle(pageTexts[n - 1] ?? '', p.title!))) {
      const elsewhere = pageTexts.findIndex(t => containsTitle(t, p.title!))
      problems.push(at(p, undefined, elsewhere >= 0
        ? `title "${p.title}" is on page ${elsewhere + 1}, not on page ${span.join('/')}`
        : `title "${p.title}" is not in the PDF text (page ${span.join('/')})`))
    }
    else {
      const why = readingOrderProblem(pageTexts[p.page - 1] ?? '', p.title!)
      if (why)
        problems.push(at(p, p.page, `reading order: ${why}`))
    }
  }

  // Blank pages: render every page small and grey (one PGM after another on stdout), require some ink.
  const images = parsePgms(run('pdftoppm', ['-r', '20', '-gray', pdf]))
  if (images.length !== pages)
    problems.push(`pdftoppm rendered ${images.length} of ${pages} pages`)
  for (const page of images.flatMap((img, i) => isBlankPage(img) ? [i + 1] : [])) {
    const p = printed.find(p => page >= p.page && page < p.page + p.pages)
    problems.push(p ? at(p, page, 'blank page (nothing drawn on it at 20 dpi)') : `page ${page}: blank page (nothing drawn on it at 20 dpi)`)
  }

  // Accessibility: tags, language, title, bookmarks, links.
  const catalogHas = (key: string, value: RegExp) => value.test(String(doc.catalog.lookup(PDFName.of(key)) ?? ''))
  const tagged = catalogHas('MarkInfo', /Marked\s+true/)
  if (!tagged)
    problems.push('not tagged: the catalog has no /MarkInfo << /Marked true >> (export with page.pdf({ tagged: true }); screen readers get no structure)')
  const docTitle = doc.getTitle()?.trim() ?? ''
  const deckTitle = typeof deck.headmatter.title === 'string' ? deck.headmatter.title.trim() : ''
  if (!docTitle)
    problems.push('no document title in the PDF metadata (headmatter "title")')
  else if (deckTitle && !docTitle.startsWith(deckTitle))
    problems.push(`document title is "${docTitle}", expected the deck's "${deckTitle}"`)
  const lang = pdfText(doc.catalog.lookup(PDFName.of('Lang')))
  const wantLang = deckLang(deck.headmatter)
  if (!lang)
    problems.push(`no document language (/Lang) in the PDF; expected "${wantLang}" (headmatter htmlAttrs: { lang: ${wantLang} })`)
  else if (lang.toLowerCase() !== wantLang.toLowerCase())
    problems.push(`document language is "${lang}", expected the deck's "${wantLang}" (headmatter htmlAttrs.lang; Chromium writes the browser's locale when nothing sets it)`)
  if (!catalogHas('ViewerPreferences', /DisplayDocTitle\s+true/))
    problems.push('viewers show the file name, not the title (ViewerPreferences /DisplayDocTitle not set)')
  const outline = readOutline(doc)
  if (mapped) {
    problems.push(...compareOutline(outline, deckOutline({ ...deck, slides: printed.map(p => p.slide) }, printed.map(p => p.page - 1)), n => n.children
      ? `chapter "${n.title}" (${printed.find(p => p.page - 1 === n.page)?.slide.file ?? '?'})`
      : `"${n.title}"`))
  }
  const links = linkUris(doc)
  for (const p of printed.filter(p => mapped && isReferencesSlide(p.slide.content))) {
    for (let n = p.page; n < p.page + p.pages; n++) {
      if (!(links[n - 1] ?? []).some(u => /^https?:\/\//.test(u)))
        problems.push(at(p, n, 'references slide without a clickable link (no URI link annotation)'))
    }
  }

  const fonts = parsePdffonts(String(run('pdffonts', [pdf])))
  for (const f of fonts.filter(f => !f.embedded))
    problems.push(`font not embedded: ${f.name} (${f.type})`)

  const summary = `${pages} pages, ${printed.length} slides${manifest.format === 'pdf' ? '' : ` (${manifest.format})`}, ${fonts.length} fonts, ${tagged ? 'tagged' : 'untagged'}, lang ${lang ?? 'none'}, ${outline.length} bookmarks (${outline.filter(n => n.children?.length).length} with slides beneath), ${links.flat().length} links`
  return { problems, summary }
}

function run(cmd: string, args: string[]): Buffer {
  try {
    return execFileSync(cmd, args, { maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] })
  }
  catch (err) {
    const e = err as { code?: string, stderr?: Buffer }
    throw new Error(e.code === 'ENOENT' ? `${cmd} not found: install poppler-utils (apt-get install -y poppler-utils)` : `${cmd} ${args.join(' ')} failed: ${e.stderr ?? String(err)}`)
  }
}

/** Decodes the 8-bit binary PGMs that `pdftoppm -gray` writes one after another: "P5\n<w> <h>\n255\n", then the pixels. */
export function parsePgms(buf: Uint8Array): { width: number, height: number, pixels: Uint8Array }[] {
  const images = []
  for (let at = 0; at < buf.length;) {
    const head = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(new TextDecoder('latin1').decode(buf.subarray(at, at + 40)))
    if (!head)
      throw new Error('not a PGM image as pdftoppm -gray writes (P5, maxval 255)')
    const [width, height] = [Number(head[1]), Number(head[2])]
    const pixels = buf.subarray(at + head[0].length, at += head[0].length + width * height)
    if (pixels.length < width * height)
      throw new Error(`truncated PGM: ${pixels.length} bytes of pixel data, ${width * height} expected`)
    images.push({ width, height, pixels })
  }
  return images
}

/**
 * Blank: fewer than 0.1 % of the pixels (or fewer than 4) stand out from the background, the most
 * common grey, by more than 24 levels. A title alone at 20 dpi covers about 1 % of a slide.
 */
export function isBlankPage(img: { pixels: Uint8Array }): boolean {
  const hist = new Array<number>(256).fill(0)
  for (const p of img.pixels) hist[p]!++
  const background = hist.indexOf(Math.max(...hist))
  const ink = hist.reduce((n, count, v) => Math.abs(v - background) > 24 ? n + count : n, 0)
  return ink / img.pixels.length < 0.001 || ink < 4
}

/** Parses `pdffonts`: column extents come from the dashed line, so "Type 1C", "CID TrueType" stay whole. */
export function parsePdffonts(text: string): { name: string, type: string, embedded: boolean }[] {
  const lines = text.split('\n')
  const dash = lines.findIndex(l => /^-+( -+)+\s*$/.test(l))
  const cols = [...(lines[dash] ?? '').matchAll(/-+/g)].map(m => [m.index, m.index + m[0].length + 1] as const)
  const cell = (line: string, i: number) => line.slice(...cols[i]!).trim()
  return dash < 1 ? [] : lines.slice(dash + 1).filter(l => l.trim()).map(l => ({ name: cell(l, 0), type: cell(l, 1), embedded: cell(l, 3) === 'yes' }))
}

/** Whether the title (markdown stripped) occurs in the text. */
export function containsTitle(text: string, title: string): boolean {
  return squashText(text).includes(squashText(stripInlineMarkdown(title)))
}

/** The text of a PDF string object (undefined for anything else). */
const pdfText = (v: unknown) => v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined

/** Reads the bookmarks back: [{ title, page (0-based, -1 when it opens none), children }]. */
function readOutline(doc: PDFDocument): OutlineNode[] {
  const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i]))
  const walk = (item: PDFObject | undefined, depth: number): OutlineNode[] => {
    const out: OutlineNode[] = []
    for (let guard = 0; item && guard < 100_000 && depth < 16; guard++) { // a malformed outline may loop
      const dict = doc.context.lookup(item, PDFDict)
      const dest = dict.lookup(PDFName.of('Dest')) ?? dict.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('D'))
      const kids = dict.get(PDFName.of('First'))
      out.push({
        title: pdfText(dict.lookup(PDFName.of('Title'))) ?? '',
        page: dest instanceof PDFArray ? pageIndex.get(String(dest.get(0))) ?? -1 : -1,
        ...(kids ? { children: walk(kids, depth + 1) } : {}),
      })
      item = dict.get(PDFName.of('Next'))
    }
    return out
  }
  return walk(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.get(PDFName.of('First')), 0)
}

/** External link targets on each page (0-based index → URIs). */
export function linkUris(doc: PDFDocument): string[][] {
  return doc.getPages().map(p => (p.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? [])
    .map(a => doc.context.lookup(a, PDFDict))
    .filter(a => String(a.lookup(PDFName.of('Subtype'))) === '/Link')
    .flatMap(a => pdfText(a.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('URI'))) ?? []))
}

/** One line per difference ("bookmarks: …") between the PDF's bookmarks and the deck model's (titles compared by squashText). */
export function compareOutline(actual: OutlineNode[], expected: OutlineNode[], describe: (n: OutlineNode) => string = n => `"${n.title}"`): string[] {
  if (expected.length && !actual.length)
    return [`bookmarks: the PDF has none; expected ${expected.length} top-level entries (${expected.filter(n => n.children?.length).length} chapters with their slides beneath)`]
  const problems: string[] = []
  const level = (a: OutlineNode[], e: OutlineNode[], path: string) => {
    for (let i = 0; i < Math.max(a.length, e.length); i++) {
      const [x, y] = [a[i], e[i]]
      if (!x || !y)
        problems.push(x ? `bookmarks: unexpected entry "${x.title}"${path}` : `bookmarks: missing ${describe(y!)}${path} (page ${y!.page + 1})`)
      else if (squashText(x.title) !== squashText(y.title))
        problems.push(`bookmarks: entry ${i + 1}${path} is "${x.title}", expected ${describe(y)}`)
      else {
        if (x.page !== y.page)
          problems.push(`bookmarks: "${x.title}"${path} opens page ${x.page + 1}, expected page ${y.page + 1}`)
        if (y.children?.length && !x.children?.length)
          problems.push(`bookmarks: ${describe(y)} has no slides beneath it (expected ${y.children.length})`)
        else if (y.children?.length || x.children?.length)
          level(x.children ?? [], y.children ?? [], ` under "${y.title}"`)
      }
    }
  }
  level(actual, expected, '')
  return problems.slice(0, 20)
}

/**
 * Reading order of one page (pdftotext's text of it): the title must come first, before the body;
 * only a short label (at most 16 letters and digits, e.g. "Chapter 4 of 7") may precede it.
 */
export function readingOrderProblem(pageText: string, title: string): string | undefined {
  const t = squashText(stripInlineMarkdown(title))
  const at = squashText(pageText).indexOf(t)
  if (!t || (at >= 0 && at <= 16))
    return undefined
  return at < 0
    ? `the title "${title}" is not in the page's text`
    : `the text reads "${pageText.replace(/\s+/g, ' ').trim().slice(0, 60)}…" before the title "${title}" (a screen reader reads the body first)`
}
