import { readdir, readFile, stat } from 'node:fs/promises'
import { PDFDocument } from 'pdf-lib'

export class VerifyError extends Error {
  override name = 'VerifyError'
}

/** Throws unless `file` is a readable PDF with exactly `pages` pages. Returns its page count. */
export async function verifyPdf(file: string, pages: number): Promise<number> {
  const size = (await stat(file).catch(() => undefined))?.size ?? 0
  if (size === 0)
    throw new VerifyError(`${file} is missing or empty`)
  const doc = await PDFDocument.load(await readFile(file), { updateMetadata: false })
  const count = doc.getPageCount()
  if (count !== pages)
    throw new VerifyError(`${file} has ${count} pages, expected ${pages}`)
  return count
}

/** Throws unless `dir` holds exactly `count` non-empty PNG files. */
export async function verifyPngDir(dir: string, count: number): Promise<void> {
  const files = (await readdir(dir)).filter(f => f.endsWith('.png'))
  if (files.length !== count)
    throw new VerifyError(`${dir} has ${files.length} PNGs, expected ${count}`)
  for (const f of files) {
    const buf = await readFile(`${dir}/${f}`)
    if (buf.length < 8 || buf.readUInt32BE(0) !== 0x89504E47)
      throw new VerifyError(`${dir}/${f} is not a PNG`)
  }
}

/** Throws unless `file` is a non-empty zip (a .pptx is a zip). */
export async function verifyZip(file: string): Promise<void> {
  const buf = await readFile(file)
  if (buf.length < 4 || buf.readUInt32BE(0) !== 0x504B0304)
    throw new VerifyError(`${file} is not a zip/pptx file`)
}
