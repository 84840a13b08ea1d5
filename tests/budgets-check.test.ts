/**
 * Proof that the room budgets bite in `npm run check`: decks generated from the browser-clean
 * deck (tests/fixtures/base/check.md) by tests/fixtures/generate.ts, built once
 * (cached by content hash, like check-fixtures.test.ts) and checked in Chromium, light only.
 * (Divs, not paragraphs: the default theme greys a paragraph right after the title, below AA.)
 * - budgets-broken: three added slides, each breaking one budget: a small paragraph (5), small
 *   Mermaid labels (6), too many words (7); each is reported at its slide and line, nothing else.
 * - budgets-clean: the base with a talk: block and readable sizes passes.
 * - budgets-no-talk: the broken deck without talk: passes (a deck without one gets no budgets).
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BASE, generate, ROOT } from './fixtures/generate.ts'
import { builtOnce } from './helpers/built.ts'

const TALK = 'duration: 30min\ntalk:\n  questions: 5min\n  wordsPerMinute: 130\n  maxSlides: 32\n  maxQuotesPerSlide: 2\n  maxWordsOnScreen: 50\n'
/** Readable sizes for the base deck: bullets 19 CSS px = 37 px at 1920x1080, the rest 15.5 = 30 px. */
const STYLE = '.slidev-layout p { font-size: 15.5px; }\n.slidev-layout li { font-size: 19px; }\n'
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ')
const BROKEN_SLIDES = `
---

# Small paragraph

<div style="font-size: 10px">This paragraph is far too small to read</div>

<!--
Notes.
-->

---

# Small diagram

\`\`\`mermaid {scale: 0.4}
flowchart LR
  A[Guest kernel] --> B[Hypervisor]
\`\`\`

<!--
Notes.
-->

---

# Too many words

<div>${words(60)}</div>

<!--
Notes.
-->
`

function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle)
  expect(at, needle).toBeGreaterThanOrEqual(0)
  return text.slice(0, at).split('\n').length
}

const baseMd = readFileSync(join(BASE, 'check.md'), 'utf8')
const withTalk = (md: string) => md.replace('favicon: /favicon.svg\n', `favicon: /favicon.svg\n${TALK}`)
const DECKS: Record<string, string> = {
  'budgets-clean': withTalk(baseMd),
  'budgets-broken': withTalk(baseMd) + BROKEN_SLIDES,
  'budgets-no-talk': baseMd + BROKEN_SLIDES,
}

/** Writes the generated deck (base files, the new slides.md, readable sizes) and returns its folder. */
const generateDeck = (name: string) => dirname(generate(name, { files: { 'slides.md': DECKS[name]!, 'style.css': STYLE } }))

const built = builtOnce

function check(dir: string, dist: string): { code: number | null, out: string } {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/node'), ['scripts/check.ts', join(dir, 'slides.md'), '--dist', dist, '--scheme', 'light'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 280_000,
  })
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` }
}

async function run(name: string) {
  const dir = generateDeck(name)
  return check(dir, await built(dir, name))
}

const problemLines = (out: string) => out.split('\n').filter(l => /^\S+:\d+ \(slide \d+/.test(l))

describe('room budgets in npm run check', () => {
  it('budgets-broken: each broken slide fails at its line, nothing else', { timeout: 600_000 }, async () => {
    const md = DECKS['budgets-broken']!
    const { code, out } = await run('budgets-broken')
    expect(code, out).toBe(1)
    const lines = problemLines(out)
    expect(lines, out).toHaveLength(3)
    expect(lines[0], out).toMatch(new RegExp(`^slides\\.md:${lineOf(md, '<div style')} \\(slide 5, click 0, light\\): text-size: text too small: 19\\.\\d px < 28 px at 1920x1080 \\(smallest text on the slide, <div>\\): "This paragraph is far too small to read"$`))
    expect(lines[1], out).toMatch(new RegExp(`^slides\\.md:${lineOf(md, '```mermaid {scale: 0.4}')} \\(slide 6, click 0, light\\): text-size: text too small: 12\\.\\d px < 28 px at 1920x1080 \\(smallest text on the slide, Mermaid diagram 1, <p>\\): "(Guest kernel|Hypervisor)"$`))
    expect(lines[2], out).toMatch(new RegExp(`^slides\\.md:\\d+ \\(slide 7, click 0, light\\): words: too many words on screen: 60, budget 50 .*cut 10$`))
    expect(out).toMatch(/^budget: slide 7: 60 words on screen; /m)
    expect(out).toMatch(/^budget: slide 1: exempt from words; /m)
  })

  it('budgets-clean: the base deck with talk: passes', { timeout: 600_000 }, async () => {
    const { code, out } = await run('budgets-clean')
    expect(problemLines(out), out).toEqual([])
    expect(code, out).toBe(0)
    expect(out).toMatch(/^budget: slide 3: \d+ words on screen; smallest: /m)
  })

  it('budgets-no-talk: the same breakages without talk: pass', { timeout: 600_000 }, async () => {
    const { code, out } = await run('budgets-no-talk')
    expect(problemLines(out), out).toEqual([])
    expect(code, out).toBe(0)
    expect(out).not.toMatch(/^budget: /m)
  })
})
