/**
 * npm run verify:pdf -- <file.pdf> [--with-clicks | --handout] [--entry slides.md] [--expected-pages N]
 *
 * Checks an exported PDF against the deck: one page per slide (or per click step with
 * --with-clicks, or two slides an A4 page with --handout), every slide title in the text (on its
 * own page when pages map 1:1 to slides), no blank page (each page rendered at 20 dpi in grey and
 * required to show some ink), and every font embedded. Accessibility: tagged (pdfinfo "Tagged:
 * yes"), the document language and title set (and shown as the title), bookmarks matching the
 * deck (chapters = the `src:` page files, their slides beneath, each opening its page), clickable
 * links on the references slides, and each slide's title first in its page's reading order.
 * Exits 1 naming the page and slide of each problem.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import process from 'node:process'
import type { DeckSlide } from './lib/deck'
import { loadDeck, where } from './lib/deck'
import { containsTitle, estimateClickPages, isBlankPage, parsePdffonts, parsePdfinfoPages, parsePgm, splitPages } from './lib/pdf'
import { PDFDocument, PDFName } from 'pdf-lib'
import { compareOutline, deckLang, deckOutline, firstPages, linkUris, pagesPerSlideFromText, readingOrderProblem, readLang, readOutline } from './lib/export/pdf-a11y'

interface Args { pdf: string, entry: string, withClicks: boolean, handout: boolean, expectedPages?: number }

/** Slides whose page should carry clickable links: the references (a `<References` component or a references page file). */
function isReferencesSlide(s: DeckSlide): boolean {
  return /<References\b/.test(s.content) || /(^|\/)\d*-?references\.md$/.test(s.file)
}

