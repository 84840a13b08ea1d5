import type { Browser, Page } from 'playwright-core'
import type { Finding } from './checks/types'
import type { PageEvent } from './events'
import type { Scheme } from '../lib/problem.ts'
import { EventLog } from './events'
import { diagramsSettled } from './checks/mermaid'
import { imagesSettled } from './checks/media'
import { useColorScheme } from '../lib/color-scheme'
import { holdPreloadAll, PRELOAD_ALL } from '../lib/slidev-adapter'

export interface StepContext {
  page: Page
  no: number
  click: number
  /** Last click step of this slide. */
  last: boolean
}

/** What one visit of one slide found: DOM findings per click step, events, mounted slides. */
export interface Visit {
  no: number
  scheme: Scheme
  clicks: number
  findings: { click: number, finding: Finding }[]
  events: PageEvent[]
  mounted: Set<number>
  darkClass: boolean
  ms: number
}

export interface VisitOptions {
  origin: string
  scheme: Scheme
  width: number
  height: number
  slides: number[]
  /** Runs the DOM checks of one click step. */
  checkStep: (step: StepContext) => Promise<Finding[]>
  onVisit?: (no: number, index: number) => void
  /** Number of Mermaid blocks in the slide's source (the slide must show that many). */
  diagrams?: (no: number) => number
  /** Block and report requests to other hosts (the talk's offline rule); else let them through. */
  offline?: boolean
  /** How long to wait for diagrams, images and fonts to settle (ms). */
  settleTimeout?: number
}

const NO_MOTION = '*, *::before, *::after { transition: none !important; animation-duration: 0s !important; animation-delay: 0s !important; }'

/**
 * In a browser context with the given colour scheme, first walks the slides with the keyboard
 * (→, as a speaker would) to learn each slide's click steps from the URL (`/<n>?clicks=k`), then
 * loads each slide fresh (`/<no>`) and steps through its clicks with →, waiting for fonts,
 * images and diagrams at every step and running the checks. A visit never leaves its slide, so
 * only it and the neighbours Slidev preloads are mounted while its events are recorded.
 */
export async function visitSlides(browser: Browser, opts: VisitOptions): Promise<Visit[]> {
  const context = await browser.newContext({
    viewport: { width: opts.width, height: opts.height },
    colorScheme: opts.scheme,
    reducedMotion: 'reduce',
  })
  await useColorScheme(context, opts.scheme)
  // tsx (esbuild keepNames) wraps functions in __name(); the page has no such helper.
  await context.addInitScript(() => { (globalThis as unknown as { __name: (f: unknown) => unknown }).__name = (f: unknown) => f })
  await context.addInitScript(holdPreloadAll, PRELOAD_ALL)
  const log = new EventLog(opts.origin)
  if (opts.offline ?? true)
    await log.guard(context)
  const page = await context.newPage()
  log.listen(page)
  const settle = opts.settleTimeout ?? 20_000
  const visits: Visit[] = []
  try {
    const totals = await clickTotals(page, opts.origin, opts.slides)
    await page.goto('about:blank')
    for (const [index, no] of opts.slides.entries()) {
      opts.onVisit?.(no, index)
      const t0 = Date.now()
      log.take()
      log.click = 0
      await open(page, opts.origin, no)
      const darkClass = await page.evaluate(() => document.documentElement.classList.contains('dark'))
      const clicks = totals.get(no) ?? 0
      const findings: Visit['findings'] = []
      for (let click = 0; click <= clicks; click++) {
        log.click = click
        if (click > 0)
          await press(page, 'ArrowRight')
        await waitSettled(page, no, opts.diagrams?.(no) ?? 0, settle)
        for (const finding of await opts.checkStep({ page, no, click, last: click === clicks }))
          findings.push({ click, finding })
      }
      const mounted = new Set(await page.evaluate(() =>
        [...document.querySelectorAll('.slidev-page[data-slidev-no]')].map(e => Number(e.getAttribute('data-slidev-no')))))
      visits.push({ no, scheme: opts.scheme, clicks, findings, events: log.take(), mounted, darkClass, ms: Date.now() - t0 })
    }
  }
  finally {
    await context.close()
  }
  return visits
}

/** Loads `/<no>` and waits until that slide shows, with transitions and animations off. */
async function open(page: Page, origin: string, no: number): Promise<void> {
  await page.goto(`${origin}/${no}`, { waitUntil: 'load' })
  await page.waitForSelector(`.slidev-page-${no}`, { state: 'visible', timeout: 30_000 })
  await page.addStyleTag({ content: NO_MOTION })
}

/** Presses a key; returns the slide and click step the URL shows then, undefined if it did not change in 4 s. */
async function press(page: Page, key: string): Promise<{ no: number, click: number } | undefined> {
  const before = await page.evaluate(() => location.href)
  await page.keyboard.press(key)
  const href = await page.waitForFunction(b => location.href !== b && location.href, before, { timeout: 4_000 }).then(h => h.jsonValue(), () => undefined)
  const url = href ? new URL(href) : undefined
  const no = url && /\/(\d+)$/.exec(url.pathname)?.[1]
  return no ? { no: Number(no), click: Number(url.searchParams.get('clicks') ?? 0) } : undefined
}

/**
 * Click steps of each slide: from the slide, → until the URL names another slide (or stops
 * changing, at the end of the deck); the last `clicks=k` seen is the count. Consecutive slides
 * are walked in one page load.
 */
async function clickTotals(page: Page, origin: string, slides: number[]): Promise<Map<number, number>> {
  const totals = new Map<number, number>()
  let at: { no: number, click: number } | undefined
  for (const no of slides) {
    await (at?.no === no ? page.waitForSelector(`.slidev-page-${no}`, { state: 'visible', timeout: 30_000 }) : open(page, origin, no))
    let last = 0
    for (at = await press(page, 'ArrowRight'); at?.no === no; at = await press(page, 'ArrowRight'))
      last = at.click
    totals.set(no, last)
  }
  return totals
}

/** Fonts ready, images complete, diagrams rendered (or failed), then two frames. */
async function waitSettled(page: Page, no: number, expected: number, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout
  await diagramsSettled(page, `.slidev-page-${no}`, expected, timeout).catch(() => {})
  await page.waitForFunction(imagesSettled, no, { timeout: Math.max(1000, deadline - Date.now()), polling: 100 }).catch(() => {})
  await page.evaluate(async () => {
    await document.fonts.ready
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))
  })
}
