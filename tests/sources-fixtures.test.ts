import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { fixture } from './fixtures/generate.ts'
import { lintCli, problemLines, type Run, twoAtATime } from './helpers/cli.ts'

/**
 * The source registry's checks through the lint CLI, on fixture decks that quote an invented
 * thread (tests/fixtures/threads) through the fixture registry (sources/ of the decks that
 * tests/fixtures/generate.ts writes from tests/fixtures/base). Each
 * broken deck is broken in one way and must be reported at the exact file:line. And the
 * standalone case: with no thread texts, lint still passes a clean deck and says, once, that
 * the quotations went unchecked.
 */
const FIXTURE_THREADS = 'tests/fixtures/threads'
const empty = mkdtempSync(join(tmpdir(), 'threads-empty-'))

interface Case {
  name: string
  deck: string
  threads: string
  exit: number
  at?: string
  keyword?: RegExp
}

const cases: Case[] = [
  { name: 'clean, texts present', deck: 'sources-clean', threads: FIXTURE_THREADS, exit: 0 },
  { name: 'clean, empty texts folder', deck: 'sources-clean', threads: empty, exit: 0 },
  { name: 'clean, no texts folder', deck: 'sources-clean', threads: join(empty, 'absent'), exit: 0 },
  { name: 'unknown id', deck: 'sources-unknown-id', threads: FIXTURE_THREADS, exit: 1, at: 'slides.md:44 (slide 3):', keyword: /unknown thread, message or record id "widget-2\.0"/ },
  { name: 'unused entry', deck: 'sources-unused', threads: FIXTURE_THREADS, exit: 1, at: 'sources/records.ts:4 (registry):', keyword: /record "widget-1\.0" is cited by no slide/ },
  { name: 'wrong author', deck: 'sources-wrong-author', threads: FIXTURE_THREADS, exit: 1, at: 'slides.md:41 (slide 3):', keyword: /not Bob Example's own words in "bob-drift"; the thread shows them as written by Alice Example/ },
  // Broken decks are still broken without the texts, except the quotation's author, which needs them.
  { name: 'unknown id, no texts', deck: 'sources-unknown-id', threads: empty, exit: 1, at: 'slides.md:44 (slide 3):', keyword: /widget-2\.0/ },
  { name: 'wrong author, no texts', deck: 'sources-wrong-author', threads: empty, exit: 0 },
]

const runs = new Map<string, Run>()

beforeAll(async () => {
  // Each deck written once, before any run reads it (several cases share a deck).
  const entries = new Map([...new Set(cases.map(c => c.deck))].map(d => [d, fixture(d)]))
  await twoAtATime(cases, async (c) => {
    runs.set(c.name, await lintCli([entries.get(c.deck)!], c.threads))
  })
}, 300_000)

describe('source registry checks on the fixture decks', () => {
  for (const c of cases) {
    it(`${c.name}: exit ${c.exit}${c.at ? `, reports ${c.at}` : ''}`, () => {
      const run = runs.get(c.name)!
      const detail = `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`
      expect(run.code, detail).toBe(c.exit)
      const problems = problemLines(run.stdout)
      const notices = run.stdout.split('\n').filter(l => /not checked against the archived threads/.test(l))
      expect(notices, detail).toHaveLength(c.threads === FIXTURE_THREADS ? 0 : 1)
      if (c.threads !== FIXTURE_THREADS)
        expect(notices[0], detail).toMatch(/set THREADS_DIR/)
      if (c.exit === 0) {
        expect(problems, detail).toEqual([])
        return
      }
      expect(problems, detail).toHaveLength(1)
      expect(problems[0]!.startsWith(c.at!), detail).toBe(true)
      expect(problems[0], detail).toMatch(c.keyword!)
    })
  }
})
