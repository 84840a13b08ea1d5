/**
 * Pure helpers for checking an exported PDF with poppler's tools (pdfinfo, pdftotext, pdffonts,
 * pdftoppm): decoding grey-scale page renders, telling a blank page, reading pdffonts' table,
 * matching slide titles in extracted text and estimating click steps from slide source.
 */

export interface GreyImage {
  width: number
  height: number
  maxval: number
  pixels: Uint8Array | Uint16Array
}

/** Decodes a PGM image (binary P5 or plain P2), as written by `pdftoppm -gray`. */
export function parsePgm(buf: Uint8Array): GreyImage {
  let pos = 0
  const token = (): string => {
    // Skip whitespace and comments.
    for (;;) {
      while (pos < buf.length && /\s/.test(String.fromCharCode(buf[pos]!)))
        pos++
      if (buf[pos] === 0x23) { // '#'
        while (pos < buf.length && buf[pos] !== 0x0A)
          pos++
        continue
      }
      break
    }
    const start = pos
    while (pos < buf.length && !/\s/.test(String.fromCharCode(buf[pos]!)))
      pos++
    return String.fromCharCode(...buf.subarray(start, pos))
  }
  const magic = token()
  if (magic !== 'P5' && magic !== 'P2')
    throw new Error(`not a PGM image (magic "${magic}")`)
  const width = Number(token())
  const height = Number(token())
  const maxval = Number(token())
  if (!(width > 0 && height > 0 && maxval > 0 && maxval < 65536))
    throw new Error(`bad PGM header: ${width}×${height}, maxval ${maxval}`)
  const count = width * height
  const wide = maxval > 255
  const pixels = wide ? new Uint16Array(count) : new Uint8Array(count)
  if (magic === 'P5') {
    pos++ // exactly one whitespace byte after maxval
    const need = count * (wide ? 2 : 1)
    if (buf.length - pos < need)
      throw new Error(`truncated PGM: ${buf.length - pos} bytes of pixel data, ${need} expected`)
    for (let i = 0; i < count; i++)
      pixels[i] = wide ? (buf[pos + 2 * i]! << 8) | buf[pos + 2 * i + 1]! : buf[pos + i]!
  }
  else {
    for (let i = 0; i < count; i++) {
      const t = token()
      if (t === '')
        throw new Error(`truncated PGM: ${i} of ${count} pixels`)
      pixels[i] = Number(t)
    }
  }
  return { width, height, maxval, pixels }
}

export interface InkStats {
  /** Most common grey level (the background), scaled to 0–255. */
  background: number
  /** Share of pixels that differ from the background by more than the threshold. */
  inkShare: number
  inkPixels: number
  /** Standard deviation of grey levels, 0–255 scale. */
  stddev: number
}

/** How much of the page is not background. */
export function inkStats(img: GreyImage, threshold = 24): InkStats {
  const scale = 255 / img.maxval
  const hist = new Array<number>(256).fill(0)
  let sum = 0
  let sum2 = 0
  for (const p of img.pixels) {
    const v = Math.round(p * scale)
    hist[v]!++
    sum += v
    sum2 += v * v
  }
  const n = img.pixels.length
  let background = 0
  for (let v = 1; v < 256; v++) {
    if (hist[v]! > hist[background]!)
      background = v
  }
  let ink = 0
  for (let v = 0; v < 256; v++) {
    if (Math.abs(v - background) > threshold)
      ink += hist[v]!
  }
  const mean = sum / n
  return { background, inkShare: ink / n, inkPixels: ink, stddev: Math.sqrt(Math.max(0, sum2 / n - mean * mean)) }
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

export interface PdfFont {
  name: string
  type: string
  encoding: string
  embedded: boolean
  subset: boolean
  unicode: boolean
  object: string
}

/**
 * Parses `pdffonts` output. Columns are fixed-width: their extents come from the dashed line
 * under the header, so names and types with spaces ("Type 1C", "CID TrueType") stay whole.
 */
export function parsePdffonts(text: string): PdfFont[] {
  const lines = text.split('\n')
  const dashIdx = lines.findIndex(l => /^-+( -+)+\s*$/.test(l))
  if (dashIdx < 1)
    return []
  const cols: [number, number][] = []
  const re = /-+/g
  for (let m = re.exec(lines[dashIdx]!); m; m = re.exec(lines[dashIdx]!))
    cols.push([m.index, m.index + m[0].length])
  const fonts: PdfFont[] = []
  for (const line of lines.slice(dashIdx + 1)) {
    if (!line.trim())
      continue
    const cell = (i: number) => {
      const [a, b] = cols[i] ?? [0, 0]
      // The last column runs to the end of the line.
      return (i === cols.length - 1 ? line.slice(a) : line.slice(a, b + 1)).trim()
    }
    const yes = (s: string) => s === 'yes'
    fonts.push({
      name: cell(0),
      type: cell(1),
      encoding: cell(2),
      embedded: yes(cell(3)),
      subset: yes(cell(4)),
      unicode: yes(cell(5)),
      object: cols.length > 6 ? `${cell(6)}` : '',
    })
  }
  return fonts
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
