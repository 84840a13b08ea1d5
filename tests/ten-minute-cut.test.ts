/**
 * The 10-minute cut (slides-10min.md): made of the full talk's slides by `src:` (nothing of its
 * own but frontmatter), within its own budgets in `npm run lint -- slides-10min.md`, and rendering
 * cleanly in `npm run check -- slides-10min.md --scheme light` (build + every slide at every click
 * step, text sizes and words on screen).
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseSync } from '@slidev/parser'
import { describe, expect, it } from 'vitest'
import { loadDeck } from '../scripts/lib/deck.ts'
import { TALK_ENTRIES } from '../scripts/lib/entries.ts'
import { spokenWords } from '../scripts/lint/budgets.ts'
import { isReferencesSlide, readTalk } from '../scripts/lib/talk.ts'

const ROOT = resolve(__dirname, '..')
const CUT = 'slides-10min.md'
const node = join(ROOT, 'node_modules/.bin/node')

describe('the 10-minute cut', () => {
  it('is listed with the talk\'s entries (npm run export:all exports it)', () => {
    expect(TALK_ENTRIES).toContain(CUT)
  })

  it('copies no slide text: every slide is imported by src: from pages/', async () => {
    const own = parseSync(readFileSync(join(ROOT, CUT), 'utf8'), CUT).slides
    for (const s of own) {
      expect(s.frontmatter.src, `stanza at line ${s.start + 1}`).toMatch(/^\.\/pages\/[\w-]+\.md(#[\d,-]+)?$/)
      expect(s.content.trim(), `stanza at line ${s.start + 1}`).toBe('')
      expect(s.note ?? '').toBe('')
    }
    const deck = await loadDeck(join(ROOT, CUT))
    expect(deck.errors).toEqual([])
    expect(deck.slides.every(s => s.file.startsWith('pages/'))).toBe(true)
  })

  it('fits its own budgets: 10 min with a 2-min question reserve, at most 12 slides', async () => {
    const deck = await loadDeck(join(ROOT, CUT))
    const b = readTalk(deck.headmatter).budgets!
    expect(b.duration).toBe(600)
    expect(b.questions).toBe(120)
    expect(b.maxSlides).toBeLessThanOrEqual(12)
    expect(deck.slides.length).toBeLessThanOrEqual(b.maxSlides!)
    const words = deck.slides.filter(s => !isReferencesSlide(s.content)).reduce((n, s) => n + spokenWords(s.note), 0)
    expect(words).toBeLessThanOrEqual((b.duration - b.questions) / 60 * b.wordsPerMinute!)
  })

  it('passes npm run lint -- slides-10min.md (budgets included)', () => {
    const r = spawnSync(node, ['scripts/lint.ts', CUT], { cwd: ROOT, encoding: 'utf8' })
    expect(r.stdout, r.stderr).toMatch(/^time: total .* of 8 min \(duration 10 min - questions 2 min\) .*: fits,/m)
    expect(r.stdout).toMatch(/^lint: \d+ slides, 0 problems$/m)
    expect(r.status).toBe(0)
  })

  // Light scheme only (the projection scheme), to keep this under two minutes: the full talk's
  // check covers the same slides in dark too.
  it('passes npm run check -- slides-10min.md --scheme light (builds and renders every slide)', () => {
    const r = spawnSync(node, ['scripts/check.ts', CUT, '--scheme', 'light'], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 })
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0)
  }, 250_000)
})
