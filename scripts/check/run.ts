import { existsSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { x } from 'tinyexec'
import { launchChromium } from '../lib/chromium.ts'
import { useColorScheme } from '../lib/color-scheme.ts'
import { type Deck, type DeckSlide, squashText } from '../lib/deck.ts'
import { dedupeProblems, type Problem, type Scheme } from '../lib/problem.ts'
import { holdPreloadAll, PRELOAD_ALL } from '../lib/slidev-adapter.ts'
import { serveStatic } from '../lib/static-server.ts'
import { isReferencesSlide, readTalk, talkRulesOn } from '../lib/talk.ts'
import { budgetFindings, checkAccessibility, checkFonts, checkImages, checkLayout, diagramFindings, diagramsSettled, type Finding, measureText, type TextSample } from './checks.ts'

/**
 * `slidev build <entry> --out <outDir> --base /`, one process per build (the check and its fixture
 * tests build many decks in a row); rejects with the end of the build's output. (The exporter
 * builds in-process, lib/slidev-adapter.ts, for the print route and a base-aware download URL.)
 */
export async function buildDeck(entry: string, outDir: string): Promise<void> {
  const slidev = join(import.meta.dirname, '../../node_modules/.bin/slidev')
  if (!existsSync(slidev))
    throw new Error(`slidev not found at ${slidev}: run npm ci`)
  const r = await x(slidev, ['build', resolve(entry), '--out', outDir, '--base', '/'], {
    nodeOptions: { cwd: dirname(resolve(entry)), stdio: ['ignore', 'pipe', 'pipe'], env: { FORCE_COLOR: '0' } },
  })
  if (r.exitCode !== 0 || !existsSync(join(outDir, 'index.html')))
    throw new Error(`slidev build failed (exit ${r.exitCode}):\n${`${r.stdout}${r.stderr}`.split('\n').slice(-40).join('\n')}`)
}

/** A console error, an uncaught error or a request, seen at a click step. */
interface PageEvent { kind: string, message: string, needle?: string, click: number }
/** One slide's visit: its events and the slides mounted meanwhile. */
interface Visit { no: number, events: PageEvent[], mounted: Set<number> }

const NO_MOTION = '*, *::before, *::after { transition: none !important; animation-duration: 0s !important; animation-delay: 0s !important; }'

/** Not the deck's: the echo of a failed request (reported with its URL), twoslash's client failing on every deck. */
const ECHOES = /^(?:Failed to load resource: |Failed to patch FloatingVue)/

/**
 * Serves the built deck and, in each scheme, learns each slide's click steps by walking the deck
 * with → (the URL shows `/<n>?clicks=k`), then loads each slide fresh and steps through its clicks
 * with →, running the in-page checks once everything has settled (axe at the last step). A visit
 * never leaves its slide, so only it and the neighbours Slidev preloads are mounted while its events
 * are recorded. The room budgets (headmatter `talk:`) are measured in the first scheme only.
 */
export async function checkBuiltDeck(deck: Deck, dist: string, wanted: Scheme[], only: number[] | undefined, log: (line: string) => void) {
  // A deck that offers one scheme only (`colorSchema: dark` or `light`) is not checked in the other.
  const one = deck.headmatter.colorSchema
  const schemes = wanted.filter(s => one !== (s === 'light' ? 'dark' : 'light'))
  if (!schemes.length)
    throw new Error(`the deck is ${one} only (colorSchema: ${one}): it has no ${wanted.join('/')} scheme to check`)
  if (schemes.length < wanted.length)
    log(`the deck is ${one} only (colorSchema: ${one}): the ${one === 'dark' ? 'light' : 'dark'} pass is skipped`)
  const missing = only?.find(no => !deck.slides[no - 1])
  if (missing)
    throw new Error(`--slides: the deck has ${deck.slides.length} slides, no slide ${missing}`)
  const slides = only ? only.map(no => deck.slides[no - 1]!) : deck.slides
  const { width, height } = deck.canvas
  const fonts = (deck.headmatter.fonts ?? {}) as Record<string, unknown>
  const declared = ['sans', 'serif', 'mono'].flatMap(k => String(fonts[k] ?? '').split(',')).map(s => s.trim().replace(/^["']|["']$/g, '')).filter(Boolean)
  const talk = readTalk(deck.headmatter).budgets
  const atDeck = (check: string, message: string, scheme: Scheme): Problem => ({ file: relative(deck.root, deck.entry), line: 1, no: 0, check, message, scheme })

  const server = await serveStatic(dist)
  const browser = await launchChromium()
  const problems: Problem[] = []
  let steps = 0
  let totals: Map<number, number> | undefined // click steps per slide: the same in either scheme, walked once
  try {
    for (const scheme of schemes) {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, reducedMotion: 'reduce' })
      const visits: Visit[] = []
      const wrongScheme: number[] = []
      try {
        await useColorScheme(context, scheme)
        await context.addInitScript(holdPreloadAll, PRELOAD_ALL)
        let visit: Visit | undefined
        let click = 0
        const page = await watch(context, server.origin, talkRulesOn(deck.headmatter), e => visit?.events.push({ ...e, click }))
        if (!totals) {
          totals = await clickTotals(page, server.origin, slides.map(s => s.no))
          await page.goto('about:blank')
        }
        for (const [index, slide] of slides.entries()) {
          const { no } = slide
          log(`checking slide ${no} (${index + 1}/${slides.length}, ${scheme})`)
          visit = { no, events: [], mounted: new Set() }
          visits.push(visit)
          click = 0
          await open(page, server.origin, no)
          if (await page.evaluate(() => document.documentElement.classList.contains('dark')) !== (scheme === 'dark'))
            wrongScheme.push(no)
          const clicks = totals.get(no)!
          let samples: TextSample[] = []
          if (scheme === schemes[0])
            steps += clicks + 1
          for (let c = 0; c <= clicks; c++) {
            click = c
            if (c > 0)
              await press(page)
            await waitSettled(page, no, slide.mermaidLines.length)
            const found = [
              ...await diagramFindings(page, `.slidev-page-${no}`, slide.mermaidLines.length),
              ...await checkLayout(page, no),
              ...await checkImages(page, no),
              ...await checkFonts(page, no, declared),
              ...c === clicks ? await checkAccessibility(page, no) : [],
            ]
            if (talk && scheme === schemes[0]) {
              const now = await measureText(page, no, Math.min(1920 / width, 1080 / height))
              // The smallest sample of each role over the click steps; words at the last one (not on the cover and references).
              samples = [...new Map([...samples, ...now.samples].sort((x, y) => y.px - x.px).map(s => [s.role, s])).values()].sort((x, y) => x.px - y.px)
              if (c === clicks) {
                const words = (slide.frontmatter.layout ?? (no === 1 ? 'cover' : 'default')) === 'cover' || isReferencesSlide(slide.content) ? undefined : now.words
                found.push(...budgetFindings(samples, words, talk.maxWordsOnScreen))
                log(`budget: slide ${no}: ${words === undefined ? 'exempt from words' : `${words} words on screen`}; smallest: ${samples.map(x => `${x.role} ${x.px.toFixed(1)} px${x.diagram !== undefined ? ' (diagram)' : ''}`).join(', ') || 'no text'}`)
              }
            }
            problems.push(...found.map(f => seenProblem(slide, f, scheme, c)))
          }
          visit.mounted = new Set(await page.evaluate(() =>
            [...document.querySelectorAll('.slidev-page[data-slidev-no]')].map(e => Number(e.getAttribute('data-slidev-no')))))
        }
      }
      finally {
        await context.close()
      }
      problems.push(...eventProblems(visits).map(([e, no, click]) => no
        ? seenProblem(deck.slides[no - 1]!, { ...e, text: e.message.replace(/^[^:]+:\s*/, '') }, scheme, click)
        : atDeck(e.kind, `${e.kind}: ${e.message}`, scheme)))
      if (wrongScheme.length)
        problems.push(atDeck('dark', `dark: the browser asked for the ${scheme} scheme but <html> ${scheme === 'dark' ? 'lacks' : 'has'} the "dark" class on ${wrongScheme.length} slide(s) (headmatter colorSchema should be auto)`, scheme))
    }
  }
  finally {
    await browser.close()
    await server.close()
  }
  return { problems: dedupeProblems(problems), slides: slides.length, steps, schemes }
}

/** A page that reports console and uncaught errors, failed local requests and, when `offline`, blocked requests to other hosts. */
async function watch(context: BrowserContext, origin: string, offline: boolean, report: (e: Omit<PageEvent, 'click'>) => void): Promise<Page> {
  if (offline) {
    await context.route('**/*', async (route) => {
      const url = route.request().url()
      if (url.startsWith(`${origin}/`) || url === origin)
        return route.continue()
      report({ kind: 'network', message: `request to a remote host blocked: ${url}`, needle: url })
      return route.abort('blockedbyclient')
    })
  }
  const page = await context.newPage()
  const firstLine = (s: string) => (s.split('\n')[0] ?? '').trim().slice(0, 300)
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !ECHOES.test(msg.text()))
      report({ kind: 'console', message: `console error: ${firstLine(msg.text())}` })
  })
  page.on('pageerror', err => report({ kind: 'console', message: `uncaught error: ${firstLine(`${err.name}: ${err.message}`)}` }))
  page.on('response', (res) => {
    const path = res.url().slice(origin.length)
    if (res.status() >= 400 && res.url().startsWith(origin))
      report({ kind: 'http', message: `HTTP ${res.status()} for ${path}`, needle: path })
  })
  page.on('requestfailed', (req) => {
    const path = req.url().slice(origin.length)
    // ERR_ABORTED: the page was left (next slide) while the request was in flight.
    if (req.url().startsWith(origin) && req.failure()?.errorText !== 'net::ERR_ABORTED')
      report({ kind: 'http', message: `request failed (${req.failure()?.errorText ?? 'unknown'}) for ${path}`, needle: path })
  })
  return page
}

