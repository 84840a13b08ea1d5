import { describe, expect, it } from 'vitest'
import { checkFrontmatter, checkHeadmatterResolves } from '../../scripts/lib/lint/frontmatter.ts'
import { interfaceMembers, loadSchema, vueProps } from '../../scripts/lib/lint/slidev-schema.ts'
import { slidesFromMarkdown } from '../../scripts/lib/deck.ts'

describe('frontmatter check', () => {
  const schema = loadSchema(process.cwd())

  it('derives the known keys and layouts from Slidev itself', () => {
    for (const k of ['theme', 'fonts', 'favicon', 'canvasWidth', 'export', 'drawings', 'mdc', 'transition', 'keywords', 'defaults'])
      expect(schema.headmatterKeys.has(k), k).toBe(true)
    for (const k of ['layout', 'class', 'clicks', 'hide', 'transition', 'title', 'level', 'src'])
      expect(schema.frontmatterKeys.has(k), k).toBe(true)
    expect(schema.frontmatterKeys.has('fonts')).toBe(false)
    for (const l of ['cover', 'default', 'section', 'two-cols', 'image-right', 'statement', 'fact', 'center'])
      expect(schema.layouts.has(l), l).toBe(true)
    expect([...schema.layouts.get('image-right')!]).toEqual(expect.arrayContaining(['image', 'backgroundSize']))
  })

  it('reads interface members and Vue props', () => {
    const dts = 'interface A extends B, Omit<C, \'x\'> {\n  a?: string;\n  f(): void;\n  o?: { inner: number };\n}\ninterface B { b: 1 }\ninterface C { c: 1; x: 2 }'
    expect([...interfaceMembers(dts, 'A')].sort()).toEqual(['a', 'b', 'c', 'o'])
    expect([...vueProps('defineProps<{\n  url: string\n  scale?: number\n}>()')]).toEqual(['url', 'scale'])
    expect([...vueProps('defineProps({ image: { type: String }, class: String })')]).toEqual(['image', 'class'])
  })

  it('reports unknown layouts and keys with their line', () => {
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
      'options: [1]', // 14
      '---', // 15
      '# Three {{ $frontmatter.options }}', // 16
    ].join('\n'))
    expect(checkFrontmatter(slides, schema).map(p => `${p.no} ${p.line} ${p.message.split(':')[0]}`)).toEqual([
      '1 3 unknown headmatter key "colour"',
      '2 7 unknown layout "two-column" (known layouts',
      '2 8 unknown frontmatter key "clickz"',
    ])
  })

  it('reports invalid YAML', () => {
    const slides = slidesFromMarkdown('# One\n---\nlayout: center\ntitle: [oops\n---\n# Two\n')
    expect(checkFrontmatter(slides, schema)[0]!.message).toMatch(/frontmatter is not valid YAML/)
  })

  it('runs Slidev\'s resolveConfig on the headmatter', () => {
    const [first] = slidesFromMarkdown('---\nhighlighter: prism\n---\n# T\n')
    expect(checkHeadmatterResolves(first!, first!.frontmatter, 'slides.md')[0]!.message).toMatch(/prism/)
  })
})
