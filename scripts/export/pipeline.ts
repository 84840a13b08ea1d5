import { existsSync } from 'node:fs'
import { copyFile, cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { seconds } from '../lib/args.ts'
import type { Browser, Page } from 'playwright-core'
import { checkBlank, checkImages, checkLayout, diagramFindings } from '../check/checks.ts'
import { seenProblem } from '../check/run.ts'
import { findChromium, launchChromium } from '../lib/chromium.ts'
import { type Deck, loadDeck } from '../lib/deck.ts'
import { formatProblem, type Problem } from '../lib/problem.ts'
import { serveStatic } from '../lib/static-server.ts'
import { slidevBuild, type SlidevBuildOptions } from '../lib/slidev-adapter.ts'
import { writeAtomically } from './atomic.ts'
import { type Canvas, diagramErrors, openPrint } from './browser.ts'
import { type CachedBuild, cachedBuild } from './build-cache.ts'
import { explainBuildError } from './build-errors.ts'
import type { ExportArgs } from './args.ts'
import { type Format, type OutputPaths, exportStem, outputPaths, pngName } from './formats.ts'
import { fitHandoutNotes, HANDOUT_MIN_PT, handoutHtml, notesToPlainText, type SlideLink } from './handout.ts'
import { lintedClean, lintKey, rememberCleanLint } from './lint-stamp.ts'
import { lintInWorker } from './lint-worker.ts'
import { checkBlockers } from '../lint/blockers.ts'
import { type Manifest, type ManifestSlide, printedSlides, writeManifest } from './manifest.ts'
import { deckLang, deckOutline, pdfMetaFrom, setPdfMeta, sourceDate } from './pdf-meta.ts'
import { mergeTaggedPdfs } from './pdf-merge.ts'
import type { Progress } from './progress.ts'

class ExportError extends Error {
  override name = 'ExportError'
  constructor(format: Format | 'build', cause: unknown) {
    super(`${format === 'build' ? 'building the deck' : `the ${format} export`} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
  }
}

/** The export stops before writing anything: the deck has problems (file:line (slide N) lines). */
export class ExportRefused extends Error {
  override name = 'ExportRefused'
  readonly lines: string[]
  constructor(stage: string, lines: string[]) {
    super(`${stage}: ${lines.length} problem${lines.length === 1 ? '' : 's'}, nothing written`)
    this.lines = lines
  }
}

export type ExportOptions = Omit<ExportArgs, 'soak' | 'help'> & { progress: Progress }
type Output = { format: Format | 'site', path: string, pages: number }
export interface ExportOutcome { outputs: Output[], ms: { build: number, render: number, total: number }, slides: number }

/**
 * The whole pipeline: build the deck once (production bundle, print route kept), serve it on
 * loopback, render every requested format from one Chromium, verify each output and move it into
 * place. A failed format leaves its previous file untouched.
 */
export async function runExport(o: ExportOptions): Promise<ExportOutcome> {
  const t0 = performance.now()
  findChromium() // fail before anything else if there is no browser
  let deck = await loadDeck(o.entry)
  // Chromium starts while the lint runs: it writes nothing, and is closed if the lint refuses.
  const browser = launchChromium()
  browser.catch(() => {})
  try {
    // The fast lint first: what it finds would print wrong (a dropped page, "Caf�", an empty caption…).
    // Skipped when nothing it reads changed since it last passed (lint-stamp.ts); else what stops
    // the build is refused here, before it starts (Slidev would exit, or offer to install a missing
    // theme), and the rest runs in a worker beside the build, which is used only once the lint passed.
    const key = lintKey(deck)
    const linting = o.rebuild || !lintedClean(key)
    const blockers = linting ? checkBlockers(deck) : []
    if (blockers.length)
      throw new ExportRefused('refused by the lint', blockers.map(formatProblem))
    const lint = linting ? lintInWorker(deck.entry) : undefined
    lint?.catch(() => {})
    if (!lint)
      o.progress.step(`lint: ${deck.slides.length} slides, unchanged since the last clean lint (${key.slice(0, 12)})`)
    const building = buildOnce(deck, { base: '/', download: false, printRoute: true, withoutNotes: false }, `building ${relative(process.cwd(), deck.entry)} (${deck.slides.length} slides) with Slidev…`, o)
    building.catch(() => {})
    if (lint) {
      const { slides, problems, notices } = await lint
      notices.forEach(n => o.progress.step(n))
      if (problems.length) {
        void building.then(b => b.release(), () => {}) // finishes in the background; nothing of it is used
        throw new ExportRefused('refused by the lint', problems)
      }
      rememberCleanLint(key)
      o.progress.step(`lint: ${slides} slides, no problems`)
    }
    const built = await building
    try {
      const tBuild = performance.now()
      if (!built.reused)
        deck = await loadDeck(o.entry) // authors may have saved while it built: count what was built
      o.progress.step(`${built.message}; ${built.reused ? 'ready' : 'built'} in ${seconds(performance.now() - t0)}; rendering ${o.formats.join(', ')}`)
      const server = await serveStatic(built.site, '/')
      try {
        const outputs = await renderFormats(server.url, deck, o.formats, outputPaths(o.outDir, exportStem(deck.headmatter, deck.entry)), { ...o, browser })
        if (o.siteDir)
          outputs.push(await writeSite(o.siteDir, deck, outputs.find(f => f.format === 'pdf')?.path, o))
        const t1 = performance.now()
        return { outputs, slides: deck.slides.length, ms: { build: tBuild - t0, render: t1 - tBuild, total: t1 - t0 } }
      }
      finally {
        await server.close()
      }
    }
    finally {
      built.release()
    }
  }
  finally {
    await browser.then(b => b.close(), () => {})
  }
}

/**
 * One Slidev build of the deck with these options, reused from .cache/export-build/ while nothing
 * that feeds it changed (the print build and the notes-free site are two entries of that cache).
 * A build error that names a slide is reported at its file:line.
 */
async function buildOnce(deck: Deck, options: Omit<SlidevBuildOptions, 'outDir' | 'entry'>, announce: string, o: Pick<ExportOptions, 'rebuild' | 'progress'>): Promise<CachedBuild> {
  const cwd = process.cwd()
  try {
    return await cachedBuild({
      root: cwd,
      entry: deck.entry,
      deckFiles: [...new Set(deck.slides.map(s => relative(cwd, join(deck.root, s.file))))],
      options: { ...options, entry: relative(cwd, deck.entry) },
      rebuild: o.rebuild,
      build: async (outDir) => {
        o.progress.step(announce)
        await slidevBuild({ ...options, entry: deck.entry, outDir })
      },
    })
  }
  catch (e) {
    const line = explainBuildError(e instanceof Error ? e.message : String(e), deck)
    throw line ? new ExportRefused('the build failed', [line]) : new ExportError('build', e)
  }
}

/**
 * The static site, as `npm run build` makes it: speaker notes left out (anything in its
 * JavaScript is public), the "Download" button pointing at the PDF placed next to index.html.
 * Its own build (the options differ from the export's); the folder is replaced atomically.
 */
async function writeSite(dir: string, deck: Deck, pdf: string | undefined, o: ExportOptions): Promise<Output> {
  const t = performance.now()
  const stem = exportStem(deck.headmatter, deck.entry)
  const built = await buildOnce(deck, { base: '/', download: pdf ? `/${stem}.pdf` : false, printRoute: Boolean(pdf), withoutNotes: true }, `site: building ${relative(process.cwd(), deck.entry)} without speaker notes…`, o)
  try {
    o.progress.step(`site: ${built.message}`)
    await writeAtomically(dir, async (tmp) => {
      await cp(built.site, tmp, { recursive: true })
      if (pdf)
        await copyFile(pdf, join(tmp, `${stem}.pdf`))
    }, (tmp) => {
      if (!existsSync(join(tmp, 'index.html')))
        throw new Error(`${tmp} has no index.html`)
    })
  }
  finally {
    built.release()
  }
  o.progress.step(`site: ${dir}/ (speaker notes left out${pdf ? `, ${stem}.pdf behind "Download"` : ''}, ${seconds(performance.now() - t)})`)
  return { format: 'site', path: dir, pages: deck.slides.length }
}

/** `browser`: a Chromium launched ahead (while the lint ran); else one is launched here. Closed at the end. */
type RenderCtx = Pick<ExportOptions, 'dark' | 'timeoutMs' | 'progress'> & { browser?: Promise<Browser> }

/** Slides per print page when a deck is rendered in batches (decks longer than this). */
const PRINT_BATCH = Number(process.env.DECK_PRINT_BATCH) > 0 ? Number(process.env.DECK_PRINT_BATCH) : 40

/** Renders `formats` from a served Slidev build (`siteUrl` ends with the base, e.g. "http://127.0.0.1:p/"). */
export async function renderFormats(siteUrl: string, deck: Deck, formats: Format[], paths: OutputPaths, o: RenderCtx): Promise<Output[]> {
  const total = deck.slides.length
  const outputs: Output[] = []
  const browser = await (o.browser ?? launchChromium())
  const images = formats.some(f => f === 'png' || f === 'pptx' || f === 'handout')
  try {
    const long = !images && formats.includes('pdf') && total > PRINT_BATCH
    const batched = long && await printRangeHonoured(browser, siteUrl, o.timeoutMs)
    if (long && !batched)
      o.progress.step(`the built site ignores the print route's ?range= (this project's setup/root.ts honours it): the ${total} slides print in one page`)
    if (batched) {
      // A long deck: the print page in batches of slides (its cost grows faster than its length),
      // each checked as the whole deck would be, then joined with the structure kept.
      outputs.push(await writePdf(paths.pdf, deck, 'pdf', total, o, async () => {
        const parts: Uint8Array[] = []
        const printed: ManifestSlide[] = []
        for (let a = 1; a <= total; a += PRINT_BATCH) {
          const b = Math.min(total, a + PRINT_BATCH - 1)
          const { page } = await open(browser, siteUrl, { ...deck, slides: deck.slides.slice(a - 1, b) }, 'pdf', { ...o, range: `${a}-${b}` })
          const part = await printPdf(page, deck.canvas, a)
          printed.push(...part.printed)
          parts.push(part.pdf)
          await page.context().close()
          o.progress.count('slides printed (batches)', b, total)
        }
        return { pdf: await mergeTaggedPdfs(parts), printed, note: ` in ${parts.length} batches of up to ${PRINT_BATCH}` }
      }))
    }
    else if (images || formats.includes('pdf')) {
      const { page, count } = await open(browser, siteUrl, deck, formats.find(f => f !== 'clicks')!, { ...o, images })
      if (formats.includes('pdf'))
        outputs.push(await writePdf(paths.pdf, deck, 'pdf', count, o, () => printPdf(page, deck.canvas)))
      if (images) {
        const pngs = await guarded('png', () => screenshots(page, total, o.progress))
        if (formats.includes('png'))
          outputs.push(await guarded('png', () => writePngs(pngs, paths.png, total, o.progress)))
        if (formats.includes('pptx'))
          outputs.push(await guarded('pptx', () => writePptx(pngs, paths.pptx, deck, o.progress)))
        if (formats.includes('handout'))
          outputs.push(await guarded('handout', () => writeHandout(browser, pngs, paths.handout, deck, o)))
      }
      await page.context().close()
    }
    if (formats.includes('clicks')) {
      const { page, count } = await open(browser, siteUrl, deck, 'clicks', o)
      outputs.push(await writePdf(paths.clicks, deck, 'clicks', count, o, () => printPdf(page, deck.canvas)))
      await page.context().close()
    }
  }
  finally {
    await browser.close()
  }
  return outputs
}

/**
 * Whether the built print view shows only the slides of `?range=`: Slidev reads the range before
 * a production build's router is ready, so a deck needs a root setup like this project's
 * (setup/root.ts) for batches; without it the print view holds every slide.
 */
async function printRangeHonoured(browser: Browser, siteUrl: string, timeoutMs: number): Promise<boolean> {
  const page = await browser.newPage()
  try {
    page.setDefaultTimeout(timeoutMs)
    await page.goto(`${siteUrl}print?print=true&range=1-1`, { waitUntil: 'load' })
    await page.locator('.print-slide-container').first().waitFor()
    return await page.locator('.print-slide-container').count() === 1
  }
  finally {
    await page.close()
  }
}

async function guarded<T>(format: Format, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  }
  catch (e) {
    throw e instanceof ExportError || e instanceof ExportRefused ? e : new ExportError(format, e)
  }
}

/**
 * Slidev's print view of `deck` (or of the slides in `range`), ready and checked: every slide
 * there, no failed diagram, and none of what must not be printed (found with the check's own
 * in-page checks: a blank slide, a broken image, an empty diagram, content outside the slide or
 * cut off), each problem at its slide's file:line.
 */
async function open(browser: Browser, siteUrl: string, deck: Deck, format: Format, o: RenderCtx & { range?: string, images?: boolean }): Promise<{ page: Page, count: number }> {
  return guarded(format, async () => {
    const t = performance.now()
    const clicks = format === 'clicks'
    const total = deck.slides.length
    const expectedDiagrams = deck.slides.reduce((n, s) => n + s.mermaidLines.length, 0)
    // Device scale 2 only for the slide images; the PDF is vector either way, and a 2x raster of a
    // viewport as tall as every slide together costs seconds.
    const { page, count } = await openPrint(browser, siteUrl, { canvas: deck.canvas, dark: o.dark, clicks, timeoutMs: o.timeoutMs, scale: o.images ? 2 : 1, total, expectedDiagrams, range: o.range })
    if (!clicks && count !== total)
      throw new Error(`the print view shows ${count} slides, the deck has ${total}`)
    if (clicks) {
      // The slides' own pass (below) already refused a failed diagram with its file:line.
      const errors = await diagramErrors(page)
      if (errors.length)
        throw new Error(`Mermaid ${errors[0]}`)
    }
    else {
      // All slides' checks in flight at once: one round trip each would add up to half a second.
      const found: Problem[] = (await Promise.all(deck.slides.map(async slide =>
        (await Promise.all([checkBlank(page, slide.no), diagramFindings(page, `.slidev-page-${slide.no}`, slide.mermaidLines.length), checkImages(page, slide.no), checkLayout(page, slide.no)]))
          .flat().map(f => seenProblem(slide, f, o.dark ? 'dark' : 'light'))))).flat()
      if (found.length)
        throw new ExportRefused('refused after rendering', found.map(formatProblem))
    }
    if (!o.range)
      o.progress.step(`${clicks ? 'click steps' : 'slides'} ready in Chromium (${count} pages for ${total} slides, ${seconds(performance.now() - t)})`)
    return { page, count }
  })
}

/** The print view as one tagged PDF (headings, paragraphs, lists and links in reading order), and the slides it holds. */
async function printPdf(page: Page, canvas: Canvas, firstPage = 1): Promise<{ pdf: Uint8Array, printed: ManifestSlide[] }> {
  const printed = await printedSlides(page, firstPage)
  return { printed, pdf: await page.pdf({ width: `${canvas.width}px`, height: `${canvas.height}px`, margin: { left: '0', top: '0', right: '0', bottom: '0' }, printBackground: true, preferCSSPageSize: true, tagged: true }) }
}

async function writePdf(target: string, deck: Deck, format: 'pdf' | 'clicks', pages: number, o: RenderCtx, print: () => Promise<{ pdf: Uint8Array, printed: ManifestSlide[], note?: string }>): Promise<Output> {
  return guarded(format, async () => {
    const t = performance.now()
    const { pdf, printed, note = '' } = await print()
    await savePdf(target, pdf, deck, { format, pages, slides: printed })
    o.progress.step(`${format}: ${target} (${pages} pages${note}, ${seconds(performance.now() - t)})`)
    return { format, path: target, pages }
  })
}

/**
 * Writes a PDF atomically with the deck's metadata, language and bookmarks (replacing Chromium's
 * flat outline), checks its page count, and writes its manifest beside it.
 */
async function savePdf(target: string, pdf: Uint8Array, deck: Deck, m: Omit<Manifest, 'deck'>, title?: string): Promise<void> {
  await writeAtomically(target, async (tmp) => {
    await writeFile(tmp, pdf)
    return setPdfMeta(tmp, {
      ...pdfMetaFrom(deck.headmatter),
      ...title && { title },
      date: sourceDate(deck.root),
      lang: deckLang(deck.headmatter),
      outline: deckOutline(deck, m.slides.map(p => p.page - 1)),
    })
  }, (_, count) => { // pdf-lib's count of the pages it just wrote: no second parse of the file
    if (count !== m.pages)
      throw new Error(`${target} has ${count} pages, expected ${m.pages}`)
  })
  await writeManifest(target, deck.entry, m)
}

interface Shot { no: number, buffer: Buffer, links: SlideLink[] }

/** Slide images, each with its external links as fractions of its box (the handout's clickable areas). */
async function screenshots(page: Page, total: number, progress: Progress): Promise<Shot[]> {
  const shots: Shot[] = []
  const containers = page.locator('.print-slide-container')
  for (let i = 0; i < total; i++) {
    const links = await containers.nth(i).evaluate((box) => {
      const r = box.getBoundingClientRect()
      return [...box.querySelectorAll<HTMLAnchorElement>('a[href]')]
        .filter(a => /^https?:/.test(a.href))
        .flatMap(a => [...a.getClientRects()].map(q => ({ href: a.href, x: (q.left - r.left) / r.width, y: (q.top - r.top) / r.height, w: q.width / r.width, h: q.height / r.height })))
        .filter(l => l.w > 0 && l.h > 0 && l.x < 1 && l.y < 1)
    })
    shots.push({ no: i + 1, buffer: await containers.nth(i).screenshot(), links })
    progress.count('slide images', i + 1, total)
  }
  return shots
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4E, 0x47])
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4B, 0x03, 0x04])

async function writePngs(pngs: Shot[], dir: string, total: number, progress: Progress): Promise<Output> {
  await writeAtomically(dir, async (tmp) => {
    await mkdir(tmp, { recursive: true })
    for (const s of pngs)
      await writeFile(join(tmp, pngName(s.no, total)), s.buffer)
  }, async (tmp) => {
    const files = await readdir(tmp)
    const pngs = await Promise.all(files.map(async f => f.endsWith('.png') && (await readFile(join(tmp, f))).subarray(0, 4).equals(PNG_SIGNATURE)))
    if (pngs.filter(Boolean).length !== total || files.length !== total)
      throw new Error(`${tmp} has ${pngs.filter(Boolean).length} PNG files of ${files.length}, expected ${total}`)
  })
  progress.step(`png: ${dir}/ (${total} files)`)
  return { format: 'png', path: dir, pages: total }
}

async function writePptx(pngs: Shot[], target: string, deck: Deck, progress: Progress): Promise<Output> {
  const { default: PptxGenJS } = await import('pptxgenjs')
  await writeAtomically(target, async (tmp) => {
    const pptx = new PptxGenJS()
    pptx.defineLayout({ name: 'deck', width: deck.canvas.width / 96, height: deck.canvas.height / 96 })
    pptx.layout = 'deck'
    const meta = pdfMetaFrom(deck.headmatter)
    for (const k of ['title', 'author', 'subject'] as const) {
      if (meta[k])
        pptx[k] = meta[k]
    }
    for (const s of pngs) {
      const slide = pptx.addSlide()
      slide.background = { data: `data:image/png;base64,${s.buffer.toString('base64')}` }
      const note = deck.slides[s.no - 1]?.note
      if (note)
        slide.addNotes(notesToPlainText(note))
    }
    await writeFile(tmp, await pptx.write({ outputType: 'nodebuffer' }) as Buffer)
  }, async (tmp) => {
    if (!(await readFile(tmp)).subarray(0, 4).equals(ZIP_SIGNATURE))
      throw new Error(`${tmp} is not a zip/pptx file`)
  })
  progress.step(`pptx: ${target} (${pngs.length} slides with notes)`)
  return { format: 'pptx', path: target, pages: pngs.length }
}

async function writeHandout(browser: Browser, pngs: Shot[], target: string, deck: Deck, o: RenderCtx): Promise<Output> {
  const perPage = 2
  const title = String(deck.headmatter.title ?? 'Slides')
  const html = handoutHtml(title, pngs.map(s => ({ ...deck.slides[s.no - 1]!, image: `data:image/png;base64,${s.buffer.toString('base64')}`, links: s.links })), perPage)
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
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true })
    await savePdf(target, pdf, deck, { format: 'handout', pages, slides }, `${title} — speaker notes`)
  }
  finally {
    await page.close()
  }
  o.progress.step(`handout: ${target} (${pages} A4 pages, ${perPage} slides each)`)
  return { format: 'handout', path: target, pages }
}