/** Loads `/<no>` and waits until that slide shows, with transitions and animations off. */
async function open(page: Page, origin: string, no: number): Promise<void> {
  await page.goto(`${origin}/${no}`, { waitUntil: 'load' })
  await page.waitForSelector(`.slidev-page-${no}`, { state: 'visible', timeout: 30_000 })
  await page.addStyleTag({ content: NO_MOTION })
}

/** Presses →; returns the slide and click step the URL shows then, undefined if it did not change in 4 s. */
async function press(page: Page): Promise<{ no: number, click: number } | undefined> {
  const before = await page.evaluate(() => location.href)
  await page.keyboard.press('ArrowRight')
  const href = await page.waitForFunction(b => location.href !== b && location.href, before, { timeout: 4_000 }).then(h => h.jsonValue(), () => undefined)
  const url = href ? new URL(href) : undefined
  const no = url && /\/(\d+)$/.exec(url.pathname)?.[1]
  return no ? { no: Number(no), click: Number(url.searchParams.get('clicks') ?? 0) } : undefined
}

/** Click steps of each slide: the last `clicks=k` the URL shows before → leaves the slide (or the deck ends). */
async function clickTotals(page: Page, origin: string, slides: number[]): Promise<Map<number, number>> {
  const totals = new Map<number, number>()
  let at: { no: number, click: number } | undefined
  for (const no of slides) {
    await (at?.no === no ? page.waitForSelector(`.slidev-page-${no}`, { state: 'visible', timeout: 30_000 }) : open(page, origin, no))
    let last = 0
    for (at = await press(page); at?.no === no; at = await press(page))
      last = at.click
    totals.set(no, last)
  }
  return totals
}

