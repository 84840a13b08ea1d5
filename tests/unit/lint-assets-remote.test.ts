import { describe, expect, it } from 'vitest'
import { checkAssets, checkRemote, resources } from '../../scripts/lint/files.ts'
import { slidesFromMarkdown } from '../../scripts/lib/deck.ts'

const md = [
  '---', // 1
  'layout: image-right', // 2
  'image: /cover.png', // 3
  '---', // 4
  '# T', // 5
  '![ok](/here.png) ![gone](/gone.png "title")', // 6
  '<img src="/gone.svg"> <img :src="dynamic">', // 7
  '[a link](https://example.org) <a href="https://example.org">fine</a>', // 8
  '<MailQuote href="https://lore.kernel.org/x">q</MailQuote>', // 9
  '![r](https://example.org/r.png) <iframe src="https://example.org"></iframe>', // 10
  '<script src="//cdn.example.org/x.js"></script> <link rel="stylesheet" href="http://x.org/a.css">', // 11
  '<div style="background: url(\'https://x.org/bg.jpg\')"></div>', // 12
  '<style>', // 13
  '@import "https://fonts.example.org/css";', // 14
  '</style>', // 15
  '<Tweet id="1" />', // 16
  '`<img src="https://in.code/x.png">`', // 17
  '<!-- ![x](https://in.comment/x.png) -->', // 18
].join('\n')

describe('resources, assets and remote checks', () => {
  const slides = slidesFromMarkdown(md)
  const exists = (p: string) => p.endsWith('/public/here.png') || p.endsWith('/public/cover.png')

  it('finds every loaded resource with its line, and no links', () => {
    const urls = resources(slides[0]!).map(r => `${r.line} ${r.url}`)
    expect(urls).toEqual(expect.arrayContaining(['3 /cover.png', '6 /here.png', '6 /gone.png', '7 /gone.svg', '10 https://example.org/r.png',
      '10 https://example.org', '11 //cdn.example.org/x.js', '11 http://x.org/a.css', '12 https://x.org/bg.jpg', '14 https://fonts.example.org/css']))
    expect(urls.join()).not.toMatch(/lore\.kernel|in\.code|in\.comment|dynamic|example\.org\)/)
    expect(urls).toHaveLength(10)
  })

  it('reports missing public assets', () => {
    expect(checkAssets(slides, '/deck', exists).map(p => `${p.line} ${p.message}`)).toEqual([
      '6 missing asset: image "/gone.png" not found (public/gone.png)',
      '7 missing asset: <img src> "/gone.svg" not found (public/gone.svg)',
    ])
  })

  it('reports remote resources, not links', () => {
    const local = { fonts: { provider: 'none' }, favicon: '/f.svg' }
    const lines = checkRemote(slides, local).map(p => p.line)
    expect(lines).toEqual([10, 10, 11, 11, 12, 14, 16])
    expect(checkRemote(slides, local)[0]!.message).toBe('remote resource: image loads https://example.org/r.png (the talk must work offline: put the file in public/)')
  })

  it('reports remote fonts and the default CDN favicon from the headmatter', () => {
    const [first] = slidesFromMarkdown('---\ntheme: default\nfonts:\n  sans: Roboto\n---\n# T\n')
    const problems = checkRemote([first!], first!.frontmatter)
    expect(problems.map(p => `${p.line} ${p.message.split(':')[0]}`)).toEqual(['3 remote fonts', '1 remote resource'])
    const [ok] = slidesFromMarkdown('---\nfonts: { provider: none }\nfavicon: /f.svg\n---\n# T\n')
    expect(checkRemote([ok!], ok!.frontmatter)).toEqual([])
    expect(checkAssets([ok!], '/deck', () => false)[0]!.message).toBe('missing asset: frontmatter favicon "/f.svg" not found (public/f.svg)')
    // A relative frontmatter path is loaded relative to the page: public/ as well, not the markdown's folder.
    const [relative] = slidesFromMarkdown('---\nfavicon: f.svg\n---\n# T\n')
    expect(checkAssets([relative!], '/deck', p => p === '/deck/public/f.svg')).toEqual([])
    expect(checkAssets([relative!], '/deck', () => false)[0]!.message).toBe('missing asset: frontmatter favicon "f.svg" not found (public/f.svg)')
    const [remote] = slidesFromMarkdown('---\nfonts: { provider: none }\nfavicon: https://x.org/f.ico\n---\n# T\n')
    expect(checkRemote([remote!], remote!.frontmatter)[0]!.message).toMatch(/^remote resource: frontmatter favicon loads https:\/\/x\.org\/f\.ico/)
  })
})
