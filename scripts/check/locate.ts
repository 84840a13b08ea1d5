import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Deck, DeckSlide } from '../lib/deck'

/**
 * Finds the source line of something seen in the browser, inside one slide's part of its file.
 * Text from the page is matched loosely (markdown markup and spacing ignored).
 */
export class SourceLocator {
  private files = new Map<string, string[]>()
  constructor(private deck: Deck) {}

  private lines(slide: DeckSlide): string[] {
    let lines = this.files.get(slide.file)
    if (!lines) {
      lines = readFileSync(join(this.deck.root, slide.file), 'utf8').split('\n')
      this.files.set(slide.file, lines)
    }
    return lines
  }

  /** [first, last] 1-based lines of the slide in its file. */
  range(slide: DeckSlide): [number, number] {
    const end = slide.source.end
    return [slide.line, Math.max(slide.line, end)]
  }

  /** Line of the first source line containing `needle` (exact), or undefined. */
  find(slide: DeckSlide, needle: string | undefined): number | undefined {
    if (!needle)
      return undefined
    const lines = this.lines(slide)
    const [from, to] = this.range(slide)
    for (let l = from; l <= to && l <= lines.length; l++) {
      if (lines[l - 1]!.includes(needle))
        return l
    }
    return undefined
  }

  /** Line of the source line whose text best matches text seen on the page (first 40 letters). */
  findText(slide: DeckSlide, text: string | undefined): number | undefined {
    const key = squash(text ?? '').slice(0, 40)
    if (key.length < 3)
      return undefined
    const lines = this.lines(slide)
    const [from, to] = this.range(slide)
    // Longest prefix of the text that one line contains.
    for (let len = key.length; len >= Math.min(key.length, 6); len = Math.floor(len * 0.6)) {
      const part = key.slice(0, len)
      for (let l = from; l <= to && l <= lines.length; l++) {
        if (squash(lines[l - 1]!).includes(part))
          return l
      }
      if (len <= 6)
        break
    }
    return undefined
  }
}

/** Lowercase letters and digits only: markdown markup, quotes and spacing do not matter. */
function squash(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}
