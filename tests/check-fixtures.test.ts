/**
 * Proof that `npm run check` bites: each deck under tests/fixtures/browser-* is broken in one
 * way (browser-clean in none), gets built once (cached by content hash in the temp dir, so a
 * rerun skips the ~10 s build) and checked in a real Chromium; the check must exit non-zero and
 * name the slide and source line of the breakage, or exit 0 for the clean deck.
 */
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtOnce } from './helpers/built'

const ROOT = resolve(__dirname, '..')
const FIXTURES = join(ROOT, 'tests/fixtures')


const built = (name: string) => builtOnce(join(FIXTURES, name), name)

function check(name: string, dist: string, ...extra: string[]): { code: number | null, out: string } {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/check.ts', join(FIXTURES, name, 'slides.md'), '--dist', dist, ...extra], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 280_000,
  })
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` }
}

interface Case {
  name: string
  /** Exact "slides.md:LINE (slide N" the report must contain. */
  where: string
  /** Words the same report line must contain. */
  words: RegExp
  scheme?: 'light' | 'dark'
}

const CASES: Case[] = [
  { name: 'browser-invalid-mermaid', where: 'slides.md:38 (slide 3', words: /mermaid: diagram failed to render: .*Parse error/ },
  { name: 'browser-empty-diagram', where: 'slides.md:38 (slide 3', words: /mermaid: diagram rendered empty/ },
  { name: 'browser-overflow', where: 'slides.md:38 (slide 3', words: /overflow: .*(extends outside the slide canvas|cut off)/ },
  { name: 'browser-missing-image', where: 'slides.md:39 (slide 3', words: /image: broken image \/missing\.png|http: HTTP 404 for \/missing\.png/ },
  { name: 'browser-remote-font', where: 'slides.md:39 (slide 3', words: /network: request to a remote host blocked: https:\/\/fonts\.googleapis\.com/ },
  { name: 'browser-console-error', where: 'slides.md:35 (slide 3', words: /console: (console|uncaught) error: .*fixture boom/ },
  { name: 'browser-low-contrast', where: 'slides.md:38 (slide 3', words: /axe: color-contrast \(serious\)/ },
]

describe('npm run check on broken fixture decks', () => {
  for (const c of CASES) {
    it(`${c.name}: fails and names the slide and line`, { timeout: 600_000 }, async () => {
      const dist = await built(c.name)
      const { code, out } = check(c.name, dist, '--scheme', c.scheme ?? 'light')
      expect(code, out).toBe(1)
      const lines = out.split('\n').filter(l => l.includes(c.where) && c.words.test(l))
      expect(lines, out).not.toHaveLength(0)
      expect(out).toMatch(/check: 4 slides, \d+ steps × 1 schemes .*[1-9]\d* problems?/)
    })
  }

  it('browser-clean: passes in light and dark', { timeout: 600_000 }, async () => {
    const dist = await built('browser-clean')
    const { code, out } = check('browser-clean', dist)
    expect(out).toMatch(/check: 4 slides, 6 steps × 2 schemes .*, 0 problems/)
    expect(code, out).toBe(0)
  })
})
