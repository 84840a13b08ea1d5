import { join } from 'node:path'

/** Every output the export pipeline can produce, in the order `export:all` makes them. */
export const FORMATS = ['pdf', 'clicks', 'png', 'pptx', 'handout'] as const
export type Format = typeof FORMATS[number]

export type OutputPaths = Record<Format, string>
const SUFFIXES: OutputPaths = { pdf: '.pdf', clicks: '-clicks.pdf', png: '-png', pptx: '.pptx', handout: '-handout.pdf' }

/** Where each format lands: `<dir>/<name>.pdf`, `<name>-clicks.pdf`, `<name>-png/01.png…`, `<name>.pptx`, `<name>-handout.pdf`. */
export function outputPaths(dir: string, name: string): OutputPaths {
  return Object.fromEntries(FORMATS.map(f => [f, join(dir, safeName(name) + SUFFIXES[f])])) as OutputPaths
}

/** A file name stem from `exportFilename` (or the title): no path separators, no spaces. */
export function safeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036F]/g, '')
    .replace(/\.pdf$/i, '')
    .replace(/[^\w.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .toLowerCase() || 'slides'
}

/** "01.png", "02.png" … for slide numbers; width grows for decks of 100+ slides. */
export function pngName(no: number, total: number): string {
  return `${String(no).padStart(Math.max(2, String(total).length), '0')}.png`
}

/** The name the deck asks for: `exportFilename`, else the title, else the entry's name. */
export function exportStem(headmatter: Record<string, unknown>, entry: string): string {
  const named = [headmatter.exportFilename, headmatter.title].find(v => typeof v === 'string' && v.trim())
  return safeName(typeof named === 'string' ? named : entry.replace(/^.*\//, '').replace(/\.md$/, ''))
}
