import { describe, expect, it } from 'vitest'
import { checkNotes, checkTitles } from '../../scripts/lint/notes.ts'
import { slidesFromMarkdown } from '../../scripts/lib/deck.ts'

describe('notes and titles', () => {
  const slides = slidesFromMarkdown('# A\n\n<!--\nSay A.\n-->\n\n---\n\n# B\n\ntext\n\n---\n\nno title\n\n<!--   -->\n')

  it('flags slides without (or with empty) notes, at the slide line', () => {
    expect(checkNotes(slides).map(p => [p.no, p.line])).toEqual([[2, 8], [3, 14]])
    expect(checkNotes(slides)[0]!.message).toMatch(/no speaker notes/)
  })

  it('flags slides without a title', () => {
    expect(checkTitles(slides).map(p => [p.no, p.line, p.check])).toEqual([[3, 14, 'title']])
  })

  it('passes slides that have both', () => {
    const ok = slidesFromMarkdown('---\ntitle: From frontmatter\n---\n\nbody\n\n<!-- n -->\n')
    expect([...checkNotes(ok), ...checkTitles(ok)]).toEqual([])
  })
})
