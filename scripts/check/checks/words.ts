import type { Page } from 'playwright-core'
import type { Finding } from './types'

/** What is not counted as words on screen: the title and captions (attributions, source lines). */
export const NOT_COUNTED = 'h1, [data-role="caption"]'

/**
 * Words visible on the slide now (call it at the last click step): every visible text, Mermaid
 * labels included (the diagrams' shadow roots), but not the title (h1) nor captions. Text nodes
 * of one block run together as the reader sees them ("Xen/<b>ia64</b>" is one word); a word
 * is a run of non-space holding a letter or a digit.
 */
export async function countWordsOnScreen(page: Page, no: number): Promise<number> {
  return page.evaluate(({ no, notCounted }) => {
    const slide = document.querySelector(`.slidev-page-${no}`)
    if (!slide)
      return 0
    const roots: Node[] = [slide]
    slide.querySelectorAll('.mermaid').forEach((d) => {
      if (d.shadowRoot)
        roots.push(d.shadowRoot)
    })
    const skip = new Set(['style', 'script', 'title', 'desc', 'noscript', 'template'])
    const blockOf = (el: Element): Element => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        if (!getComputedStyle(e).display.startsWith('inline'))
          return e
      }
      return el
    }
    let text = ''
    let block: Element | undefined
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement
        if (!el || skip.has(el.tagName.toLowerCase()) || el.closest(notCounted))
          continue
        if (!(n.textContent ?? '').trim() || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
          continue
        const b = blockOf(el)
        text += (b === block ? '' : ' ') + n.textContent
        block = b
      }
    }
    return text.split(/\s+/).filter(w => /[\p{L}\p{N}]/u.test(w)).length
  }, { no, notCounted: NOT_COUNTED })
}

/** A finding when the slide shows more words than the budget. */
export function wordsFindings(words: number, max: number): Finding[] {
  return words > max
    ? [{ kind: 'words', message: `too many words on screen: ${words}, budget ${max} (title and captions not counted, diagram labels counted); cut ${words - max}` }]
    : []
}
