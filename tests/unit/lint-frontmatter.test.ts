import { describe, expect, it } from 'vitest'
import { checkBlockers } from '../../scripts/lint/blockers.ts'
import { checkHeadmatterResolves } from '../../scripts/lint/index.ts'
import { checkComponents, loadSchema } from '../../scripts/lint/components.ts'
import { slidesFromMarkdown } from '../../scripts/lib/deck.ts'

describe('frontmatter check', () => {
  const schema = loadSchema(process.cwd())

  it('lists the layouts of Slidev, the theme and the deck', () => {
    for (const l of ['cover', 'default', 'section', 'two-cols', 'image-right', 'statement', 'fact', 'center', 'chapter'])
      expect(schema.layouts.has(l), l).toBe(true)
    expect(schema.layouts.has('two-column')).toBe(false)
  })

  it('reports unknown layouts with their line, and leaves other keys to Slidev', () => {
    const slides = slidesFromMarkdown([
      '---', // 1
      'theme: default', // 2
      'colour: blue', // 3
      '---', // 4
      '# One', // 5
      '---', // 6
      'layout: two-column', // 7
      'clickz: 2', // 8
      '---', // 9
      '# Two', // 10
      '---', // 11
      'layout: image-right', // 12
      'image: /x.png', // 13
      'background: /bg.png', // 14
      '---', // 15
      '# Three', // 16
    ].join('\n'))
    expect(checkComponents(slides, schema).map(p => `${p.no} ${p.line} ${p.message.split(':')[0]}`)).toEqual([
      '2 7 unknown layout "two-column" (known layouts',
    ])
  })

  it('reports invalid YAML as a build blocker, at its line', () => {
    const slides = slidesFromMarkdown('# One\n---\nlayout: center\ntitle: [oops\n---\n# Two\n')
    expect(checkComponents(slides, schema)).toEqual([])
    const deck = { root: process.cwd(), entry: 'slides.md', headmatter: {}, canvas: { width: 980, height: 551 }, slides, errors: [] }
    expect(checkBlockers(deck).map(p => `${p.line} ${p.message}`)).toEqual([expect.stringMatching(/^5 frontmatter is not valid YAML/)]) // the YAML parser stops where the unclosed [ of line 4 ends
  })

  it('runs Slidev\'s resolveConfig on the headmatter', () => {
    const [first] = slidesFromMarkdown('---\nhighlighter: prism\n---\n# T\n')
    expect(checkHeadmatterResolves(first!, first!.frontmatter, 'slides.md')[0]!.message).toMatch(/prism/)
  })
})
