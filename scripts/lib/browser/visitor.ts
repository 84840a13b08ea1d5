import type { Browser, Page } from 'playwright-core'
import type { Finding } from './checks/types'
import type { PageEvent } from './events'
import type { Scheme } from './problem'
import { EventLog } from './events'
import { diagramsSettled } from './checks/mermaid'
import { imagesSettled } from './checks/media'
import { useColorScheme } from '../color-scheme'

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
 * In a browser context with the given colour scheme, loads each slide fresh (`/<no>`), then
 * steps through its clicks with Slidev's own navigation (`$slidev.nav.go(no, click)`, reached
 * through the Vue app because production builds do not expose `window.__slidev__`), waits for
 * fonts, images and diagrams at every step and runs the checks.
 */
export async function visitSlides(browser: Browser, opts: VisitOptions): Promise<Visit[]> {
  const context = await browser.newContext({
    viewport: { width: opts.width, height: opts.height },
    colorScheme: opts.scheme,
    reducedMotion: 'reduce',
  })
  await useColorScheme(context, opts.scheme)
  await context.addInitScript(() => {
    // tsx (esbuild keepNames) wraps functions in __name(); the page has no such helper.
    (globalThis as unknown as { __name: (f: unknown) => unknown }).__name = (f: unknown) => f
    // Slidev mounts every slide 3 s after load ("preload all"); that would blur which slide a
    // console error or request came from. Only that timer (3000 ms, a bare forEach) is dropped.
    const original = window.setTimeout
    window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => {
      if (ms === 3000 && typeof fn === 'function' && /^\(\)\s*=>\s*\{?\s*[\w$]+\.forEach\([\w$]+\)\s*;?\s*\}?$/.test(fn.toString()))
        return 0
      return original(fn, ms, ...rest)
    }) as typeof window.setTimeout
  })
  const log = new EventLog(opts.origin)
  if (opts.offline ?? true)
    await log.guard(context)
  const page = await context.newPage()
  log.listen(page)
  const settle = opts.settleTimeout ?? 20_000
  const visits: Visit[] = []
  try {
    for (const [index, no] of opts.slides.entries()) {
      opts.onVisit?.(no, index)
      const t0 = Date.now()
      log.take()
      log.click = 0
      await page.goto(`${opts.origin}/${no}`, { waitUntil: 'load' })
      await page.waitForSelector(`.slidev-page-${no}`, { state: 'visible', timeout: 30_000 })
      await page.addStyleTag({ content: NO_MOTION })
      const darkClass = await page.evaluate(() => document.documentElement.classList.contains('dark'))
      const clicks = await page.evaluate(() => {
        const app = (document.querySelector('#app') as unknown as { __vue_app__?: { _context: { provides: Record<string, { nav?: { clicksTotal: number } }> } } } | null)?.__vue_app__
        return app?._context.provides['$$slidev-context']?.nav?.clicksTotal ?? 0
      })
      const findings: Visit['findings'] = []
      for (let click = 0; click <= clicks; click++) {
        log.click = click
        if (click > 0) {
          await page.evaluate(async ({ no, click }) => {
            const app = (document.querySelector('#app') as unknown as { __vue_app__: { _context: { provides: Record<string, { nav: { go: (n: number, c: number) => Promise<void> } }> } } }).__vue_app__
            await app._context.provides['$$slidev-context']!.nav.go(no, click)
          }, { no, click })
          await page.waitForFunction(click => new URLSearchParams(location.search).get('clicks') === String(click), click, { timeout: 5000 }).catch(() => {})
        }
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

/** Fonts ready, images complete, diagrams rendered (or failed), then two frames. */
async function waitSettled(page: Page, no: number, expected: number, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout
  await page.waitForFunction(diagramsSettled, { no, expected }, { timeout, polling: 100 }).catch(() => {})
  await page.waitForFunction(imagesSettled, no, { timeout: Math.max(1000, deadline - Date.now()), polling: 100 }).catch(() => {})
  await page.evaluate(async () => {
    await document.fonts.ready
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))
  })
}
