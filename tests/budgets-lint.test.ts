import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { BASE, generate, lintDeck } from './fixtures/generate.ts'
import { lintCli, problemLines, type Run, twoAtATime } from './helpers/cli.ts'

/**
 * Proof that the room budgets bite in `npm run lint`: small decks generated from
 * the lint-clean deck (tests/fixtures/base/lint.md, 3 slides, one quotation), each broken in one budget, must fail with
 * exactly that problem at the exact file:line (slide N); the same breakages without a `talk:`
 * block must pass (a deck without one gets none of the budget rules).
 */
const BASE_MD = readFileSync(join(BASE, 'lint.md'), 'utf8')

const TALK = 'duration: 30min\ntalk:\n  questions: 5min\n  wordsPerMinute: 130\n  maxSlides: 32\n  maxQuotesPerSlide: 2\n  maxWordsOnScreen: 50\n'
const withTalk = (md: string, talk = TALK) => md.replace('talk: {}\n', talk)
const QUOTE = /<MailQuote[\s\S]*?<\/MailQuote>\n/.exec(BASE_MD)![0]
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ')
/** Slide 2's notes become 3,300 words (over 3,250 = 25 min x 130), with [click] markers that must not count. */
const longNotes = (md: string) => md.replace('Diagram notes.', `[click] ${words(3300)} [click:3]`)
/** 33 slides: the base's 3 plus 30 short ones. */
const manySlides = (md: string) => md + Array.from({ length: 30 }, (_, i) => `\n---\n\n# Extra ${i + 4}\n\n<!--\nExtra notes.\n-->\n`).join('')
/** Slide 3 carries the same quotation three times. */
const threeQuotes = (md: string) => md.replace(QUOTE, `${QUOTE}\n${QUOTE}\n${QUOTE}`)

/** 1-based line of the nth (1-based) occurrence of `needle`. */
function lineOf(text: string, needle: string, nth = 1): number {
  let at = -1
  for (let i = 0; i < nth; i++) at = text.indexOf(needle, at + 1)
  expect(at, `"${needle}" #${nth}`).toBeGreaterThanOrEqual(0)
  return text.slice(0, at).split('\n').length
}

interface Case {
  name: string
  md: string
  exit: number
  /** Exact place and words of the one problem. */
  at?: string
  keyword?: RegExp
  slides?: number
}

const spoken = withTalk(longNotes(BASE_MD))
const many = withTalk(manySlides(BASE_MD))
const quotes = withTalk(threeQuotes(BASE_MD))

const cases: Case[] = [
  { name: 'within-budgets', md: withTalk(BASE_MD), exit: 0 },
  {
    name: 'spoken-over',
    md: spoken,
    exit: 1,
    at: `slides.md:${lineOf(spoken, '<!--', 2)} (slide 2):`,
    keyword: /spoken time over the slot: 3,304 words = 25\.4 min at 130 words\/min, the slot is 25 min \(duration 30 min - questions 5 min\) = 3,250 words; .*cut 54 words/,
  },
  {
    name: 'too-many-slides',
    md: many,
    exit: 1,
    at: `slides.md:${lineOf(many, '# Extra 33')} (slide 33):`,
    keyword: /too many slides: 33, budget 32; this one \("Extra 33"\) is the first over, cut 1/,
    slides: 33,
  },
  {
    name: 'three-quotes',
    md: quotes,
    exit: 1,
    at: `slides.md:${lineOf(quotes, '<MailQuote', 3)} (slide 3):`,
    keyword: /too many quotations on one slide: 3 <MailQuote>, budget 2; this one “We should build the widget from…” is the first over/,
  },
  { name: 'no-talk-block', md: withTalk(threeQuotes(manySlides(longNotes(BASE_MD))), ''), exit: 0, slides: 33 },
]

const runs = new Map<string, Run>()

beforeAll(async () => {
  // lint-clean quotes an invented thread (tests/fixtures/threads) through its registry (sources/).
  await twoAtATime(cases, async (c) => {
    runs.set(c.name, await lintCli([generate(`budgets-lint-${c.name}`, lintDeck(() => c.md))]))
  })
}, 300_000)

describe('room budgets in npm run lint', () => {
  for (const c of cases) {
    it(`${c.name}: exit ${c.exit}${c.at ? `, reports ${c.at}` : ''}`, () => {
      const run = runs.get(c.name)!
      const detail = `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`
      expect(run.code, detail).toBe(c.exit)
      const problems = problemLines(run.stdout)
      const n = c.slides ?? 3
      if (c.exit === 0) {
        expect(problems, detail).toEqual([])
        expect(run.stdout, detail).toContain(`lint: ${n} slides, 0 problems`)
        return
      }
      expect(problems, detail).toHaveLength(1)
      expect(problems[0]!.startsWith(c.at!), detail).toBe(true)
      expect(problems[0], detail).toMatch(c.keyword!)
      expect(run.stdout, detail).toContain(`lint: ${n} slides, 1 problem`)
    })
  }

  it('prints the spoken minutes per chapter and in all, only with talk:', () => {
    expect(runs.get('within-budgets')!.stdout).toMatch(/^time: opening \(slides\.md\)\s+3 slides\s+6 words\s+0\.0 min$/m)
    expect(runs.get('within-budgets')!.stdout).toMatch(/^time: total\s+3 slides\s+6 words\s+0\.0 min of 25 min \(duration 30 min - questions 5 min\) at 130 words\/min = 3,250 words: fits, 3,244 words to spare$/m)
    expect(runs.get('spoken-over')!.stdout).toMatch(/^time: total .*over by 54 words$/m)
    expect(runs.get('no-talk-block')!.stdout).not.toMatch(/^time: /m)
  })
})
