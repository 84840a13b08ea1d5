import { readFile, writeFile } from 'node:fs/promises'
import { PDFDocument } from 'pdf-lib'

export interface PdfMeta {
  title?: string
  author?: string
  subject?: string
  keywords?: string[]
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

export async function setPdfMeta(file: string, meta: PdfMeta): Promise<void> {
  const doc = await PDFDocument.load(await readFile(file))
  if (meta.title)
    doc.setTitle(meta.title)
  if (meta.author)
    doc.setAuthor(meta.author)
  if (meta.subject)
    doc.setSubject(meta.subject)
  if (meta.keywords)
    doc.setKeywords(meta.keywords)
  doc.setCreator('Slidev (scripts/export.ts)')
  await writeFile(file, await doc.save())
}
