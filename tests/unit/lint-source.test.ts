import { describe, expect, it } from 'vitest'
import { frontmatterKeyLine, heading, lineAt, scannable, slidesFromMarkdown } from '../../scripts/lib/deck.ts'

const md = [
  '---', // 1
  'theme: default', // 2
  'favicon: /f.svg', // 3
  '---', // 4
  '', // 5
  '# One', // 6
  '', // 7
  '<!-- n1 -->', // 8
  '', // 9
  '---', // 10
  'layout: center', // 11
  '---', // 12
  '', // 13
  '# Two `<Inline />`', // 14
  '', // 15
  '```mermaid {scale: 0.5}', // 16
  'flowchart LR', // 17
  '  A --> B', // 18
  '```', // 19
  '<!-- <Hidden /> -->', // 20
  '<Shown />', // 21
].join('\n')

describe('lint source mapping', () => {
  const slides = slidesFromMarkdown(md)

  it('numbers slides and maps them to their file lines', () => {
    expect(slides.map(s => [s.no, s.line, s.contentLine, s.title])).toEqual([[1, 1, 5, 'One'], [2, 10, 13, 'Two `<Inline />`']])
    expect(slides[0]!.note).toBe('n1')
    expect(frontmatterKeyLine(slides[0]!, 'favicon')).toBe(3)
    expect(frontmatterKeyLine(slides[1]!, 'layout')).toBe(11)
    expect(frontmatterKeyLine(slides[1]!, 'absent')).toBe(10)
    expect(heading(slides[1]!)).toEqual({ text: 'Two `<Inline />`', line: 14 })
    expect(heading(slidesFromMarkdown('```sh\n# not a heading\n```\n\nbody\n')[0]!)).toBeUndefined()
  })

  it('finds fenced blocks with the line of the opening fence', () => {
    expect(slides[1]!.fences).toEqual([{ lang: 'mermaid', info: '{scale: 0.5}', line: 16, code: 'flowchart LR\n  A --> B' }])
  })

  it('blanks comments, code blocks and inline code but keeps offsets', () => {
    const s = slides[1]!
    const text = scannable(s.body)
    expect(text).toHaveLength(s.body.length)
    expect(text).not.toMatch(/Inline|Hidden|flowchart/)
    expect(lineAt(s, text.indexOf('<Shown'))).toBe(21)
  })

  it('reports YAML errors in frontmatter with their line', () => {
    const [s] = slidesFromMarkdown('---\ntitle: x\nbad: [1, 2\n---\n\n# T\n')
    expect(s!.yamlErrors.length).toBeGreaterThan(0)
    expect(s!.yamlErrors[0]!.line).toBeGreaterThanOrEqual(2)
  })
})
