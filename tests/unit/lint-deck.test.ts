import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadDeck } from '../../scripts/lib/deck.ts'
import { lintDeck } from '../../scripts/lint/index.ts'
import { formatProblem } from '../../scripts/lib/problem.ts'

describe('lintDeck on a deck with imports', () => {
  it('maps problems to the imported file and reports missing imports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-deck-'))
    mkdirSync(join(dir, 'pages'))
    mkdirSync(join(dir, 'public'))
    writeFileSync(join(dir, 'public/f.svg'), '<svg/>')
    writeFileSync(join(dir, 'slides.md'), '---\nfonts: { provider: none }\nfavicon: /f.svg\n---\n\n# Cover\n\n<!-- n -->\n\n---\nsrc: ./pages/a.md\n---\n\n---\nsrc: ./pages/nope.md\n---\n')
    writeFileSync(join(dir, 'pages/a.md'), '# A\n\n<!-- n -->\n\n---\n\n# B\n\n```mermaid\nflowchart LR\n  A --> B\n```\n')
    const seeds = join(dir, 'seeds')
    mkdirSync(seeds)
    writeFileSync(join(seeds, 's.txt'), 'words')
    let parsed = 0
    const lint = async () => lintDeck(await loadDeck(join(dir, 'slides.md')), { threadsDir: seeds, mermaidParse: async () => { parsed++ } })
    // The missing import stops the build: reported first and alone.
    let result = await lint()
    expect(parsed).toBe(0)
    expect(result.slides).toBe(3)
    expect(result.problems.map(formatProblem)).toEqual(['slides.md:14 (slide 3): Imported markdown file not found: pages/nope.md'])
    expect(result.report).toEqual(['lint: 1 problem will stop slidev build; the other checks run once it is fixed'])
    // Fixed, and with the talk's rules on (`talk:`), the imported slide's missing notes show.
    writeFileSync(join(dir, 'slides.md'), '---\nfonts: { provider: none }\nfavicon: /f.svg\ntalk: {}\n---\n\n# Cover\n\n<!-- n -->\n\n---\nsrc: ./pages/a.md\n---\n')
    result = await lint()
    expect(parsed).toBe(1)
    expect(result.problems.map(formatProblem)).toEqual(['pages/a.md:6 (slide 3): no speaker notes: end the slide with a non-empty <!-- … --> comment'])
  })
})