/** Diagrams rendered (or failed), images complete, fonts ready, then two frames (at most 20 s). */
async function waitSettled(page: Page, no: number, diagrams: number): Promise<void> {
  const deadline = Date.now() + 20_000
  await diagramsSettled(page, `.slidev-page-${no}`, diagrams, 20_000).catch(() => {})
  await page.waitForFunction(no => [...document.querySelectorAll<HTMLImageElement>(`.slidev-page-${no} img`)].every(img => img.complete), no, { timeout: Math.max(1000, deadline - Date.now()), polling: 100 }).catch(() => {})
  await page.evaluate(async () => {
    await document.fonts.ready
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))
  })
}

/**
 * Each distinct event, with the slide it is blamed on (0: the whole deck) and its click step there.
 * Console errors and requests cannot be tied to a slide by the DOM: Slidev mounts the previous and
 * next slides along with the visited one. An event is blamed on the slide whose mounting visits
 * are all the visits where it was seen and the fewest others (a tie goes to a slide it was seen on,
 * then the first). Events seen in every visit belong to the whole deck: app boot, headmatter.
 */
function eventProblems(visits: Visit[]): [PageEvent, number, number | undefined][] {
  const seen = new Map<string, { event: PageEvent, clickIn: Map<number, number> }>()
  for (const v of visits) {
    for (const e of v.events) {
      const key = `${e.kind}|${e.message}`
      const s = seen.get(key) ?? seen.set(key, { event: e, clickIn: new Map() }).get(key)!
      if (!s.clickIn.has(v.no))
        s.clickIn.set(v.no, e.click)
    }
  }
  const visitsOf = (slide: number) => visits.filter(v => v.mounted.has(slide)).map(v => v.no)
  const mounted = [...new Set(visits.flatMap(v => [...v.mounted]))].map(slide => ({ slide, visits: visitsOf(slide) }))
  return [...seen.values()].map(({ event, clickIn }) => {
    const no = visits.length > 1 && clickIn.size === visits.length
      ? 0
      : mounted.filter(c => [...clickIn.keys()].every(v => c.visits.includes(v)))
        .sort((a, b) => a.visits.length - b.visits.length || Number(clickIn.has(b.slide)) - Number(clickIn.has(a.slide)) || a.slide - b.slide)[0]?.slide ?? 0
    return [event, no, clickIn.get(no)]
  })
}

