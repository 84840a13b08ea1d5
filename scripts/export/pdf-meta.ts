import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { PDFDocument, PDFHexString } from 'pdf-lib'
import { type OutlineNode, writeOutline } from './pdf-a11y.ts'

export interface PdfMeta {
  title?: string
  author?: string
  subject?: string
  keywords?: string[]
  /** Creation and modification date (sourceDate): the same for every export of a commit. */
  date?: Date
  /** Document language (catalog /Lang), e.g. "en". */
  lang?: string
  /** Bookmarks (replace whatever Chromium wrote). */
  outline?: OutlineNode[]
}

/** The PDF metadata Slidev's own export sets, from the deck's headmatter. */
export function pdfMetaFrom(headmatter: Record<string, unknown>): PdfMeta {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined)
  const kw = headmatter.keywords
  return {
    title: str(headmatter.title),
    author: str(headmatter.author),
    subject: str(headmatter.info)?.replace(/\s+/g, ' '),
    keywords: Array.isArray(kw) ? kw.map(String) : typeof kw === 'string' ? kw.split(',').map(s => s.trim()).filter(Boolean) : undefined,
  }
}

/**
 * Sets the metadata and makes the file reproducible: fixed dates and producer instead of
 * Chromium's and pdf-lib's clocks, and a document /ID derived from the content instead of
 * Chromium's random one.
 */
export async function setPdfMeta(file: string, meta: PdfMeta): Promise<void> {
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
}

/**
 * The date an export stamps into its files, so that two exports of one commit are identical:
 * SOURCE_DATE_EPOCH when set (the reproducible-builds convention), else the last commit's date
 * in `cwd`'s repository, else the Unix epoch (outside git).
 */
export function sourceDate(cwd = process.cwd(), env = process.env): Date {
  const fromEnv = env.SOURCE_DATE_EPOCH
  if (fromEnv !== undefined && /^\d+$/.test(fromEnv.trim()))
    return new Date(Number(fromEnv.trim()) * 1000)
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%ct'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    if (/^\d+$/.test(out))
      return new Date(Number(out) * 1000)
  }
  catch {}
  return new Date(0)
}
