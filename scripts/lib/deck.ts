import { resolve } from 'node:path'
import { parseSync, resolveConfig } from '@slidev/parser'
import { load } from '@slidev/parser/fs'
import type { SourceSlideInfo } from '@slidev/types'

/**
 * One slide of the presentation as the author wrote it: where it lives, what it says, and its raw
 * lines, so that lint, check, export and verify can map every finding to a real line of a file.
 */
export interface DeckSlide {
  /** 1-based slide number, as Slidev shows it. */
  no: number
  /** Source file, relative to the deck's folder (e.g. "pages/02-tracking-linux.md"). */
  file: string
  /** 1-based line of the slide's first line (its frontmatter or its first content line). */
  line: number
  /** 1-based line where the slide's content (after frontmatter) starts. */
  contentLine: number
  title: string | undefined
  /** Effective frontmatter (including what a `src:` import stanza adds). */
  frontmatter: Record<string, unknown>
  /** Markdown content without frontmatter and without notes. */
  content: string
  note: string | undefined
  /** Raw body lines, notes included, exactly as in the file (starts at contentLine). */
  body: string
  /** The slide's own frontmatter lines as written (empty when it has none). */
  frontmatterLines: string[]
  /** 1-based line of the first frontmatter line (the one after `---`). */
  frontmatterLine: number
  /** Problems in the slide's own frontmatter YAML, as the YAML parser reported them. */
  yamlErrors: { line: number, message: string }[]
  /** Fenced code blocks of the body, in order. */
  fences: Fence[]
  /** 1-based file line of each Mermaid fence, in order (how many diagrams the slide should show). */
  mermaidLines: number[]
  source: SourceSlideInfo
  /** The `src:` stanzas that imported this slide, outermost first. */
  importChain: SourceSlideInfo[]
}

export interface Fence {
  /** Language after the backticks, lower-cased, e.g. "mermaid" ("" for none). */
  lang: string
  /** Everything after the language on the opening line, e.g. "{scale: 0.8}". */
  info: string
  /** File line of the opening fence. */
  line: number
  /** The code between the fences. */
  code: string
}

export interface Deck {
  root: string
  entry: string
  headmatter: Record<string, unknown>
  /** Slide size in CSS pixels, from Slidev's resolved config, rounded as `slidev export` does. */
  canvas: { width: number, height: number }
  slides: DeckSlide[]
  /** Problems Slidev's loader recorded (e.g. a `src:` import that does not exist), with their place. */
  errors: DeckError[]
}

export interface DeckError {
  /** File relative to the deck's folder. */
  file: string
  /** 1-based line. */
  line: number
  message: string
}

/** Loads a deck the way Slidev does (imports via `src:` followed) and maps each slide to its source. */
export async function loadDeck(entry = 'slides.md'): Promise<Deck> {
  const entryPath = resolve(entry)
  const root = resolve(entryPath, '..')
  const data = await load({ userRoot: root, roots: [root] }, entryPath)
  const slides = data.slides.map((info, i) => slideOf(info.source, i + 1, relativeTo(root, info.source.filepath), info.frontmatter, info.importChain))
  const errors = Object.entries(data.markdownFiles).flatMap(([path, md]) =>
    (md.errors ?? []).map((e): DeckError => ({ file: relativeTo(root, path), line: e.row + 1, message: e.message })))
  const headmatter = data.headmatter ?? {}
  // The highlighter is left out: resolveConfig throws on a dropped one, which the lint reports.
  const { canvasWidth, aspectRatio } = resolveConfig({ ...headmatter, highlighter: 'shiki' })
  const canvas = { width: canvasWidth, height: Math.round(canvasWidth / aspectRatio) }
  return { root, entry: entryPath, headmatter, canvas, slides, errors }
}

/** Slides of one markdown text (no `src:` imports followed), numbered from 1: for tests and tools. */
export function slidesFromMarkdown(markdown: string, file = 'slides.md'): DeckSlide[] {
  return parseSync(markdown, file).slides.map((src, i) => slideOf(src, i + 1, file))
}

