import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadDeck } from '../../scripts/lib/deck.ts'
import { chapterTimes } from '../../scripts/lint/budgets.ts'
import { clock, ON_PACE_SECONDS, paceAt } from '../../setup/pacing-status.ts'
import type { TalkPlan } from '../../setup/pacing-status.ts'
import { chapterLabel, planTalk } from '../../setup/talk-plan.ts'

const ROOT = resolve(__dirname, '../..')

/** Two chapters: slides of 60 s and 120 s, then one of 30 s. */
const PLAN: TalkPlan = {
  wordsPerMinute: 130,
  slot: 600,
  slides: [{ no: 1, start: 0, seconds: 60, chapter: 0 }, { no: 2, start: 60, seconds: 120, chapter: 0 }, { no: 3, start: 180, seconds: 30, chapter: 1 }],
  chapters: [{ file: 'pages/01-a.md', label: 'chapter 1', start: 0, end: 180 }, { file: 'pages/02-b.md', label: 'chapter 2', start: 180, end: 210 }],
}

describe('paceAt', () => {
  it('is on pace inside the slide\'s planned window, with slack', () => {
    expect(paceAt(PLAN, 2, 60)!.pace).toBe('on pace')
    expect(paceAt(PLAN, 2, 60 - ON_PACE_SECONDS)!.pace).toBe('on pace')
    expect(paceAt(PLAN, 2, 180 + ON_PACE_SECONDS)!.pace).toBe('on pace')
  })
  it('is ahead before the planned start, behind after the planned end', () => {
    expect(paceAt(PLAN, 2, 20)).toMatchObject({ pace: '0:40 ahead', offset: -40 })
    expect(paceAt(PLAN, 2, 260)).toMatchObject({ pace: '1:20 behind', offset: 80 })
    expect(paceAt(PLAN, 3, 0)!.pace).toBe('3:00 ahead')
  })
  it('gives the planned time from this slide to the end of its chapter', () => {
    expect(paceAt(PLAN, 1, 0)!.chapter).toBe('chapter 1: 3:00 left')
    expect(paceAt(PLAN, 2, 0)!.chapter).toBe('chapter 1: 2:00 left')
    expect(paceAt(PLAN, 3, 0)!.chapter).toBe('chapter 2: 0:30 left')
    expect(paceAt(PLAN, 4, 0)).toBeUndefined()
  })
  it('formats minutes and seconds', () => {
    expect(clock(0)).toBe('0:00')
    expect(clock(59.6)).toBe('1:00')
    expect(clock(-725)).toBe('12:05')
  })
})

describe('planTalk', () => {
  it('labels chapters by their file', () => {
    expect(chapterLabel('slides.md', 'slides.md')).toBe('opening')
    expect(chapterLabel('pages/00-opening.md', 'slides.md')).toBe('opening')
    expect(chapterLabel('pages/03-transparent-paravirt.md', 'slides.md')).toBe('chapter 3')
    expect(chapterLabel('pages/99-references.md', 'slides.md')).toBe('references')
  })
  for (const entry of ['slides.md', 'slides-10min.md']) {
    it(`agrees with the lint's timing table (${entry})`, async () => {
      const deck = await loadDeck(resolve(ROOT, entry))
      const plan = planTalk(deck)!
      const table = chapterTimes(deck.slides)
      expect(plan.chapters.map(c => c.file)).toEqual(table.map(c => c.file))
      plan.chapters.forEach((c, i) => expect(c.end - c.start).toBeCloseTo(table[i]!.words / plan.wordsPerMinute * 60, 6))
      expect(plan.slides).toHaveLength(deck.slides.length)
      expect(plan.slides.at(-1)!.start + plan.slides.at(-1)!.seconds).toBeLessThanOrEqual(plan.slot)
    })
  }
})
