import { describe, expect, it } from 'vitest'
import { checkMermaid, errorLine, errorMessage, mermaidParser } from '../../scripts/lint/mermaid.ts'
import { slidesFromMarkdown } from '../../scripts/lib/deck.ts'

const deck = (diagram: string) => slidesFromMarkdown(`# D\n\n\`\`\`mermaid\n${diagram}\n\`\`\`\n\n<!-- n -->\n`)

describe('mermaid check (Mermaid\'s own parser)', () => {
  it('accepts valid diagrams, including the ones that need a DOM', async () => {
    const parse = await mermaidParser()
    for (const d of [
      'flowchart LR\n  A --> B',
      'sequenceDiagram\n  A->>B: hi',
      'timeline\n  title T\n  2005 : a',
      'gitGraph\n  commit id: "a"\n  branch x\n  checkout x\n  commit id: "b"',
      'mindmap\n  root\n    child',
    ])
      expect(await checkMermaid(deck(d), parse), d).toEqual([])
  }, 120_000)

  it('reports a parse error at the block line plus the parser\'s line', async () => {
    const parse = await mermaidParser()
    // fence on line 3: diagram line 3 is file line 6
    const [p, ...rest] = await checkMermaid(deck('sequenceDiagram\n  A->>B: hi\n  B-->>'), parse)
    expect(rest).toEqual([])
    expect(p).toMatchObject({ file: 'slides.md', no: 1, line: 6, check: 'mermaid' })
    expect(p!.message).toMatch(/^Mermaid: Parse error on line 3: Expecting .* got 'NEWLINE'$/)
  }, 120_000)

  it('reports errors without a line at the statement that caused them, or at the fence', async () => {
    const parse = await mermaidParser()
    const [a] = await checkMermaid(deck('gitGraph\n  commit id: "a"\n  checkout nope'), parse)
    expect(a).toMatchObject({ line: 6 })
    expect(a!.message).toMatch(/checkout branch which is not yet created/)
    const [b] = await checkMermaid(deck('flowchrt LR\n  A --> B'), parse)
    expect(b).toMatchObject({ line: 3 })
    expect(b!.message).toMatch(/No diagram type detected/)
  }, 120_000)

  it('uses an injected parser (pure)', async () => {
    const fail = async () => { throw new Error('Parse error on line 9:\n...x\n---^\nExpecting \'A\', got \'B\'') }
    const [p] = await checkMermaid(deck('a\nb'), fail)
    expect(p!.line).toBe(5) // clamped to the last diagram line
    expect(errorMessage(new Error('Parse error on line 2:\nctx\n--^\nExpecting x'))).toBe('Parse error on line 2: Expecting x')
    expect(errorLine({ hash: { text: 'b' } }, 'a\nb')).toBe(2)
  })

  it('ignores other code blocks and reports empty diagrams', async () => {
    const none = slidesFromMarkdown('# D\n\n```ts\nnot mermaid (\n```\n')
    expect(await checkMermaid(none, async () => { throw new Error('never') })).toEqual([])
    expect((await checkMermaid(deck(''), async () => undefined))[0]!.message).toMatch(/empty diagram/)
  })
})

describe('mermaidParser(deckRoot)', () => {
  // setup/mermaid.ts names gitGraph's main branch "linux"; Mermaid's default is "main".
  const graph = 'gitGraph\n  commit id: "2.4.16"\n  branch xen\n  commit id: "xen"\n  checkout linux\n  commit id: "2.6.7"'

  it('parses with the config of the deck it lints', async () => {
    const parse = await mermaidParser(process.cwd())
    await expect(parse(graph)).resolves.toBeTruthy()
  })

  it('and without that config the same diagram fails, so the config really is applied', async () => {
    const parse = await mermaidParser()
    await expect(parse(graph)).rejects.toThrow(/branch which is not yet created/)
  })
})
