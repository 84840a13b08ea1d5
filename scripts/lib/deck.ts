import { resolve } from 'node:path'
import { load } from '@slidev/parser/fs'
import type { SlideInfo } from '@slidev/types'
import { fenceBlocks } from './fences.ts'

/** One slide of the presentation as the author wrote it: where it lives and what it says. */
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
  frontmatter: Record<string, unknown>
  /** Markdown content without frontmatter and without notes. */
  content: string
  note: string | undefined
  /** 1-based file line of each Mermaid fence, in order (how many diagrams the slide should show). */
  mermaidLines: number[]
  info: SlideInfo
}

export interface Deck {
  root: string
  entry: string
  headmatter: Record<string, unknown>
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
  const slides = data.slides.map((info, i): DeckSlide => {
    const src = info.source
    return {
      no: i + 1,
      file: relativeTo(root, src.filepath),
      line: src.start + 1,
      contentLine: src.contentStart + 1,
      title: info.title,
      frontmatter: info.frontmatter ?? {},
      content: src.content,
      note: info.note?.trim() || undefined,
      mermaidLines: fenceBlocks(src.raw.split('\n')).filter(b => b.lang === 'mermaid').map(b => src.start + 1 + b.open),
      info,
    }
  })
  const errors = Object.entries(data.markdownFiles).flatMap(([path, md]) =>
    (md.errors ?? []).map((e): DeckError => ({ file: relativeTo(root, path), line: e.row + 1, message: e.message })))
  return { root, entry: entryPath, headmatter: data.headmatter ?? {}, slides, errors }
}

/** "pages/x.md:12 (slide 7)": how every check names a place in the deck. */
export function where(slide: Pick<DeckSlide, 'file' | 'no'>, line: number): string {
  return `${slide.file}:${line} (slide ${slide.no})`
}

function relativeTo(root: string, file: string): string {
  return file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file
}
