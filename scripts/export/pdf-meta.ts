/**
 * What the export adds to Chromium's tagged PDFs: the deck's metadata and language, the title in
 * the viewer's title bar, bookmarks from the deck model, and fixed dates and /ID so exports reproduce.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { relative } from 'node:path'
import type { PDFRef } from 'pdf-lib'
import { pdfLib } from '../lib/cjs.ts'
import { type Deck, type DeckSlide, heading, stripInlineMarkdown } from '../lib/deck.ts'

const { PDFDocument, PDFHexString, PDFName } = pdfLib()
type PDFDocument = import('pdf-lib').PDFDocument

export interface OutlineNode {
  title: string
  /** 0-based page index the bookmark opens. */
  page: number
  children?: OutlineNode[]
}

/** The deck's language: headmatter `htmlAttrs.lang`, else `lang`, else Slidev's default ("en"). */
export function deckLang(headmatter: Record<string, unknown>): string {
  const lang = [(headmatter.htmlAttrs as { lang?: unknown } | undefined)?.lang, headmatter.lang].find(v => typeof v === 'string' && v.trim())
  return typeof lang === 'string' ? lang.trim() : 'en'
}

/** A slide's title as a bookmark: its `# ` heading (markdown stripped), else Slidev's title, else "Slide N". */
function slideLabel(s: Pick<DeckSlide, 'no' | 'title' | 'body' | 'contentLine'>): string {
  const t = stripInlineMarkdown(heading(s)?.text ?? s.title ?? '').replace(/\s+/g, ' ').trim()
  return t || `Slide ${s.no}`
}

/**
 * Bookmarks: the entry file's own slides (cover, map) are top-level; each run of slides from one
 * page file is a chapter titled by its divider ("4. Title") or first slide. `firstPage[i]` is the
 * 0-based page where slide i+1 begins (pages differ from slides in the clicks PDF and handout).
 */
export function deckOutline(deck: Pick<Deck, 'root' | 'entry' | 'slides'>, firstPage: readonly number[]): OutlineNode[] {
  const entryFile = relative(deck.root, deck.entry)
  const nodes: OutlineNode[] = []
  deck.slides.forEach((s, i) => {
    const item = { title: slideLabel(s), page: firstPage[i] ?? 0 }
    if (s.file === entryFile)
      return nodes.push(item)
    if (s.file !== deck.slides[i - 1]?.file)
      nodes.push({ ...item, children: [] })
    const chapter = nodes.at(-1)!
    if (s.frontmatter.layout === 'chapter' && !chapter.children!.length)
      chapter.title = [String(s.frontmatter.chapter ?? '').trim(), item.title].filter(Boolean).join('. ')
    chapter.children!.push(item)
  })
  return nodes
}

/** Replaces the document's bookmarks with `nodes` (chapters closed, so the panel lists the chapters). */
function writeOutline(doc: PDFDocument, nodes: OutlineNode[]): void {
  const ctx = doc.context
  const pages = doc.getPages()
  // Writes `items` under `parent`; returns the parent's /First, /Last and /Count (negative: closed).
  const level = (items: OutlineNode[], parent: PDFRef, open: boolean) => {
    const refs = items.map(() => ctx.nextRef())
    items.forEach((it, i) => ctx.assign(refs[i]!, ctx.obj({
      Title: PDFHexString.fromText(it.title),
      Parent: parent,
      Dest: [pages[Math.min(Math.max(it.page, 0), pages.length - 1)]!.ref, 'Fit'],
      Prev: refs[i - 1],
      Next: refs[i + 1],
      ...it.children?.length ? level(it.children, refs[i]!, false) : {},
    })))
    return { First: refs[0], Last: refs.at(-1), Count: open ? items.length : -items.length }
  }
  if (!nodes.length) {
    doc.catalog.delete(PDFName.of('Outlines'))
    return
  }
  const root = ctx.nextRef()
  ctx.assign(root, ctx.obj({ Type: 'Outlines', ...level(nodes, root, true) }))
  doc.catalog.set(PDFName.of('Outlines'), root)
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'))
}

/** `date`: the creation and modification date (sourceDate); `outline` replaces Chromium's bookmarks. */
type PdfMeta = ReturnType<typeof pdfMetaFrom> & { date?: Date, lang?: string, outline?: OutlineNode[] }

/** The PDF metadata Slidev's own export sets, from the deck's headmatter. */
export function pdfMetaFrom(headmatter: Record<string, unknown>) {
  const str = (v: unknown) => typeof v === 'string' && v.trim() ? v.trim() : undefined
  const kw = headmatter.keywords
  return {
    title: str(headmatter.title),
    author: str(headmatter.author),
    subject: str(headmatter.info)?.replace(/\s+/g, ' '),
    keywords: Array.isArray(kw) ? kw.map(String) : typeof kw === 'string' ? kw.split(',').map(s => s.trim()).filter(Boolean) : undefined,
  }
}

/**
 * Sets the metadata; fixed dates and producer, and an /ID from the content, instead of Chromium's
 * clock and random /ID, so exports reproduce. Returns the page count (the export checks it).
 */
export async function setPdfMeta(file: string, meta: PdfMeta): Promise<number> {
  const doc = await PDFDocument.load(await readFile(file), { updateMetadata: false })
  doc.setCreationDate(meta.date ?? new Date(0))
  doc.setModificationDate(meta.date ?? new Date(0))
  doc.setProducer('Chromium (Skia/PDF), pdf-lib')
  doc.setCreator('Slidev (scripts/export.ts)')
  if (meta.title)
    doc.setTitle(meta.title)
  if (meta.author)
    doc.setAuthor(meta.author)
  if (meta.subject)
    doc.setSubject(meta.subject)
  if (meta.keywords)
    doc.setKeywords(meta.keywords)
  if (meta.lang) { // PDF/UA asks for the language, and the title shown instead of the file name
    doc.setLanguage(meta.lang)
    doc.catalog.getOrCreateViewerPreferences().setDisplayDocTitle(true)
  }
  if (meta.outline)
    writeOutline(doc, meta.outline)
  delete doc.context.trailerInfo.ID
  const id = PDFHexString.of(createHash('sha256').update(await doc.save({ useObjectStreams: false })).digest('hex').slice(0, 32))
  doc.context.trailerInfo.ID = doc.context.obj([id, id])
  await writeFile(file, await doc.save({ useObjectStreams: false }))
  return doc.getPageCount()
}

/** The date stamped into the files, the same for every export of a commit: SOURCE_DATE_EPOCH, else the last commit's, else the epoch. */
export function sourceDate(cwd = process.cwd(), env = process.env): Date {
  const epoch = (s: string | null | undefined) => /^\s*\d+\s*$/.test(s ?? '') ? new Date(Number(s) * 1000) : undefined
  return epoch(env.SOURCE_DATE_EPOCH) ?? epoch(spawnSync('git', ['log', '-1', '--format=%ct'], { cwd, encoding: 'utf8' }).stdout) ?? new Date(0)
}
