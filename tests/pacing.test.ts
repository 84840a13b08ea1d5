/**
 * Pacing in the presenter view (custom-nav-controls.vue, plan from setup/talk-plan.ts), in a real
 * browser: the 10-minute cut is built WITHOUT notes (as `npm run build` publishes it), served, and
 * driven with the keyboard under Playwright's controlled clock. The expected figures are computed
 * here from the deck's notes (the lint's spoken-word count at talk.wordsPerMinute), not hard-coded.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../scripts/lib/chromium.ts'
import { loadDeck } from '../scripts/lib/deck.ts'
import type { Deck } from '../scripts/lib/deck.ts'
import { spokenWords } from '../scripts/lint/budgets.ts'
import { serveStatic } from '../scripts/lib/static-server.ts'
import type { StaticServer } from '../scripts/lib/static-server.ts'
import { isReferencesSlide, readTalk } from '../scripts/lib/talk.ts'

const ROOT = resolve(__dirname, '..')
const ENTRY = 'slides-10min.md'
const T0 = new Date('2026-05-04T09:00:00Z').getTime()

let dir: string
let server: StaticServer
let browser: Browser
let deck: Deck
let wpm: number

/** Spoken seconds of slide `no` (1-based): its notes at the talk's words per minute; references 0. */
const seconds = (no: number) => {
  const s = deck.slides[no - 1]!
  return isReferencesSlide(s.content) ? 0 : spokenWords(s.note) / wpm * 60
}
const startOf = (no: number) => deck.slides.slice(0, no - 1).reduce((t, s) => t + seconds(s.no), 0)
const mmss = (sec: number) => {
  const r = Math.round(Math.abs(sec))
  return `${Math.floor(r / 60)}:${String(r % 60).padStart(2, '0')}`
}
/** Planned time from slide `no`'s start to the end of its `src:` file (the chapter). */
const chapterLeft = (no: number) => deck.slides.filter(s => s.no >= no && s.file === deck.slides[no - 1]!.file).reduce((t, s) => t + seconds(s.no), 0)

