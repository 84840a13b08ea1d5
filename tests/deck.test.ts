import { describe, expect, it } from 'vitest'
import { loadDeck, scannable } from '../scripts/lib/deck.ts'
import { spokenWords } from '../scripts/lint/budgets.ts'
import { isReferencesSlide, readTalk } from '../scripts/lib/talk.ts'
import { messages, threads } from '../sources/index.ts'

// What the talk promises as a whole (issues #2 and #8): structure a linter cannot see slide by
// slide. The budgets themselves (slides, quotations, minutes, words, sizes) are the lint's and the
// check's; this file holds the shape of the story.
const deck = await loadDeck('slides.md')
const budgets = readTalk(deck.headmatter).budgets!

describe('the deck', () => {
  it('gives every slide a title and speaker notes, within the slide budget', () => {
    const untitled = deck.slides.filter(s => !s.title?.trim()).map(s => `${s.file}:${s.line}`)
    const silent = deck.slides.filter(s => !s.note).map(s => `${s.file}:${s.line}`)
    expect(untitled).toEqual([])
    expect(silent).toEqual([])
    expect(deck.slides.length).toBeLessThanOrEqual(budgets.maxSlides!)
  })

  it('carries a full script that leaves the question time free (a talk, not an outline)', () => {
    const spoken = deck.slides.filter(s => !isReferencesSlide(s.content)).reduce((n, s) => n + spokenWords(s.note), 0)
    const slot = (budgets.duration - budgets.questions) / 60 * budgets.wordsPerMinute!
    expect(budgets.questions).toBe(5 * 60)
    expect(spoken).toBeLessThanOrEqual(slot)
    expect(spoken).toBeGreaterThanOrEqual(slot * 0.8)
  })

  it('sets the presenter timer to the 30-minute slot', () => {
    expect(deck.headmatter.duration).toBe('30min')
    expect(deck.headmatter.timer).toBe('countdown')
  })

  it('loads no web fonts', () => {
    expect((deck.headmatter.fonts as { provider?: string }).provider).toBe('none')
  })

  it('opens cold on Hollis Blanchard\'s question, with the speaker, then names the two reuse stories and the turn', () => {
    const [cover, map] = deck.slides
    expect(cover!.frontmatter.layout).toBe('cover')
    expect(cover!.content).toMatch(/<MailQuote from="hollis-questions">\s*In general, why are you so determined to track Linux code\?/)
    expect(cover!.content).toContain('$slidev.configs.author')
    expect(map!.content).toMatch(/The hypervisor reuses Linux code/)
    expect(map!.content).toMatch(/The turn/)
    expect(map!.content).toMatch(/Linux carries hooks for hypervisors/)
  })

  it('runs seven chapters in order, each opened by the one divider layout with its number and promise', () => {
    const dividers = deck.slides.filter(s => s.frontmatter.layout === 'chapter')
    expect(dividers.map(s => s.frontmatter.chapter)).toEqual([1, 2, 3, 4, 5, 6, 7])
    for (const d of dividers)
      expect(typeof d.frontmatter.promise === 'string' && d.frontmatter.promise.length > 10, `${d.file}:${d.line}`).toBe(true)
    expect(deck.slides.filter(s => /^layout:\s*section/m.test(s.content))).toEqual([])
  })

  it('ends on the lessons, a closing slide with the QR code of talk.url, then the references', () => {
    const titles = deck.slides.map(s => s.title ?? '')
    const lessons = titles.findIndex(t => /lessons for a maintainer/i.test(t))
    const closing = deck.slides.findIndex(s => /<TalkQr\b/.test(s.content))
    const references = deck.slides.flatMap((s, i) => isReferencesSlide(s.content) ? [i] : [])
    expect(lessons).toBeGreaterThan(0)
    expect(closing).toBe(lessons + 1)
    expect(references[0]).toBe(closing + 1)
    expect(references.at(-1)).toBe(deck.slides.length - 1)
  })

  it('quotes every one of the five threads', () => {
    const quoted = new Set(deck.slides.flatMap(s => [...s.content.matchAll(/<MailQuote\s+[^>]*from="([^"]+)"/g)].map(m => m[1]!)))
    const threadsQuoted = new Set(messages.filter(m => quoted.has(m.id)).map(m => m.thread))
    expect([...threadsQuoted].sort()).toEqual(threads.map(t => t.id).sort())
  })

  it('quotes through the mail-quote card, never bare blockquotes', () => {
    const bare = deck.slides.filter(s => /^>\s/m.test(scannable(s.body))).map(s => `${s.file}:${s.line}`)
    expect(bare).toEqual([])
  })
})
