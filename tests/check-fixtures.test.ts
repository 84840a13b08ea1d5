/**
 * Proof that `npm run check` bites: each deck under tests/fixtures/browser-* is broken in one
 * way (browser-clean in none), gets built once (cached by content hash in the temp dir, so a
 * rerun skips the ~10 s build) and checked in a real Chromium; the check must exit non-zero and
 * name the slide and source line of the breakage, or exit 0 for the clean deck.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildDeck } from '../scripts/lib/browser/build'

const ROOT = resolve(__dirname, '..')
const FIXTURES = join(ROOT, 'tests/fixtures')
const SLIDEV_VERSION = JSON.parse(readFileSync(join(ROOT, 'node_modules/@slidev/cli/package.json'), 'utf8')).version as string

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? filesOf(p) : [p]
  }).sort()
}

/** Builds the fixture unless a build of the same sources already sits in the temp dir. */
async function built(name: string): Promise<string> {
  const dir = join(FIXTURES, name)
  const hash = createHash('sha256').update(SLIDEV_VERSION)
  for (const f of filesOf(dir))
    hash.update(f.slice(dir.length)).update(readFileSync(f))
  const out = join(tmpdir(), 'deck-test-builds', `${name}-${hash.digest('hex').slice(0, 12)}`)
  if (!existsSync(join(out, 'index.html'))) {
    rmSync(out, { recursive: true, force: true })
    await buildDeck(join(dir, 'slides.md'), out)
  }
  return out
}

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
