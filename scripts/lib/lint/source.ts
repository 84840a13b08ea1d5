import { parseSync } from '@slidev/parser'
import type { SourceSlideInfo } from '@slidev/types'
import type { DeckSlide } from '../deck.ts'
import { fenceBlocks } from '../fences.ts'

/**
 * A slide as the lint sees it: its metadata plus the raw lines of its body, so that every
 * finding can be mapped back to a real line of the file it was written in.
 */
export interface LintSlide extends Pick<DeckSlide, 'no' | 'file' | 'line' | 'contentLine' | 'title' | 'note'> {
  /** Effective frontmatter (including what a `src:` import stanza adds). */
  frontmatter: Record<string, unknown>
  /** The slide's own frontmatter lines as written (empty when it has none). */
  frontmatterLines: string[]
  /** 1-based line of the first frontmatter line (the one after `---`). */
  frontmatterLine: number
  /** Raw body lines, notes included, exactly as in the file. */
  body: string
  /** Problems in the slide's own frontmatter YAML, as the YAML parser reported them. */
  yamlErrors: { line: number, message: string }[]
}

/** Builds a LintSlide from Slidev's parsed source slide. */
export function lintSlideFromSource(
  src: SourceSlideInfo,
  no: number,
  file: string,
  frontmatter: Record<string, unknown> = src.frontmatter ?? {},
): LintSlide {
  const rawLines = src.raw.split(/\r?\n/)
  const bodyOffset = Math.max(0, src.contentStart - src.start)
  const hasDashFrontmatter = src.frontmatterStyle === 'frontmatter' && bodyOffset >= 2
  const frontmatterLines = hasDashFrontmatter ? rawLines.slice(1, bodyOffset - 1) : []
  const frontmatterLine = src.start + 2
  const yamlErrors = (src.frontmatterDoc?.errors ?? []).map((e) => {
    const linePos = e.linePos?.[0]
    return {
      line: linePos ? frontmatterLine + linePos.line - 1 : frontmatterLine,
      message: (e.message.split('\n')[0] ?? e.message).replace(/\s*at line \d+, column \d+:?\s*$/, ''),
    }
  })
  return {
    no,
    file,
    line: src.start + 1,
    contentLine: src.contentStart + 1,
    title: src.title,
    frontmatter,
    frontmatterLines,
    frontmatterLine,
    note: src.note?.trim() || undefined,
    body: rawLines.slice(bodyOffset).join('\n'),
    yamlErrors,
  }
}

/** Slides of one markdown text (no `src:` imports followed), numbered from 1: for tests and tools. */
export function lintSlidesFromMarkdown(markdown: string, file = 'slides.md'): LintSlide[] {
  return parseSync(markdown, file).slides.map((src, i) => lintSlideFromSource(src, i + 1, file))
}

/** The 1-based file line of a character offset into `slide.body`. */
export function lineAt(slide: Pick<LintSlide, 'body' | 'contentLine'>, offset: number): number {
  let line = slide.contentLine
  for (let i = 0; i < offset && i < slide.body.length; i++) {
    if (slide.body.charCodeAt(i) === 10)
      line++
  }
  return line
}

/** The file line of a top-level frontmatter key, or the slide's first line if not found. */
export function frontmatterKeyLine(slide: LintSlide, key: string): number {
  const re = new RegExp(`^${escapeRegExp(key)}\\s*:`)
  const i = slide.frontmatterLines.findIndex(l => re.test(l))
  return i >= 0 ? slide.frontmatterLine + i : slide.line
}

export interface Fence {
  /** Language after the backticks, e.g. "mermaid". */
  lang: string
  /** Everything after the language on the opening line, e.g. "{scale: 0.8}". */
  info: string
  /** File line of the opening fence. */
  line: number
  /** The code between the fences. */
  code: string
}

/** Fenced code blocks of a slide body, with the file line of each opening fence. */
export function fences(slide: Pick<LintSlide, 'body' | 'contentLine'>): Fence[] {
  const lines = slide.body.split('\n')
  return fenceBlocks(lines).map(b => ({
    lang: b.lang,
    info: b.info,
    line: slide.contentLine + b.open,
    code: lines.slice(b.open + 1, b.close).join('\n'),
  }))
}

/**
 * The slide body with HTML comments (notes included), fenced code blocks and inline code
 * replaced by spaces. Offsets and line breaks are unchanged, so `lineAt` still applies: checks
 * that look for tags, images and URLs scan this text and ignore what is commented out or shown
 * as code.
 */
export function scannable(body: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ')
  let out = body.replace(/<!--[\s\S]*?(?:-->|$)/g, blank)
  const lines = out.split('\n')
  for (const b of fenceBlocks(lines)) {
    for (let k = b.open; k <= b.close && k < lines.length; k++) lines[k] = blank(lines[k] ?? '')
  }
  out = lines.join('\n')
  return out.replace(/(`+)(?:(?!\1)[^\n])+\1/g, blank)
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
