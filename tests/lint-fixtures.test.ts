import { beforeAll, describe, expect, it } from 'vitest'
import { type Run, runScript, twoAtATime } from './helpers/cli.ts'

/**
 * Proof that the lint bites: each fixture deck under tests/fixtures/lint-* is broken in exactly
 * one way (lint-clean in none), and the lint CLI must name the file, line and slide of that one
 * problem, say what it is, and exit non-zero.
 */
interface Case {
  name: string
  exit: number
  /** Exact place, e.g. "slides.md:32 (slide 2):". */
  at?: string
  /** A word of the message that says what is wrong. */
  keyword?: RegExp
}

const cases: Case[] = [
  { name: 'lint-clean', exit: 0 },
  { name: 'lint-invalid-mermaid', exit: 1, at: 'slides.md:30 (slide 2):', keyword: /Mermaid: Parse error/ },
  { name: 'lint-missing-image', exit: 1, at: 'slides.md:32 (slide 2):', keyword: /missing asset: image "\/missing\.png"/ },
  { name: 'lint-remote-font', exit: 1, at: 'slides.md:4 (slide 1):', keyword: /remote fonts/ },
  { name: 'lint-remote-image', exit: 1, at: 'slides.md:32 (slide 2):', keyword: /remote resource: <img src> loads https:\/\/example\.org\/logo\.png/ },
  { name: 'lint-unknown-component', exit: 1, at: 'slides.md:34 (slide 2):', keyword: /unknown component <FancyCallout>/ },
  { name: 'lint-missing-notes', exit: 1, at: 'slides.md:20 (slide 2):', keyword: /no speaker notes/ },
  { name: 'lint-misquote', exit: 1, at: 'slides.md:44 (slide 3):', keyword: /quotation not found verbatim in thread "widget-plan": “We should build the widget from…”/ },
  { name: 'lint-bad-frontmatter', exit: 1, at: 'slides.md:21 (slide 2):', keyword: /unknown layout "two-column"/ },
]

// The fixture decks quote an invented thread (tests/fixtures/threads), through tests/fixtures/_sources.
const lint = (args: string[]) => runScript('scripts/lint.ts', args, { THREADS_DIR: 'tests/fixtures/threads' })

const runs = new Map<string, Run>()

beforeAll(async () => {
  // Two at a time: the machine has two cores.
  const queue = [...cases.map(c => c.name), 'lint-does-not-exist']
  await twoAtATime(queue, async (name) => {
    runs.set(name, await lint([`tests/fixtures/${name}/slides.md`]))
  })
}, 300_000)

describe('lint CLI on the fixture decks', () => {
  for (const c of cases) {
    it(`${c.name}: exit ${c.exit}${c.at ? `, reports ${c.at}` : ''}`, () => {
      const run = runs.get(c.name)!
      const detail = `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`
      expect(run.code, detail).toBe(c.exit)
      const problems = run.stdout.split('\n').filter(l => /^\S+:\d+ \(slide \d+\): /.test(l))
      const summary = run.stdout.split('\n').find(l => l.startsWith('lint: '))
      if (c.exit === 0) {
        expect(problems, detail).toEqual([])
        expect(summary, detail).toBe('lint: 3 slides, 0 problems')
        return
      }
      // Broken in exactly one way: exactly one problem, at the exact place, saying what it is.
      expect(problems, detail).toHaveLength(1)
      expect(problems[0]!.startsWith(c.at!), detail).toBe(true)
      expect(problems[0], detail).toMatch(c.keyword!)
      expect(summary, detail).toBe('lint: 3 slides, 1 problem')
    })
  }

  it('a deck that cannot be loaded: exit 2 with a clear message', () => {
    const run = runs.get('lint-does-not-exist')!
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/cannot load the deck: tests\/fixtures\/lint-does-not-exist\/slides\.md does not exist/)
  })
})