function slideOf(src: SourceSlideInfo, no: number, file: string, frontmatter = src.frontmatter ?? {}, importChain: SourceSlideInfo[] = []): DeckSlide {
  const rawLines = src.raw.split(/\r?\n/)
  const bodyOffset = Math.max(0, src.contentStart - src.start)
  const hasDashFrontmatter = src.frontmatterStyle === 'frontmatter' && bodyOffset >= 2
  const frontmatterLine = src.start + 2
  const body = rawLines.slice(bodyOffset).join('\n')
  const bodyLines = body.split('\n')
  const fences = fenceBlocks(bodyLines).map(b => ({
    lang: b.lang,
    info: b.info,
    line: src.contentStart + 1 + b.open,
    code: bodyLines.slice(b.open + 1, b.close).join('\n'),
  }))
  return {
    no,
    file,
    line: src.start + 1,
    contentLine: src.contentStart + 1,
    title: src.title,
    frontmatter,
    content: src.content,
    note: src.note?.trim() || undefined,
    body,
    frontmatterLines: hasDashFrontmatter ? rawLines.slice(1, bodyOffset - 1) : [],
    frontmatterLine,
    yamlErrors: (src.frontmatterDoc?.errors ?? []).map((e) => {
      const linePos = e.linePos?.[0]
      return {
        line: linePos ? frontmatterLine + linePos.line - 1 : frontmatterLine,
        message: (e.message.split('\n')[0] ?? e.message).replace(/\s*at line \d+, column \d+:?\s*$/, ''),
      }
    }),
    fences,
    mermaidLines: fences.filter(f => f.lang === 'mermaid').map(f => f.line),
    source: src,
    importChain,
  }
}

/** A fenced code block in markdown lines: 0-based indexes of its opening and closing fence. */
export interface FenceBlock {
  open: number
  /** Index of the closing fence, or lines.length when the block is never closed. */
  close: number
  lang: string
  info: string
}

const RE_FENCE_OPEN = /^\s*(`{3,}|~{3,})\s*([\w-]*)(.*)$/

/** The fenced code blocks of some markdown, the one scanner the lint, check and export share. */
export function fenceBlocks(lines: string[]): FenceBlock[] {
  const out: FenceBlock[] = []
  for (let i = 0; i < lines.length; i++) {
    const m = RE_FENCE_OPEN.exec(lines[i] ?? '')
    if (!m)
      continue
    const marker = m[1]!
    let j = i + 1
    while (j < lines.length && !(lines[j] ?? '').trimStart().startsWith(marker)) j++
    out.push({ open: i, close: j, lang: (m[2] ?? '').toLowerCase(), info: (m[3] ?? '').trim() })
    i = j
  }
  return out
}

/**
 * The slide body with HTML comments (notes included), fenced code blocks and inline code
 * replaced by spaces. Offsets and line breaks are unchanged, so `lineAt` still applies: checks
 * that look for tags, images, URLs and quotations scan this text and ignore what is commented out
 * or shown as code.
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

function relativeTo(root: string, file: string): string {
  return file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file
}

/** The slide's first `# ` heading as written (outside code and comments), and its file line. */
export function heading(s: Pick<DeckSlide, 'body' | 'contentLine'>): { text: string, line: number } | undefined {
  const m = /^#[ \t].*$/m.exec(scannable(s.body))
  return m ? { text: s.body.slice(m.index, m.index + m[0].length).replace(/^#\s+|\s*#*\s*$/g, ''), line: lineAt(s, m.index) } : undefined
}

/** A heading's text as shown: without HTML tags, link targets and emphasis marks. */
export function stripInlineMarkdown(s: string): string {
  return s.replace(/<[^>]+>/g, '').replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`~]/g, '')
}

/** The 1-based file line of a character offset into `slide.body`. */
export function lineAt(slide: Pick<DeckSlide, 'body' | 'contentLine'>, offset: number): number {
  let line = slide.contentLine
  for (let i = 0; i < offset && i < slide.body.length; i++) {
    if (slide.body.charCodeAt(i) === 10)
      line++
  }
  return line
}

/** The file line of a top-level frontmatter key, or the slide's first line if not found. */
export function frontmatterKeyLine(slide: DeckSlide, key: string): number {
  const re = new RegExp(`^${escapeRegExp(key)}\\s*:`)
  const i = slide.frontmatterLines.findIndex(l => re.test(l))
  return i >= 0 ? slide.frontmatterLine + i : slide.line
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
