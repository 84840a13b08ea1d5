/** Bookmarks from the deck model, and reading order read from a PDF's text. */
import { describe, expect, it } from 'vitest'
import { deckOutline } from '../../scripts/export/pdf-meta.ts'
import { compareOutline, readingOrderProblem } from '../../scripts/verify/pdf.ts'
import { handoutHtml } from '../../scripts/export/handout.ts'

const slide = (no: number, file: string, content: string, frontmatter: Record<string, unknown> = {}) =>
  ({ no, file, body: content, contentLine: 1, frontmatter, title: undefined }) as never

const deck = {
  root: '/d',
  entry: '/d/slides.md',
  slides: [
    slide(1, 'slides.md', '# Cover'),
    slide(2, 'pages/01-a.md', '# Where it began', { layout: 'chapter', chapter: 1 }),
    slide(3, 'pages/01-a.md', '# The `ia64` port'),
    slide(4, 'pages/02-b.md', '# Why track Linux?', { layout: 'chapter', chapter: 2 }),
    slide(5, 'pages/99-references.md', '# References'),
  ],
}

describe('deck outline', () => {
  it('makes one chapter per page file, named by its divider, with its slides beneath', () => {
    const o = deckOutline(deck, [0, 1, 2, 3, 4])
    expect(o.map(n => [n.title, n.page, n.children?.map(c => c.title)])).toEqual([
      ['Cover', 0, undefined],
      ['1. Where it began', 1, ['Where it began', 'The ia64 port']],
      ['2. Why track Linux?', 3, ['Why track Linux?']],
      ['References', 4, ['References']],
    ])
  })

  it('points at the first page of each slide in the clicks PDF and the handout', () => {
    expect(deckOutline(deck, [0, 1, 2, 5, 6])[2]!.page).toBe(5)
    expect(deckOutline(deck, [0, 0, 1, 1, 2]).map(n => n.page)).toEqual([0, 0, 1, 2])
  })

  it('reports a missing, misnamed or misplaced bookmark', () => {
    const want = deckOutline(deck, [0, 1, 2, 3, 4])
    expect(compareOutline(want, want)).toEqual([])
    expect(compareOutline([], want)[0]).toMatch(/the PDF has none; expected 4 top-level entries \(3 chapters/)
    const flat = want.map(n => ({ title: n.title, page: n.page }))
    expect(compareOutline(flat, want)).toContain('bookmarks: "1. Where it began" has no slides beneath it (expected 2)')
    const moved = structuredClone(want)
    moved[1]!.children![1]!.page = 7
    expect(compareOutline(moved, want)).toEqual(['bookmarks: "The ia64 port" under "1. Where it began" opens page 8, expected page 3'])
  })
})

describe('reading order', () => {
  it('accepts a title first, or after a short label', () => {
    expect(readingOrderProblem('Why track Linux?\nBody text', 'Why track Linux?')).toBeUndefined()
    expect(readingOrderProblem('CHAPTER\n2\nOF 7\nWhy track Linux?', 'Why track Linux?')).toBeUndefined()
  })
  it('refuses body text before the title', () => {
    expect(readingOrderProblem('Hollis asked Dan a question in April\nWhy track Linux?', 'Why track Linux?')).toMatch(/reads "Hollis asked Dan/)
    expect(readingOrderProblem('Body', 'Missing')).toMatch(/not in the page's text/)
  })
})

describe('handout links', () => {
  it('keeps a slide\'s links clickable over its image', () => {
    const html = handoutHtml('T', [{ no: 1, title: 'Refs', note: '', image: 'data:,', links: [{ href: 'https://example.org/a?b=1&c', x: 0.1, y: 0.5, w: 0.2, h: 0.05 }] }])
    expect(html).toContain('<a href="https://example.org/a?b=1&amp;c" style="left:10.000%;top:50.000%;width:20.000%;height:5.000%">')
    expect(html).toContain('alt="Slide 1: Refs"')
  })
})
