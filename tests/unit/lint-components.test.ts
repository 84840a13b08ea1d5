import { describe, expect, it } from 'vitest'
import { checkComponents, iconNames, isComponentTag, loadSchema, pascalCase } from '../../scripts/lint/components.ts'
import { slidesFromMarkdown } from '../../scripts/lib/deck.ts'

const catalog = {
  components: new Set(['MailQuote', 'VClick', 'Transition', 'Arrow']),
  icons: (c: string) => c === 'carbon' ? new Set(['arrow-right']) : c === 'svg-spinners' ? new Set(['90-ring']) : undefined,
}

describe('component check', () => {
  it('knows components from tags, PascalCase or kebab-case, and ignores HTML', () => {
    expect(isComponentTag('MailQuote')).toBe(true)
    expect(isComponentTag('v-click')).toBe(true)
    expect(isComponentTag('div')).toBe(false)
    expect(isComponentTag('font-face')).toBe(false)
    expect(pascalCase('v-clicks')).toBe('VClicks')
  })

  it('reports unknown components and icons with their line, nothing else', () => {
    const slides = slidesFromMarkdown([
      '# T', // 1
      '<div><span>html</span><svg><clipPath/></svg></div>', // 2
      '<MailQuote a="1">x</MailQuote> <mail-quote/> <v-click>y</v-click> <Transition/>', // 3
      '<carbon-arrow-right /> <carbon-nope /> <svg-spinners-90-ring />', // 4
      '<Fancy', // 5
      '  prop="x" />', // 6
      '`<InCode />` <!-- <InComment /> -->', // 7
      '```vue\n<InBlock />\n```', // 8-10
      '<carbon:arrow-right /> <carbon:nope /> <mdi:home /> <mdi-home />', // 11
      '<!-- notes -->',
    ].join('\n'))
    const problems = checkComponents(slides, catalog)
    expect(problems.map(p => [p.line, p.message])).toEqual([
      [4, 'unknown icon <carbon-nope>: "nope" is not in the carbon icon set'],
      [5, 'unknown component <Fancy>: not in components/, Slidev\'s or Vue\'s built-ins'],
      [11, 'unknown icon <carbon:nope>: "nope" is not in the carbon icon set'],
      [11, 'icon <mdi:home>: the icon collection "mdi" is not installed (npm i -D @iconify-json/mdi)'],
      [11, 'unknown component <mdi-home>: not in components/, Slidev\'s or Vue\'s built-ins'],
    ])
  })

  it('reads the real catalogue from the deck and Slidev', () => {
    const schema = loadSchema(process.cwd())
    for (const c of ['MailQuote', 'SourceNote', 'VClick', 'VClicks', 'Arrow', 'Toc', 'KeepAlive', 'Transition'])
      expect(schema.components.has(c), c).toBe(true)
    expect(iconNames(process.cwd(), 'carbon')?.has('arrow-right')).toBe(true)
    expect(iconNames(process.cwd(), 'no-such-set')).toBeUndefined()
  })
})
