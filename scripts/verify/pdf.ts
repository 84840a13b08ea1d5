/**
 * Pure helpers for checking an exported PDF with poppler's tools (pdfinfo, pdftotext, pdffonts,
 * pdftoppm): decoding grey-scale page renders, telling a blank page, reading pdffonts' table,
 * matching slide titles in extracted text and estimating click steps from slide source.
 */

export interface GreyImage {
  width: number
  height: number
  /** One byte a pixel, 0 (black) to 255 (white). */
  pixels: Uint8Array
}

/** Decodes the 8-bit binary PGM that `pdftoppm -gray` writes: "P5\n<w> <h>\n255\n", then the pixels. */
export function parsePgm(buf: Uint8Array): GreyImage {
  const head = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(new TextDecoder('latin1').decode(buf.subarray(0, 40)))
  if (!head)
    throw new Error('not a PGM image as pdftoppm -gray writes (P5, maxval 255)')
  const width = Number(head[1])
  const height = Number(head[2])
  const pixels = buf.subarray(head[0].length, head[0].length + width * height)
  if (pixels.length < width * height)
    throw new Error(`truncated PGM: ${pixels.length} bytes of pixel data, ${width * height} expected`)
  return { width, height, pixels }
}

/** How much of the page is not background (the most common grey level). */
export function inkStats(img: GreyImage, threshold = 24): { background: number, inkShare: number, inkPixels: number } {
  const hist = new Array<number>(256).fill(0)
  for (const p of img.pixels) hist[p]!++
  const background = hist.indexOf(Math.max(...hist))
  const ink = hist.reduce((n, count, v) => Math.abs(v - background) > threshold ? n + count : n, 0)
  return { background, inkShare: ink / img.pixels.length, inkPixels: ink }
}

/**
 * A page is blank when (almost) nothing on it stands out from its background: fewer than
 * `minShare` of its pixels (default 0.1 %) and fewer than `minPixels` pixels are "ink".
 * A title alone at 20 dpi covers about 1 % of a slide, so real slides pass easily.
 */
export function isBlankPage(img: GreyImage, minShare = 0.001, minPixels = 4): boolean {
  const s = inkStats(img)
  return s.inkShare < minShare || s.inkPixels < minPixels
}

export interface PdfFont { name: string, type: string, embedded: boolean }

/**
 * Parses `pdffonts` output. Columns are fixed-width: their extents come from the dashed line
 * under the header, so names and types with spaces ("Type 1C", "CID TrueType") stay whole.
 */
export function parsePdffonts(text: string): PdfFont[] {
  const lines = text.split('\n')
  const dash = lines.findIndex(l => /^-+( -+)+\s*$/.test(l))
  if (dash < 1)
    return []
  const cols = [...lines[dash]!.matchAll(/-+/g)].map(m => [m.index, m.index + m[0].length + 1] as const)
  const cell = (line: string, i: number) => line.slice(...cols[i]!).trim()
  return lines.slice(dash + 1).filter(l => l.trim()).map(l => ({ name: cell(l, 0), type: cell(l, 1), embedded: cell(l, 3) === 'yes' }))
}

/** Page count from `pdfinfo` output. */
export function parsePdfinfoPages(text: string): number {
  const m = /^Pages:\s+(\d+)/m.exec(text)
  if (!m)
    throw new Error('pdfinfo printed no "Pages:" line')
  return Number(m[1])
}

/**
 * Text reduced to lowercase letters and digits: ligatures unfolded (NFKC turns "ﬁ" into "fi"),
 * quotes, dashes, markup, spacing and line breaks removed, so a title matches however the PDF
 * lays it out.
 */
export function squashText(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\u00AD/g, '') // soft hyphen
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

/** Splits `pdftotext` output into pages (it ends each page with a form feed). */
export function splitPages(text: string): string[] {
  const pages = text.split('\f')
  if (pages.length > 1 && pages[pages.length - 1]!.trim() === '')
    pages.pop()
  return pages
}

/** Whether the title (markdown stripped) occurs in the text. */
export function containsTitle(text: string, title: string): boolean {
  const t = squashText(stripInlineMarkdown(title))
  return t.length === 0 || squashText(text).includes(t)
}

export function stripInlineMarkdown(s: string): string {
  return s
    .replace(/<[^>]+>/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]/g, '')
}