/** A problem seen in the browser, at its source line; its message names the kind of check ("overflow: …"). */
export function seenProblem(slide: DeckSlide, finding: Finding, scheme: Scheme, click?: number): Problem {
  return { file: slide.file, line: findingLine(slide, finding), no: slide.no, check: finding.kind, message: `${finding.kind}: ${finding.message}`, click, scheme }
}

/**
 * A finding's line among the slide's own (frontmatter, body): its diagram's fence, its needle (or a
 * URL's host and path), the longest prefix (40 letters down to 6) of its text with markup and
 * spacing ignored, else the slide's first content line.
 */
function findingLine(slide: DeckSlide, f: Finding): number {
  const lines = [...slide.frontmatterLines.map((l, i) => [slide.frontmatterLine + i, l] as const), ...slide.body.split('\n').map((l, i) => [slide.contentLine + i, l] as const)]
  const find = (needle: string | undefined) => needle ? lines.find(([, l]) => l.includes(needle))?.[0] : undefined
  const url = URL.parse(f.needle ?? '')
  let line = (f.diagram !== undefined ? slide.mermaidLines[f.diagram] : undefined) ?? find(f.needle) ?? find(url ? url.host + url.pathname : undefined)
  const key = squashText(f.text ?? '').slice(0, 40)
  for (let len = key.length; !line && key.length >= 3 && len >= Math.min(key.length, 6); len = len > 6 ? Math.floor(len * 0.6) : 0)
    line = lines.find(([, l]) => squashText(l).includes(key.slice(0, len)))?.[0]
  return line ?? slide.contentLine
}
