import { resolve } from 'node:path'
import { parseSync, resolveConfig } from '@slidev/parser'
import { load } from '@slidev/parser/fs'
import type { SourceSlideInfo } from '@slidev/types'

/**
 * One slide of the presentation as the author wrote it: where it lives, what it says, and its raw
 * lines, so that lint, check, export and verify can map every finding to a real line of a file.
 * Lines are 1-based file lines; files are relative to the deck's folder. Its fields: `slideOf`.
 */
export type DeckSlide = ReturnType<typeof slideOf>
export type Deck = Awaited<ReturnType<typeof loadDeck>>

/** Loads a deck the way Slidev does (imports via `src:` followed) and maps each slide to its source. */
export async function loadDeck(entry = 'slides.md') {
  const entryPath = resolve(entry)
  const root = resolve(entryPath, '..')
  const rel = (file: string) => file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file
  const data = await load({ userRoot: root, roots: [root] }, entryPath)
  const headmatter: Record<string, unknown> = data.headmatter ?? {}
  // The highlighter is left out: resolveConfig throws on a dropped one, which the lint reports.
  const { canvasWidth, aspectRatio } = resolveConfig({ ...headmatter, highlighter: 'shiki' })
  return {
    root,
    entry: entryPath,
    headmatter,
    /** Slide size in CSS pixels, from Slidev's resolved config, rounded as `slidev export` does. */
    canvas: { width: canvasWidth, height: Math.round(canvasWidth / aspectRatio) },
    slides: data.slides.map((info, i) => slideOf(info.source, i + 1, rel(info.source.filepath), info.frontmatter, info.importChain)),
    /** Problems Slidev's loader recorded (e.g. a `src:` import that does not exist), with their place. */
    errors: Object.entries(data.markdownFiles).flatMap(([path, md]) => (md.errors ?? []).map(e => ({ file: rel(path), line: e.row + 1, message: e.message }))),
  }
}

/** Slides of one markdown text (no `src:` imports followed), numbered from 1: for tests and tools. */
export function slidesFromMarkdown(markdown: string, file = 'slides.md'): DeckSlide[] {
  return parseSync(markdown, file).slides.map((src, i) => slideOf(src, i + 1, file))
}

function slideOf(src: SourceSlideInfo, no: number, file: string, frontmatter: Record<string, unknown> = src.frontmatter ?? {}, importChain: SourceSlideInfo[] = []) {
  const rawLines = src.raw.split(/\r?\n/)
  const bodyOffset = Math.max(0, src.contentStart - src.start)
  const bodyLines = rawLines.slice(bodyOffset)
  const frontmatterLine = src.start + 2
  const fences = fenceBlocks(bodyLines).map(b => ({ lang: b.lang, info: b.info, line: src.contentStart + 1 + b.open, code: bodyLines.slice(b.open + 1, b.close).join('\n') }))
  return {
    /** Slide number, as Slidev shows it. */
    no,
    file,
    /** The slide's first line (its frontmatter or its first content line), and where its content starts. */
    line: src.start + 1,
    contentLine: src.contentStart + 1,
    /** The frontmatter `title:` or first heading; a non-string `title:` (YAML `title: 2005`) counts as none. */
    title: typeof src.title === 'string' ? src.title : undefined,
    /** Effective frontmatter (including what a `src:` import stanza adds). */
    frontmatter,
    /** The markdown without frontmatter and notes; the notes; the raw body from contentLine, notes included, as in the file. */
    content: src.content,
    note: src.note?.trim() || undefined,
    body: bodyLines.join('\n'),
    /** The slide's own frontmatter lines as written (none when it has none), from `frontmatterLine` (the one after `---`). */
    frontmatterLines: src.frontmatterStyle === 'frontmatter' && bodyOffset >= 2 ? rawLines.slice(1, bodyOffset - 1) : [],
    frontmatterLine,
    /** Problems in the slide's own frontmatter YAML, as the YAML parser reported them. */
    yamlErrors: (src.frontmatterDoc?.errors ?? []).map(e => ({
      line: frontmatterLine + (e.linePos?.[0].line ?? 1) - 1,
      message: e.message.split('\n')[0]!.replace(/\s*at line \d+, column \d+:?\s*$/, ''),
    })),
    /** Fenced code blocks of the body, in order: lower-cased language ("" for none), the rest of the opening line, its line, the code. */
    fences,
    /** Line of each Mermaid fence, in order (how many diagrams the slide should show). */
    mermaidLines: fences.filter(f => f.lang === 'mermaid').map(f => f.line),
    /** Slidev's source of the slide, and the `src:` stanzas that imported it, outermost first. */
    source: src,
    importChain,
  }
}

/**
 * The fenced code blocks of some markdown lines, the one scanner the lint, check and export share:
 * 0-based indexes of the opening and the closing fence (lines.length when never closed).
 */
export function fenceBlocks(lines: string[]): { open: number, close: number, lang: string, info: string }[] {
  const out = []
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*(`{3,}|~{3,})\s*([\w-]*)(.*)$/.exec(lines[i]!)
    if (!m)
      continue
    let j = i + 1
    while (j < lines.length && !lines[j]!.trimStart().startsWith(m[1]!)) j++
    out.push({ open: i, close: j, lang: m[2]!.toLowerCase(), info: m[3]!.trim() })
    i = j
  }
  return out
}

/**
 * The slide body with HTML comments (notes included), fenced code blocks and inline code blanked
 * out, offsets and line breaks kept (so `lineAt` applies): what the checks for tags, images, URLs
 * and quotations scan, so that what is commented out or shown as code is ignored.
 */
export function scannable(body: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ')
  const lines = body.replace(/<!--[\s\S]*?(?:-->|$)/g, blank).split('\n')
  for (const b of fenceBlocks(lines)) {
    for (let k = b.open; k <= b.close && k < lines.length; k++) lines[k] = blank(lines[k]!)
  }
  return lines.join('\n').replace(/(`+)(?:(?!\1)[^\n])+\1/g, blank)
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

/** The file line of a character offset into `slide.body`. */
export function lineAt(slide: Pick<DeckSlide, 'body' | 'contentLine'>, offset: number): number {
  return slide.contentLine + (slide.body.slice(0, offset).match(/\n/g)?.length ?? 0)
}

/** The file line of a top-level frontmatter key, or the slide's first line if not found. */
export function frontmatterKeyLine(slide: DeckSlide, key: string): number {
  const i = slide.frontmatterLines.findIndex(l => new RegExp(`^${escapeRegExp(key)}\\s*:`).test(l))
  return i >= 0 ? slide.frontmatterLine + i : slide.line
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Lowercase letters and digits only (NFKC unfolds ligatures), so a title matches however the PDF lays it out. */
export function squashText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}
