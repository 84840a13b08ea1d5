import { describe, expect, it } from 'vitest'
import { type DeckSlide, loadDeck } from '../scripts/lib/deck.ts'

// What the talk promises as a whole (issue #2): structure a linter cannot see slide by slide.
const deck = await loadDeck('slides.md')

function mermaidKinds(slides: DeckSlide[]): string[] {
  const kinds: string[] = []
  for (const s of slides) {
    for (const m of s.content.matchAll(/^```mermaid[^\n]*\n(?:\s*%%[^\n]*\n)*\s*([\w-]+)/gm))
      kinds.push(m[1]!)
  }
  return kinds
}

const words = (text: string) => text.replace(/<[^>]+>/g, ' ').split(/\s+/).filter(w => /\w/.test(w)).length

describe('the deck', () => {
  it('has 30 to 45 slides, each with a title and speaker notes', () => {
    expect(deck.slides.length).toBeGreaterThanOrEqual(30)
    expect(deck.slides.length).toBeLessThanOrEqual(45)
    const untitled = deck.slides.filter(s => !s.title?.trim()).map(s => `${s.file}:${s.line}`)
    const silent = deck.slides.filter(s => !s.note).map(s => `${s.file}:${s.line}`)
    expect(untitled).toEqual([])
    expect(silent).toEqual([])
  })

  it('carries a full 30-minute talk script in its notes (3,500 to 4,500 words)', () => {
    const total = deck.slides.reduce((n, s) => n + words(s.note ?? ''), 0)
    expect(total).toBeGreaterThanOrEqual(3500)
    expect(total).toBeLessThanOrEqual(4500)
  })

  it('sets the presenter timer to the 30-minute slot', () => {
    expect(deck.headmatter.duration).toBe('30min')
    expect(deck.headmatter.timer).toBe('countdown')
  })

  it('loads no web fonts', () => {
    expect((deck.headmatter.fonts as { provider?: string }).provider).toBe('none')
  })

  it('explains its mechanisms with at least 8 Mermaid diagrams of at least 5 kinds', () => {
    const kinds = mermaidKinds(deck.slides)
    expect(kinds.length).toBeGreaterThanOrEqual(8)
    expect(new Set(kinds).size).toBeGreaterThanOrEqual(5)
  })

  it('opens with a title and an agenda and ends its chapters with references citing every thread', () => {
    expect(deck.slides[0]!.frontmatter.layout).toBe('cover')
    expect(deck.slides[1]!.title).toMatch(/agenda/i)
    const references = deck.slides.filter(s => /references/i.test(s.title ?? '')).map(s => s.content).join('\n')
    for (const thread of [
      'Xen/ia64 presentation',
      'Xen and the Art of Linux/ia64 Virtualization',
      '[patch 00/21] Xen-paravirt',
      'paravirt docs and diet',
    ])
      expect(references).toContain(thread)
    // The 2008 IVT thread has no subject in its archive copy; it is cited by its date and topic.
    expect(references).toMatch(/2008/)
    expect(references).toMatch(/IVT/)
  })

  it('quotes through the mail-quote card, never bare blockquotes', () => {
    const bare = deck.slides.filter(s => /^>\s/m.test(s.content.replace(/```[\s\S]*?```/g, ''))).map(s => `${s.file}:${s.line}`)
    expect(bare).toEqual([])
  })
})
