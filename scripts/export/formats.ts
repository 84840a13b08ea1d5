import { join } from 'node:path'

/** Every output the export pipeline can produce, in the order `export:all` makes them. */
export const FORMATS = ['pdf', 'clicks', 'png', 'pptx', 'handout'] as const
export type Format = typeof FORMATS[number]

export const FORMAT_LABELS: Record<Format, string> = {
  pdf: 'PDF (one page per slide)',
  clicks: 'PDF with every click step',
  png: 'PNG per slide',
  pptx: 'PowerPoint (slide images + notes)',
  handout: 'speaker-notes handout PDF',
}

export interface OutputPaths {
  pdf: string
  clicks: string
  png: string
  pptx: string
  handout: string
}

/**
 * Where each format lands, from the deck's `exportFilename`:
 * `<dir>/<name>.pdf`, `<name>-clicks.pdf`, `<name>-png/01.png…`, `<name>.pptx`, `<name>-handout.pdf`.
 */
export function outputPaths(dir: string, name: string): OutputPaths {
  const base = safeName(name)
  return {
    pdf: join(dir, `${base}.pdf`),
    clicks: join(dir, `${base}-clicks.pdf`),
    png: join(dir, `${base}-png`),
    pptx: join(dir, `${base}.pptx`),
    handout: join(dir, `${base}-handout.pdf`),
  }
}

/** A file name stem from `exportFilename` (or the title): no path separators, no spaces. */
export function safeName(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036F]/g, '')
    .replace(/\.pdf$/i, '')
    .replace(/[^\w.-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .toLowerCase()
  return cleaned || 'slides'
}

/** "01.png", "02.png" … for slide numbers; width grows for decks of 100+ slides. */
export function pngName(no: number, total: number, click?: number): string {
  const width = Math.max(2, String(total).length)
  const stem = String(no).padStart(width, '0')
  return click === undefined ? `${stem}.png` : `${stem}-${click}.png`
}

/** The name the deck asks for: `exportFilename`, else the title, else the entry's name. */
export function exportStem(headmatter: Record<string, unknown>, entry: string): string {
  const fromConfig = headmatter.exportFilename
  if (typeof fromConfig === 'string' && fromConfig.trim())
    return safeName(fromConfig)
  const title = headmatter.title
  if (typeof title === 'string' && title.trim())
    return safeName(title)
  return safeName(entry.replace(/^.*\//, '').replace(/\.md$/, ''))
}
