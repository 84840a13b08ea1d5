import { describe, expect, it } from 'vitest'
import { checkNotesAndTitles } from '../../scripts/lint/index.ts'
import { slidesFromMarkdown } from '../../scripts/lib/deck.ts'

describe('notes and titles', () => {
  const of = (check: string, slides: ReturnType<typeof slidesFromMarkdown>) => checkNotesAndTitles(slides).filter(p => p.check === check)
  const slides = slidesFromMarkdown('# A\n\n<!--\nSay A.\n-->\n\n---\n\n# B\n\ntext\n\n---\n\nno title\n\n<!--   -->\n')

  it('flags slides without (or with empty) notes, at the slide line', () => {
    expect(of('notes', slides).map(p => [p.no, p.line])).toEqual([[2, 8], [3, 14]])
    expect(of('notes', slides)[0]!.message).toMatch(/no speaker notes/)
  })

  it('flags slides without a title', () => {
    expect(of('title', slides).map(p => [p.no, p.line, p.check])).toEqual([[3, 14, 'title']])
  })

  it('reports a title: that YAML reads as a number as no title, without crashing', () => {
    const numeric = slidesFromMarkdown('---\ntitle: 2005\n---\n\nbody\n\n<!-- n -->\n')
    expect(checkNotesAndTitles(numeric).map(p => p.message)).toEqual(['no title: add a "# Title" line (section slides too)'])
  })

  it('passes slides that have both', () => {
    const ok = slidesFromMarkdown('---\ntitle: From frontmatter\n---\n\nbody\n\n<!-- n -->\n')
    expect(checkNotesAndTitles(ok)).toEqual([])
  })
})