function parseArgs(argv: string[]): Args {
  let pdf: string | undefined
  const args: Omit<Args, 'pdf'> = { entry: 'slides.md', withClicks: false, handout: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--with-clicks')
      args.withClicks = true
    else if (a === '--handout')
      args.handout = true
    else if (a === '--entry')
      args.entry = argv[++i] ?? 'slides.md'
    else if (a === '--expected-pages')
      args.expectedPages = Number(argv[++i])
    else if (a.startsWith('-'))
      throw new Error(`unknown option ${a}`)
    else
      pdf = a
  }
  if (!pdf)
    throw new Error('usage: npm run verify:pdf -- <file.pdf> [--with-clicks | --handout] [--entry slides.md] [--expected-pages N]')
  return { pdf, ...args }
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
  const args = parseArgs(process.argv.slice(2))
  const deck = await loadDeck(args.entry)
  const slides = deck.slides.filter(s => !s.frontmatter.hide && !s.frontmatter.disabled)
  const problems: string[] = []

  // Which slide each page shows.
  let pagesPerSlide = slides.map(s => args.withClicks ? estimateClickPages(s.content, s.frontmatter) : 1)
  const text = run('pdftotext', ['-layout', '-enc', 'UTF-8', args.pdf, '-'])
  const rawPages = splitPages(run('pdftotext', ['-enc', 'UTF-8', args.pdf, '-']))
  if (args.withClicks && args.expectedPages === undefined) {
    // The markdown count is an estimate; when the pages' own text (each slide's first page begins
    // with its title) accounts for every slide, trust it.
    const fromText = pagesPerSlideFromText(rawPages, slides.map(shownTitle))
    if (fromText)
      pagesPerSlide = fromText
  }
  const pageSlide: DeckSlide[] = args.handout
    ? slides.filter((_, i) => i % 2 === 0) // the first of the two slides on each handout page
    : slides.flatMap((s, i) => Array.from({ length: pagesPerSlide[i]! }, () => s))
  const expected = args.expectedPages ?? pageSlide.length
  const onPage = (page: number) => {
    const s = pageSlide[page - 1]
    return s ? ` (${where(s, titleLine(deck.root, s))})` : ''
  }

  const pages = parsePdfinfoPages(run('pdfinfo', [args.pdf]))
  if (pages !== expected) {
    const how = args.expectedPages !== undefined
      ? 'given by --expected-pages'
      : args.withClicks
        ? `${slides.length} slides with their click steps, counted from the markdown; pass --expected-pages N if the deck uses click features the count misses`
        : args.handout
          ? `two slides per A4 page for ${slides.length} slides`
          : `one per slide of ${relative(process.cwd(), deck.entry) || deck.entry}`
    problems.push(`page count: the PDF has ${pages} pages, expected ${expected} (${how})`)
  }

  // Titles: on their own page when pages map 1:1 to slides, else anywhere in the text.
  const pageTexts = splitPages(text)
  const mapped = pages === expected && args.expectedPages === undefined && !args.handout
  for (const s of slides) {
    const title = shownTitle(s)
    if (!title)
      continue
    const at = where(s, titleLine(deck.root, s))
    if (mapped) {
      const pagesOfSlide = pageSlide.map((p, i) => p === s ? i : -1).filter(i => i >= 0)
      if (pagesOfSlide.some(i => containsTitle(pageTexts[i] ?? '', title)))
        continue
      const elsewhere = pageTexts.findIndex(t => containsTitle(t, title))
      problems.push(elsewhere >= 0
        ? `${at}: title "${title}" is on page ${elsewhere + 1}, not on page ${pagesOfSlide.map(i => i + 1).join('/')}`
        : `${at}: title "${title}" is not in the PDF text (page ${pagesOfSlide.map(i => i + 1).join('/')})`)
    }
    else if (!containsTitle(text, title)) {
      problems.push(`${at}: title "${title}" is not in the PDF text`)
    }
  }

  // Blank pages: render every page small and grey, require some ink.
  const dir = mkdtempSync(join(tmpdir(), 'verify-pdf-'))
  try {
    run('pdftoppm', ['-r', '20', '-gray', args.pdf, join(dir, 'p')])
    const files = readdirSync(dir).filter(f => f.endsWith('.pgm')).sort((a, b) => pageNo(a) - pageNo(b))
    if (files.length !== pages)
      problems.push(`pdftoppm rendered ${files.length} of ${pages} pages`)
    for (const f of files) {
      const page = pageNo(f)
      if (isBlankPage(parsePgm(readFileSync(join(dir, f)))))
        problems.push(`page ${page}${onPage(page)}: blank page (nothing drawn on it at 20 dpi)`)
    }
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }

  // Accessibility: tags, language, title, bookmarks, links, reading order.
  const info = run('pdfinfo', [args.pdf])
  if (!/^Tagged:\s+yes/m.test(info))
    problems.push('not tagged: pdfinfo says "Tagged: no" (export with page.pdf({ tagged: true }); screen readers get no structure)')
  const docTitle = /^Title:\s+(.*)$/m.exec(info)?.[1]?.trim() ?? ''
  const deckTitle = typeof deck.headmatter.title === 'string' ? deck.headmatter.title.trim() : ''
  if (!docTitle)
    problems.push('no document title in the PDF metadata (headmatter "title")')
  else if (deckTitle && !docTitle.startsWith(deckTitle))
    problems.push(`document title is "${docTitle}", expected the deck's "${deckTitle}"`)
  const doc = await PDFDocument.load(readFileSync(args.pdf), { updateMetadata: false })
  const lang = readLang(doc)
  const wantLang = deckLang(deck.headmatter)
  if (!lang)
    problems.push(`no document language (/Lang) in the PDF; expected "${wantLang}" (headmatter htmlAttrs: { lang: ${wantLang} })`)
  else if (lang.toLowerCase() !== wantLang.toLowerCase())
    problems.push(`document language is "${lang}", expected the deck's "${wantLang}" (headmatter htmlAttrs.lang; Chromium writes the browser's locale when nothing sets it)`)
  if (!/DisplayDocTitle\s+true/.test(String(doc.catalog.lookup(PDFName.of('ViewerPreferences')) ?? '')))
    problems.push('viewers show the file name, not the title (ViewerPreferences /DisplayDocTitle not set)')
  const slidePages = args.handout
    ? firstPages(slides.length, { slidesPerPage: 2 })
    : firstPages(slides.length, { pagesOfSlide: pagesPerSlide })
  const wantOutline = deckOutline({ ...deck, slides }, slidePages)
  if (pages === expected) {
    problems.push(...compareOutline(readOutline(doc), wantOutline, n => n.children
      ? `chapter "${n.title}" (${slides.find(s => slidePages[slides.indexOf(s)] === n.page)?.file ?? '?'})`
      : `"${n.title}"`))
  }
  const links = linkUris(doc)
  slides.forEach((s, i) => {
    const first = slidePages[i]!
    const at = `page ${first + 1} (${where(s, titleLine(deck.root, s))})`
    if (isReferencesSlide(s) && pages === expected) {
      const span = args.handout ? [first] : Array.from({ length: pagesPerSlide[i]! }, (_, k) => first + k)
      for (const p of span) {
        if (!(links[p] ?? []).some(u => /^https?:\/\//.test(u)))
          problems.push(`page ${p + 1} (${where(s, titleLine(deck.root, s))}): references slide without a clickable link (no URI link annotation)`)
      }
    }
    const title = shownTitle(s)
    if (!args.handout && mapped && title) {
      const why = readingOrderProblem(rawPages[first] ?? '', title)
      if (why)
        problems.push(`${at}: reading order: ${why}`)
    }
  })

  // Fonts.
  const fonts = parsePdffonts(run('pdffonts', [args.pdf]))
  for (const f of fonts.filter(f => !f.embedded))
    problems.push(`font not embedded: ${f.name} (${f.type})`)

  for (const p of problems)
    console.log(p)
  const outline = readOutline(doc)
  console.log(`verify:pdf: ${args.pdf}: ${pages} pages, ${slides.length} slides${args.withClicks ? ' (with clicks)' : args.handout ? ' (handout)' : ''}, ${fonts.length} fonts, ${tagged(info)}, lang ${lang ?? 'none'}, ${outline.length} bookmarks (${outline.filter(n => n.children?.length).length} with slides beneath), ${links.flat().length} links, ${problems.length} problem${problems.length === 1 ? '' : 's'}`)
  return problems.length ? 1 : 0
}

/** Line of the slide's `# ` heading in its file (else where its content starts). */
function titleLine(deckRoot: string, s: DeckSlide): number {
  const lines = readFileSync(join(deckRoot, s.file), 'utf8').split('\n')
  for (let l = s.contentLine; l <= Math.max(s.contentLine, s.info.source.end) && l <= lines.length; l++) {
    if (/^#{1,6}\s/.test(lines[l - 1]!))
      return l
  }
  return s.contentLine
}

/**
 * The title as the slide prints it: its first heading, without inline LaTeX (`$\LaTeX$` prints
 * as KaTeX's glyphs, not as its source). Not Slidev's `title`: on slide 1 that is the deck's
 * headmatter title, elsewhere it may come from frontmatter that no slide prints.
 */
function shownTitle(s: DeckSlide): string | undefined {
  const h = /^#{1,6}\s+(.+?)\s*#*\s*$/m.exec(s.content.replace(/^(`{3,}|~{3,})[\s\S]*?^\1/gm, ''))
  return h?.[1]?.replace(/\$[^$]+\$/g, ' ').trim() || undefined
}

function tagged(info: string): string {
  return /^Tagged:\s+yes/m.test(info) ? 'tagged' : 'untagged'
}

function pageNo(file: string): number {
  return Number(/-(\d+)\.pgm$/.exec(file)?.[1] ?? 0)
}

main().then(code => process.exit(code), (err: unknown) => {
  console.error(`verify:pdf failed: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(2)
})
