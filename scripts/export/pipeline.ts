import { existsSync } from 'node:fs'
import { copyFile, cp, mkdir, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { findChromium } from '../lib/chromium.ts'
import { type Deck, loadDeck } from '../lib/deck.ts'
import { formatProblem } from '../lib/problem.ts'
import { explainBuildError } from './build-errors.ts'
import { renderedProblems } from './rendered.ts'
import { writeAtomically } from './atomic.ts'
import { type Canvas, diagramErrors, launchChromium, openPrint } from './browser.ts'
import { type ManifestSlide, printedSlides, writeManifest } from './manifest.ts'
import { type Format, FORMAT_LABELS, type OutputPaths, exportStem, outputPaths, pngName } from './formats.ts'
import { fitHandoutNotes, HANDOUT_MIN_PT, handoutHtml, type SlideLink } from './handout.ts'
import { pdfMetaFrom, setPdfMeta } from './pdf-meta.ts'
import { deckLang, deckOutline } from './pdf-a11y.ts'
import { notesToPlainText } from './notes.ts'
import { sourceDate } from './source-date.ts'
import type { Progress } from './progress.ts'
import { serveStatic } from '../lib/static-server.ts'
import { slidevBuild, type SlidevBuildOptions } from '../lib/slidev-adapter.ts'
import { mergeTaggedPdfs } from './pdf-merge.ts'
import { type CachedBuild, cachedBuild } from './build-cache.ts'
import { lintedClean, lintKey, rememberCleanLint } from './lint-stamp.ts'
import { verifyPdf, verifyPngDir, verifyZip } from './verify.ts'

export class ExportError extends Error {
  override name = 'ExportError'
  constructor(readonly format: Format | 'build', cause: unknown) {
    super(`${format === 'build' ? 'building the deck' : `${format} (${FORMAT_LABELS[format]})`} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
  }
}

/** The export stops before writing anything: the deck has problems (file:line (slide N) lines). */
export class ExportRefused extends Error {
  override name = 'ExportRefused'
  constructor(readonly stage: string, readonly lines: string[]) {
    super(`${stage}: ${lines.length} problem${lines.length === 1 ? '' : 's'}, nothing written`)
  }
}

export interface ExportOptions {
  entry: string
  outDir: string
  formats: Format[]
  dark: boolean
  timeoutMs: number
  progress: Progress
  /** Build again even when a cached build matches (the new build replaces it). */
  rebuild?: boolean
  /** Also write the static site here (speaker notes left out, the PDF behind "Download"). */
  siteDir?: string
}

export interface ExportOutcome {
  outputs: { format: Format | 'site', path: string, pages: number }[]
  ms: { build: number, render: number, total: number }
  slides: number
  /** The build's cache key, and whether it was reused. */
  build: { key: string, reused: boolean }
}

/**
 * The whole pipeline: build the deck once (production bundle, print route kept), serve it on
 * loopback, render every requested format from one Chromium, verify each output and move it into
 * place. A failed format leaves its previous file untouched.
 */
export async function runExport(o: ExportOptions): Promise<ExportOutcome> {
  const t0 = performance.now()
  findChromium() // fail before anything else if there is no browser
  const deck = await loadDeck(o.entry)
  // Chromium starts while the lint runs: it writes nothing, and is closed if the lint refuses.
  const browser = launchChromium()
  browser.catch(() => {})
  const handover = { done: false }
  try {
    return await lintBuildRender(o, deck, browser, handover, t0)
  }
  finally {
    if (!handover.done)
      await browser.then(b => b.close(), () => {})
  }
}

async function lintBuildRender(o: ExportOptions, loaded: Deck, browser: Promise<Browser>, handover: { done: boolean }, t0: number): Promise<ExportOutcome> {
  let deck = loaded
  // The fast lint first: what it finds would print wrong (a dropped page, "Caf�", an empty caption…).
  // Skipped when nothing it reads changed since it last passed (lint-stamp.ts).
  const key = lintKey(deck)
  if (!o.rebuild && lintedClean(key)) {
    o.progress.step(`lint: ${deck.slides.length} slides, unchanged since the last clean lint (${key.slice(0, 12)})`)
  }
  else {
    const { lintDeck } = await import('../lint/index.ts') // loaded only when it runs
    const lint = await lintDeck(deck)
    if (lint.problems.length)
      throw new ExportRefused('refused by the lint', lint.problems.map(formatProblem))
    rememberCleanLint(key)
    o.progress.step(`lint: ${lint.slides} slides, no problems`)
  }
  // Built once per content: reused from .cache/export-build/ while nothing that feeds it changed.
  const buildOptions = { entry: deck.entry, base: '/', download: false as const, printRoute: true, withoutNotes: false }
  let built: CachedBuild
  try {
    built = await buildOnce(deck, buildOptions, `building ${relative(process.cwd(), deck.entry)} (${deck.slides.length} slides) with Slidev…`, o)
  }
  catch (e) {
    const line = explainBuildError(e instanceof Error ? e.message : String(e), deck)
    throw line ? new ExportRefused('the build failed', [line]) : new ExportError('build', e)
  }
  try {
    const tBuild = performance.now()
    if (!built.reused)
      deck = await loadDeck(o.entry) // authors may have saved while it built: count what was built
    o.progress.step(`${built.message}; ${built.reused ? 'ready' : 'built'} in ${((tBuild - t0) / 1000).toFixed(1)} s; rendering ${o.formats.join(', ')}`)
    const server = await serveStatic(built.site, '/')
    try {
      const paths = outputPaths(o.outDir, exportStem(deck.headmatter, deck.entry))
      handover.done = true // renderFormats closes the browser
      const outputs: ExportOutcome['outputs'] = await renderFormats(server.url, deck, o.formats, paths, { ...o, browser })
      if (o.siteDir)
        outputs.push(await writeSite(o.siteDir, deck, outputs.find(f => f.format === 'pdf')?.path, o))
      const t1 = performance.now()
      return { outputs, slides: deck.slides.length, ms: { build: tBuild - t0, render: t1 - tBuild, total: t1 - t0 }, build: { key: built.key, reused: built.reused } }
    }
    finally {
      await server.close()
    }
  }
  finally {
    built.release()
  }
}

/**
 * The static site, as `npm run build` makes it: speaker notes left out (anything in its
 * JavaScript is public), base "/", the "Download" button pointing at the PDF placed next to
 * index.html. Its own build (the options differ from the export's), cached the same way; the
 * folder is replaced atomically.
 */
async function writeSite(dir: string, deck: Deck, pdf: string | undefined, o: ExportOptions): Promise<ExportOutcome['outputs'][number]> {
  const t = performance.now()
  const stem = exportStem(deck.headmatter, deck.entry)
  const siteOptions = { entry: deck.entry, base: '/', download: pdf ? `/${stem}.pdf` : false as const, printRoute: Boolean(pdf), withoutNotes: true }
  let built: CachedBuild
  try {
    built = await buildOnce(deck, siteOptions, `site: building ${relative(process.cwd(), deck.entry)} without speaker notes…`, o)
  }
  catch (e) {
    throw new ExportError('build', e)
  }
  try {
    o.progress.step(`site: ${built.message}`)
    await writeAtomically(dir, async (tmp) => {
      await cp(built.site, tmp, { recursive: true })
      if (pdf)
        await copyFile(pdf, join(tmp, `${stem}.pdf`))
    }, async (tmp) => {
      if (!existsSync(join(tmp, 'index.html')))
        throw new Error(`${tmp} has no index.html`)
    })
  }
  finally {
    built.release()
  }
  o.progress.step(`site: ${dir}/ (speaker notes left out${pdf ? `, ${stem}.pdf behind "Download"` : ''}, ${((performance.now() - t) / 1000).toFixed(1)} s)`)
  return { format: 'site', path: dir, pages: deck.slides.length }
}

interface RenderCtx {
  dark: boolean
  timeoutMs: number
  progress: Progress
  /** Slide images wanted from this page (device scale 2). */
  images?: boolean
  /** A Chromium launched ahead (while the lint ran); else one is launched here. Closed at the end. */
  browser?: Promise<Browser>
}

/** Renders `formats` from a served Slidev build (`siteUrl` ends with the base, e.g. "http://127.0.0.1:p/"). */
export async function renderFormats(siteUrl: string, deck: Deck, formats: Format[], paths: OutputPaths, o: RenderCtx): Promise<ExportOutcome['outputs']> {
  const { canvas } = deck
  const total = deck.slides.length
  const outputs: ExportOutcome['outputs'] = []
  const browser = await (o.browser ?? launchChromium())
  try {
    const needPlain = formats.some(f => f !== 'clicks')
    const wantImagesAtAll = formats.some(f => f === 'png' || f === 'pptx' || f === 'handout')
    if (needPlain && !wantImagesAtAll && total > PRINT_BATCH) {
      // A long deck: the print page in batches of slides (its cost grows faster than its length),
      // each checked as the whole deck would be, then joined with the structure kept.
      outputs.push(await guarded('pdf', () => writePdfBatched(browser, siteUrl, canvas, deck, paths.pdf, o)))
    }
    else if (needPlain) {
      const step = performance.now()
      const wantImages = formats.some(f => f === 'png' || f === 'pptx' || f === 'handout')
      const { page, count } = await open(browser, siteUrl, canvas, deck, false, { ...o, images: wantImages }, formats.find(f => f !== 'clicks')!)
      o.progress.step(`slides ready in Chromium (${count} slides, ${((performance.now() - step) / 1000).toFixed(1)} s)`)
      if (formats.includes('pdf'))
        outputs.push(await guarded('pdf', () => writePdf(page, paths.pdf, canvas, count, deck, o)))
      if (wantImages) {
        const pngs = await guarded('png', () => screenshots(page, total, o.progress))
        if (formats.includes('png'))
          outputs.push(await guarded('png', () => writePngs(pngs, paths.png, total, o.progress)))
        if (formats.includes('pptx'))
          outputs.push(await guarded('pptx', () => writePptx(pngs, paths.pptx, canvas, deck, o.progress)))
        if (formats.includes('handout'))
          outputs.push(await guarded('handout', () => writeHandout(browser, pngs, paths.handout, deck, o)))
      }
      await page.context().close()
    }
    if (formats.includes('clicks')) {
      outputs.push(await guarded('clicks', async () => {
        const { page, count } = await open(browser, siteUrl, canvas, deck, true, o, 'clicks')
        o.progress.step(`click steps ready (${count} pages for ${total} slides)`)
        const r = await writePdf(page, paths.clicks, canvas, count, deck, o, 'clicks')
        await page.context().close()
        return r
      }))
    }
  }
  finally {
    await browser.close()
  }
  return outputs
}

async function guarded<T>(format: Format, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  }
  catch (e) {
    throw e instanceof ExportError || e instanceof ExportRefused ? e : new ExportError(format, e)
  }
}

async function open(browser: Browser, siteUrl: string, canvas: Canvas, deck: Deck, clicks: boolean, o: RenderCtx & { range?: string }, format: Format): Promise<{ page: Page, count: number }> {
  return guarded(format, async () => {
    const total = deck.slides.length
    const expectedDiagrams = deck.slides.reduce((n, s) => n + s.mermaidLines.length, 0)
    // Device scale 2 only for the slide images; the PDF is vector either way, and a 2x raster of a
    // viewport as tall as every slide together costs seconds.
    const scale = o.images ? 2 : 1
    const { page, count } = await openPrint(browser, siteUrl, { canvas, dark: o.dark, clicks, timeoutMs: o.timeoutMs, scale, total, expectedDiagrams, range: o.range })
    if (!clicks && count !== total)
      throw new Error(`the print view shows ${count} slides, the deck has ${total}`)
    const errors = await diagramErrors(page)
    if (errors.length)
      throw new Error(`Mermaid ${errors[0]}`)
    if (!clicks) {
      const found = await renderedProblems(page, deck, o.dark ? 'dark' : 'light')
      if (found.length)
        throw new ExportRefused('refused after rendering', found.map(formatProblem))
    }
    return { page, count }
  })
}

async function writePdf(page: Page, target: string, canvas: Canvas, pages: number, deck: Deck, o: RenderCtx, format: 'pdf' | 'clicks' = 'pdf') {
  const t = performance.now()
  const printed = await printedSlides(page)
  await writeAtomically(target, async (tmp) => {
    await page.pdf({
      path: tmp,
      width: `${canvas.width}px`,
      height: `${canvas.height}px`,
      margin: { left: '0', top: '0', right: '0', bottom: '0' },
      printBackground: true,
      preferCSSPageSize: true,
      // Tagged: headings, paragraphs, lists and links in a structure tree, in reading order.
      // Chromium's own outline (one flat bookmark per heading) is replaced by the deck's below.
      tagged: true,
    })
    await setPdfMeta(tmp, {
      ...pdfMetaFrom(deck.headmatter),
      date: sourceDate(deck.root),
      lang: deckLang(deck.headmatter),
      outline: deckOutline(deck, printed.map(p => p.page - 1)),
    })
  }, tmp => verifyPdf(tmp, pages).then(() => {}))
  await writeManifest(target, deck.entry, { format, pages, slides: printed })
  o.progress.step(`${format}: ${target} (${pages} pages, ${((performance.now() - t) / 1000).toFixed(1)} s)`)
  return { format, path: target, pages }
}

/** Slides per print page when a deck is rendered in batches (decks longer than this). */
export const PRINT_BATCH = Number(process.env.DECK_PRINT_BATCH) > 0 ? Number(process.env.DECK_PRINT_BATCH) : 40

async function writePdfBatched(browser: Browser, siteUrl: string, canvas: Canvas, deck: Deck, target: string, o: RenderCtx) {
  const t = performance.now()
  const total = deck.slides.length
  const parts: Uint8Array[] = []
  const printed: ManifestSlide[] = []
  for (let a = 1; a <= total; a += PRINT_BATCH) {
    const b = Math.min(total, a + PRINT_BATCH - 1)
    const part = { ...deck, slides: deck.slides.slice(a - 1, b) }
    const { page } = await open(browser, siteUrl, canvas, part, false, { ...o, range: `${a}-${b}` }, 'pdf')
    printed.push(...await printedSlides(page, a))
    parts.push(await page.pdf({
      width: `${canvas.width}px`,
      height: `${canvas.height}px`,
      margin: { left: '0', top: '0', right: '0', bottom: '0' },
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
    }))
    await page.context().close()
    o.progress.count('slides printed (batches)', b, total)
  }
  await writeAtomically(target, async (tmp) => {
    await writeFile(tmp, await mergeTaggedPdfs(parts))
    await setPdfMeta(tmp, {
      ...pdfMetaFrom(deck.headmatter),
      date: sourceDate(deck.root),
      lang: deckLang(deck.headmatter),
      outline: deckOutline(deck, printed.map(p => p.page - 1)),
    })
  }, tmp => verifyPdf(tmp, total).then(() => {}))
  await writeManifest(target, deck.entry, { format: 'pdf', pages: total, slides: printed })
  o.progress.step(`pdf: ${target} (${total} pages in ${parts.length} batches of up to ${PRINT_BATCH}, ${((performance.now() - t) / 1000).toFixed(1)} s)`)
  return { format: 'pdf' as const, path: target, pages: total }
}

interface Shot { no: number, buffer: Buffer, links: SlideLink[] }

/** External links of one print page, as fractions of its box (for the handout's clickable areas). */
async function slideLinks(page: Page, index: number): Promise<SlideLink[]> {
  return page.evaluate((i) => {
    const box = document.querySelectorAll('.print-slide-container')[i]
    if (!box)
      return []
    const r = box.getBoundingClientRect()
    return [...box.querySelectorAll<HTMLAnchorElement>('a[href]')]
      .filter(a => /^https?:/.test(a.href))
      .flatMap(a => [...a.getClientRects()].map(q => ({ href: a.href, x: (q.left - r.left) / r.width, y: (q.top - r.top) / r.height, w: q.width / r.width, h: q.height / r.height })))
      .filter(l => l.w > 0 && l.h > 0 && l.x < 1 && l.y < 1)
  }, index)
}

async function screenshots(page: Page, total: number, progress: Progress): Promise<Shot[]> {
  const shots: Shot[] = []
  const containers = page.locator('.print-slide-container')
  for (let i = 0; i < total; i++) {
    shots.push({ no: i + 1, buffer: await containers.nth(i).screenshot(), links: await slideLinks(page, i) })
    progress.count('slide images', i + 1, total)
  }
  return shots
}

async function writePngs(pngs: Shot[], dir: string, total: number, progress: Progress) {
  await writeAtomically(dir, async (tmp) => {
    await mkdir(tmp, { recursive: true })
    for (const s of pngs)
      await writeFile(join(tmp, pngName(s.no, total)), s.buffer)
  }, tmp => verifyPngDir(tmp, total))
  progress.step(`png: ${dir}/ (${total} files)`)
  return { format: 'png' as const, path: dir, pages: total }
}

async function writePptx(pngs: Shot[], target: string, canvas: Canvas, deck: Deck, progress: Progress) {
  const { default: PptxGenJS } = await import('pptxgenjs')
  await writeAtomically(target, async (tmp) => {
    const pptx = new PptxGenJS()
    pptx.defineLayout({ name: 'deck', width: canvas.width / 96, height: canvas.height / 96 })
    pptx.layout = 'deck'
    const meta = pdfMetaFrom(deck.headmatter)
    if (meta.title)
      pptx.title = meta.title
    if (meta.author)
      pptx.author = meta.author
    if (meta.subject)
      pptx.subject = meta.subject
    for (const s of pngs) {
      const slide = pptx.addSlide()
      slide.background = { data: `data:image/png;base64,${s.buffer.toString('base64')}` }
      const note = deck.slides[s.no - 1]?.note
      if (note)
        slide.addNotes(notesToPlainText(note))
    }
    const buf = await pptx.write({ outputType: 'nodebuffer' }) as Buffer
    await writeFile(tmp, buf)
  }, tmp => verifyZip(tmp))
  progress.step(`pptx: ${target} (${pngs.length} slides with notes)`)
  return { format: 'pptx' as const, path: target, pages: pngs.length }
}

async function writeHandout(browser: Browser, pngs: Shot[], target: string, deck: Deck, o: RenderCtx) {
  const perPage = 2
  const html = handoutHtml(String(deck.headmatter.title ?? 'Slides'), pngs.map(s => ({
    no: s.no,
    title: deck.slides[s.no - 1]?.title,
    note: deck.slides[s.no - 1]?.note,
    image: `data:image/png;base64,${s.buffer.toString('base64')}`,
    links: s.links,
  })), perPage)
  const pages = Math.ceil(pngs.length / perPage)
  const slides = deck.slides.map((s, i) => ({ no: s.no, title: s.title, page: Math.floor(i / perPage) + 1, pages: 1 }))
  const page = await browser.newPage()
  try {
    await page.emulateMedia({ media: 'print' })
    await page.setContent(html, { waitUntil: 'load', timeout: o.timeoutMs })
    await page.evaluate(() => document.fonts.ready.then(() => {}))
    const fit = await page.evaluate(fitHandoutNotes, HANDOUT_MIN_PT)
    if (fit.cut.length)
      throw new Error(`the notes of slide ${fit.cut.join(', ')} do not fit on half an A4 page even at ${HANDOUT_MIN_PT} pt; shorten them`)
    if (fit.shrunk.length)
      o.progress.step(`handout: long notes set smaller to fit: ${fit.shrunk.map(s => `slide ${s.no} ${s.pt} pt`).join(', ')}`)
    await writeAtomically(target, async (tmp) => {
      await page.pdf({ path: tmp, format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true })
      await setPdfMeta(tmp, {
        ...pdfMetaFrom(deck.headmatter),
        date: sourceDate(deck.root),
        title: `${String(deck.headmatter.title ?? 'Slides')} — speaker notes`,
        lang: deckLang(deck.headmatter),
        outline: deckOutline(deck, slides.map(p => p.page - 1)),
      })
    }, tmp => verifyPdf(tmp, pages).then(() => {}))
    await writeManifest(target, deck.entry, { format: 'handout', pages, slides })
  }
  finally {
    await page.close()
  }
  o.progress.step(`handout: ${target} (${pages} A4 pages, ${perPage} slides each)`)
  return { format: 'handout' as const, path: target, pages }
}

/**
 * One Slidev build of the deck with these options, reused from .cache/export-build/ while nothing
 * that feeds it changed (the print build and the notes-free site are two entries of that cache).
 */
function buildOnce(deck: Deck, options: Omit<SlidevBuildOptions, 'outDir'>, announce: string, o: Pick<ExportOptions, 'rebuild' | 'progress'>): Promise<CachedBuild> {
  return cachedBuild({
    root: process.cwd(),
    entry: deck.entry,
    deckFiles: [...new Set(deck.slides.map(s => join(deck.root, s.file)))],
    options: { ...options, entry: relative(process.cwd(), deck.entry) },
    rebuild: o.rebuild,
    build: async (outDir) => {
      o.progress.step(announce)
      await slidevBuild({ ...options, outDir })
    },
  })
}