beforeAll(async () => {
  deck = await loadDeck(join(ROOT, ENTRY))
  wpm = readTalk(deck.headmatter).budgets!.wordsPerMinute!
  dir = mkdtempSync(join(tmpdir(), 'deck-pacing-'))
  const build = spawnSync(join(ROOT, 'node_modules/.bin/node'), ['scripts/build.ts', ENTRY, '--out', join(dir, 'dist'), '--no-pdf'], { cwd: ROOT, encoding: 'utf8' })
  if (build.status !== 0)
    throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`)
  server = await serveStatic(join(dir, 'dist'))
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  if (dir)
    rmSync(dir, { recursive: true, force: true })
})

async function openAt(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } })
  // Time stands still unless the test moves it (fastForward); pausing a little after the install
  // time, since some real time passes between the two calls.
  await page.clock.install({ time: T0 })
  await page.clock.pauseAt(T0 + 10_000)
  await page.goto(`${server.origin}${path}`)
  return page
}

/** Presses → until the route shows slide `no` (slides with clicks take several presses). */
async function advanceTo(page: Page, no: number, route: 'presenter/' | ''): Promise<void> {
  for (let i = 0; i < 40 && !new URL(page.url()).pathname.endsWith(`/${route}${no}`); i++) {
    await page.keyboard.press('ArrowRight')
    await page.waitForTimeout(150)
  }
  expect(new URL(page.url()).pathname).toBe(`/${route}${no}`)
}

describe('pacing in the presenter view (10-minute cut, built without notes)', () => {
  it('the build ships no notes, only the plan', () => {
    const js = readdirSync(join(dir, 'dist/assets'), { recursive: true }).map(String).filter(f => f.endsWith('.js')).map(f => readFileSync(join(dir, 'dist/assets', f), 'utf8')).join('\n')
    const aNote = deck.slides[1]!.note!.split(/[.!?]/)[0]!.trim()
    expect(aNote.length).toBeGreaterThan(20)
    expect(js).not.toContain(aNote)
    expect(js).toContain(`"wordsPerMinute":${wpm}`.replace(/"/g, ''))
  })

  it('shows the offset against the plan and the chapter time left, after keyboard navigation', async () => {
    const page = await openAt('/presenter/1')
    const pacing = page.locator('.talk-pacing')
    const pace = pacing.locator('[data-pacing="pace"]')
    const chapter = pacing.locator('[data-pacing="chapter"]')
    await expect.poll(() => pacing.count(), { timeout: 20_000 }).toBe(1)
    // Slidev's timer is stopped and no slide has changed yet: no clock.
    expect(await pace.textContent()).toBe('not started')
    expect(await pacing.getAttribute('data-clock')).toBe('none')

    // The first slide change starts the pacing clock (the page clock is paused: elapsed stays 0).
    await advanceTo(page, 2, 'presenter/')
    expect(await pacing.getAttribute('data-clock')).toBe('own')

    // On to a slide whose planned start is more than a minute in: at 0:00 the speaker is ahead.
    const no = deck.slides.find(s => startOf(s.no) > 60 && seconds(s.no) > 40)!.no
    await advanceTo(page, no, 'presenter/')
    const start = startOf(no)
    const end = start + seconds(no)
    await expect.poll(() => pace.textContent()).toBe(`${mmss(start)} ahead`)
    expect(await chapter.textContent()).toMatch(new RegExp(`: ${mmss(chapterLeft(no))} left$`))

    // 40 s before the planned start: "0:40 ahead".
    await page.clock.fastForward(Math.round((start - 40) * 1000))
    await expect.poll(() => pace.textContent()).toBe('0:40 ahead')
    // Within the slide's planned window: on pace.
    await page.clock.fastForward(Math.round((40 + seconds(no) / 2) * 1000))
    await expect.poll(() => pace.textContent()).toBe('on pace')
    expect(await pacing.getAttribute('data-tone')).toBe('on')
    // 1:20 after the slide's planned end: "1:20 behind".
    const now = start + seconds(no) / 2
    await page.clock.fastForward(Math.round((end + 80 - now) * 1000))
    await expect.poll(() => pace.textContent()).toBe('1:20 behind')
    expect(await pacing.getAttribute('data-tone')).toBe('behind')

    // Next slide, same clock: the offset is measured against that slide's window.
    await advanceTo(page, no + 1, 'presenter/')
    const elapsed = end + 80
    const next = { start: startOf(no + 1), end: startOf(no + 1) + seconds(no + 1) }
    const expected = elapsed < next.start - 15 ? `${mmss(next.start - elapsed)} ahead` : elapsed > next.end + 15 ? `${mmss(elapsed - next.end)} behind` : 'on pace'
    await expect.poll(() => pace.textContent()).toBe(expected)
    await page.close()
  })

  it('follows Slidev\'s timer once it is started', async () => {
    const page = await openAt('/presenter/1')
    const pacing = page.locator('.talk-pacing')
    await expect.poll(() => pacing.count(), { timeout: 20_000 }).toBe(1)
    // The play button of the presenter's timer (TimerInlined; shown on hover): its click handler is on the parent.
    await page.locator('.i-carbon\\:play').first().locator('..').dispatchEvent('click')
    await page.clock.fastForward(5_000)
    await expect.poll(() => pacing.getAttribute('data-clock')).toBe('timer')
    // 5 s into slide 1, whose window starts at 0: on pace.
    expect(await pacing.locator('[data-pacing="pace"]').textContent()).toBe('on pace')
    const no = deck.slides.length - 3
    await page.clock.fastForward(Math.round((startOf(no) + seconds(no) + 125 - 5) * 1000))
    await advanceTo(page, no, 'presenter/')
    await expect.poll(() => pacing.locator('[data-pacing="pace"]').textContent()).toBe('2:05 behind')
    await page.close()
  })
})

describe('the audience route never shows pacing', () => {
  it('no pacing element on any slide, with the nav controls shown', async () => {
    const page = await openAt('/1')
    await page.locator('.slidev-page').first().waitFor({ timeout: 20_000 })
    for (let no = 1; no <= deck.slides.length; no++) {
      if (no > 1)
        await advanceTo(page, no, '')
      // Bring up the nav controls (they appear on hover at the bottom left).
      await page.mouse.move(40, 880)
      await page.clock.fastForward(1_000)
      expect(await page.locator('.talk-pacing').count()).toBe(0)
    }
    expect(await page.locator('.slidev-nav, nav').count()).toBeGreaterThan(0)
    await page.close()
  })
})
