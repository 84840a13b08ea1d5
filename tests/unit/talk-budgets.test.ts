import { describe, expect, it } from 'vitest'
import { chapterTimes, checkBudgets, spokenWords } from '../../scripts/lint/budgets.ts'
import { slidesFromMarkdown } from '../../scripts/lib/deck.ts'
import { countWords, isPlaceholderUrl, isReferencesSlide, readTalk } from '../../scripts/lib/talk.ts'

describe('readTalk', () => {
  it('is off without a talk: block', () => {
    expect(readTalk({ duration: '30min' })).toEqual({ errors: [] })
  })
  it('reads the budgets with Slidev\'s time format', () => {
    const { budgets, errors } = readTalk({ duration: '30min', talk: { questions: '5min', wordsPerMinute: 130, maxSlides: 32, maxQuotesPerSlide: 2, maxWordsOnScreen: 50 } })
    expect(errors).toEqual([])
    expect(budgets).toEqual({ duration: 1800, questions: 300, wordsPerMinute: 130, maxSlides: 32, maxQuotesPerSlide: 2, maxWordsOnScreen: 50 })
  })
  it('names bad values and unknown keys', () => {
    const { errors } = readTalk({ duration: 'half an hour', talk: { questions: '40min', maxSlides: -1, wpm: 130, url: 'slides.pdf' } })
    expect(errors.map(e => e.message)).toEqual([
      'unknown key talk.wpm (known: questions, wordsPerMinute, maxSlides, maxQuotesPerSlide, maxWordsOnScreen, url)',
      'duration must be a time such as 30min or 5min, got "half an hour"',
      'talk.maxSlides must be a positive whole number, got -1',
      'talk.url must be an http(s) address, got "slides.pdf"',
      'talk.questions (40 min) leaves no time of the 30 min duration to speak',
    ])
  })
})

describe('talk.url', () => {
  it('keeps an http(s) address and tells a reserved example domain (a placeholder) from a real one', () => {
    expect(readTalk({ talk: { url: 'https://talks.example.org/x/' } }).budgets?.url).toBe('https://talks.example.org/x/')
    expect(isPlaceholderUrl('https://example.org/xen-ia64-talk/')).toBe(true)
    expect(isPlaceholderUrl('https://talks.example.com/x')).toBe(true)
    expect(isPlaceholderUrl('https://lists.xenproject.org/')).toBe(false)
    expect(isPlaceholderUrl('https://example.organic.net/')).toBe(false)
  })
})

describe('words', () => {
  it('counts spoken words without click markers and dashes', () => {
    expect(spokenWords('[click] One two — three.\n[click:2] four [click:+1]')).toBe(4)
    expect(countWords('Xen/ia64 in 2005 — done')).toBe(4)
  })
  it('finds the references slide by its component', () => {
    expect(isReferencesSlide('# Sources\n\n<References />')).toBe(true)
    expect(isReferencesSlide('# References (1/2)')).toBe(false)
  })
})

describe('checkBudgets', () => {
  const md = `---
talk:
  wordsPerMinute: 2
  questions: 29min
  maxSlides: 2
---

# One

<!--
[click] a b c
-->

---

# Two

<MailQuote author="a" list="l" date="d">x</MailQuote>
<MailQuote author="a" list="l" date="d">y</MailQuote>

<!--
d e
-->

---

# Sources

<References />

<!--
not spoken at all
-->
`
  it('times chapters, skips the references, names the slide where the slot runs out', () => {
    const slides = slidesFromMarkdown(md)
    expect(chapterTimes(slides)).toEqual([{ file: 'slides.md', slides: 3, words: 5 }])
    const { problems, report } = checkBudgets(slides, { talk: { wordsPerMinute: 2, questions: '29min', maxSlides: 2, maxQuotesPerSlide: 1 } })
    expect(report.at(-1)).toMatch(/^time: total\s+3 slides\s+5 words\s+2\.5 min of 1 min .* = 2 words: over by 3 words$/)
    expect(problems.map(p => `${p.line} (slide ${p.no}) ${p.message}`)).toEqual([
      '10 (slide 1) spoken time over the slot: 5 words = 2.5 min at 2 words/min, the slot is 1 min (duration 30 min - questions 29 min) = 2 words; the slot runs out in these notes; cut 3 words',
      '27 (slide 3) too many slides: 3, budget 2; this one ("Sources") is the first over, cut 1',
      '19 (slide 2) too many quotations on one slide: 2 <MailQuote>, budget 1; this one “y” is the first over',
    ])
  })
})
