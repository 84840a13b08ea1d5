import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { getRandomPort } from 'get-port-please'
import type { Browser, Page } from 'playwright-core'
import { x } from 'tinyexec'
import { diagramsSettled } from '../check/checks.ts'
import { assetSizes, type SizeTotals, sumSizes } from './sizes.ts'
import { own } from '../lib/cleanup.ts'
import { loadDeck } from '../lib/deck.ts'
import { serveStatic } from '../lib/static-server.ts'

const bin = (name: string) => join(process.cwd(), 'node_modules/.bin', name)
export const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`)

/** Samples in ms, one per run; the JavaScript of the last run. */
export type DeckFigures = Awaited<ReturnType<typeof benchDeck>>
type Js = Awaited<ReturnType<typeof builtSite>>['js']

async function timed(cmd: string, args: string[]): Promise<{ ms: number, out: string }> {
  const t0 = performance.now()
  const r = await x(cmd, args, { nodeOptions: { stdio: ['ignore', 'pipe', 'pipe'] } })
  if (r.exitCode !== 0)
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.exitCode}:\n${(r.stdout + r.stderr).slice(-2000)}`)
  return { ms: performance.now() - t0, out: r.stdout + r.stderr }
}

/** Cold (`--rebuild`: lint, build, render) then warm PDF export of `entry`; the warm one must reuse the build. */
export async function coldAndWarm(entry: string, out: string): Promise<{ cold: number, warm: number }> {
  const args = ['scripts/export.ts', 'pdf', '--entry', entry, '--out', out]
  const cold = await timed(bin('node'), [...args, '--rebuild'])
  const warm = await timed(bin('node'), args)
  if (!/reusing the build of [0-9a-f]{12}/.test(warm.out))
    throw new Error(`the warm export of ${entry} did not reuse the build:\n${warm.out.slice(-1500)}`)
  return { cold: cold.ms, warm: warm.ms }
}

const newPage = async (browser: Browser) => (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage()

/** Opens `url`; the page's own clock (ms from navigation start) when slide 1's title is visible. */
async function firstSlide(page: Page, url: string, timeout = 60_000): Promise<number> {
  await page.goto(url, { waitUntil: 'commit', timeout })
  await page.locator('[data-slidev-no="1"] h1, .slidev-page-1 h1').first().waitFor({ state: 'visible', timeout })
  return page.evaluate(() => new Promise<number>(r => requestAnimationFrame(() => r(performance.now()))))
}

/** Slide 1 of the built site painted; the JS under dist/assets: all shipped, requested for slide 1, and after /overview (every slide, so every diagram). */
async function builtSite(browser: Browser, dist: string, diagrams: number): Promise<{ paint: number, js: Record<'shipped' | 'loaded' | 'first', SizeTotals> }> {
  const server = await serveStatic(dist) // on a failure, closed with the process
  const page = await newPage(browser)
  const loaded = new Set<string>()
  page.on('request', (r) => {
    const m = /\/assets\/(.+)$/.exec(new URL(r.url()).pathname)
    if (m)
      loaded.add(decodeURIComponent(m[1]!))
  })
  const paint = await firstSlide(page, `${server.url}1`)
  await page.waitForLoadState('networkidle', { timeout: 120_000 })
  const first = new Set(loaded)
  await page.goto(`${server.url}overview`, { waitUntil: 'networkidle', timeout: 120_000 })
  await diagramsSettled(page, 'body', diagrams, 300_000) // each drawn, so its code requested, however slow the machine
  await page.context().close()
  await server.close()
  const js = assetSizes(join(dist, 'assets'), '.js')
  return { paint, js: { shipped: sumSizes(js), loaded: sumSizes(js, loaded), first: sumSizes(js, first) } }
}

/** ms from spawning `slidev` on a free port until slide 1's title is visible in Chromium. */
async function devFirstSlide(browser: Browser, entry: string): Promise<number> {
  const port = await getRandomPort('127.0.0.1')
  const t0 = performance.now()
  const child = spawn(bin('slidev'), [entry, '--port', String(port), '--open=false', '--log', 'error'], { stdio: 'ignore', detached: true })
  const page = await newPage(browser)
  try {
    const url = `http://localhost:${port}/1`
    while (!await fetch(url).then(r => r.ok, () => false)) {
      if (performance.now() - t0 > 120_000)
        throw new Error('the dev server did not answer within 120 s')
      await new Promise(r => setTimeout(r, 100))
    }
    await firstSlide(page, url, 120_000)
    return performance.now() - t0
  }
  finally {
    await page.context().close()
    try { process.kill(-child.pid!, 'SIGTERM') }
    catch {} // it never started, or is gone
  }
}

export async function benchDeck(name: string, entry: string, runs: number, browser: Browser, work: string, dev: boolean) {
  const { slides } = await loadDeck(entry)
  const f = { name, slides: slides.length, build: [] as number[], cold: [] as number[], warm: [] as number[], paint: [] as number[], dev: [] as number[], js: undefined as Js | undefined }
  const dist = join(work, `${name}-dist`)
  for (let i = 1; i <= runs; i++) {
    log(`${name} run ${i}/${runs}: build, PDF export cold (--rebuild) then warm, first paint${dev ? ', dev server' : ''}`)
    f.build.push((await timed(bin('node'), ['scripts/build.ts', '--entry', entry, '--out', dist, '--no-pdf'])).ms)
    const { cold, warm } = await coldAndWarm(entry, join(work, `${name}-exports`))
    const site = await builtSite(browser, dist, slides.flatMap(s => s.mermaidLines).length)
    f.cold.push(cold)
    f.warm.push(warm)
    f.paint.push(site.paint)
    f.js = site.js
    if (dev)
      f.dev.push(await devFirstSlide(browser, entry))
  }
  return f
}

/**
 * A deck of `target` slides beside the talk (git-ignored, removed on exit): the talk's headmatter
 * with its time and slide budgets raised, its chapters' `src:` stanzas repeated, the last one cut
 * with a slide range, then its references.
 */
export async function writeScaleDeck(target: number, talkEntry: string): Promise<{ entry: string, slides: number }> {
  const talk = await loadDeck(talkEntry)
  // The entry's stanzas in order, each with the number of slides it brings.
  const stanzas: { index: number, raw: string, count: number }[] = []
  for (const slide of talk.slides) {
    const { index, raw } = slide.importChain[0] ?? slide.source
    if (stanzas.at(-1)?.index !== index)
      stanzas.push({ index, raw, count: 0 })
    stanzas.at(-1)!.count++
  }
  const [head, ...rest] = stanzas
  const refs = rest.filter(s => /^src: \S*references/m.test(s.raw))
  const chapters = rest.filter(s => !refs.includes(s))
  const parts = [head!.raw.replace(/^duration:.*$/m, 'duration: 600min').replace(/^(\s+)maxSlides:.*$/m, `$1maxSlides: ${target + 10}`)]
  let n = head!.count + refs.reduce((sum, s) => sum + s.count, 0)
  for (let i = 0; n < target; i = (i + 1) % chapters.length) {
    const { raw, count } = chapters[i]!
    const take = Math.min(count, target - n)
    parts.push(take < count ? raw.replace(/^src: ([^#\s]+).*$/m, `src: $1#1-${take}`) : raw)
    n += take
  }
  const entry = join(talk.root, `preview-bench-scale-${process.pid}.md`)
  own(entry)
  writeFileSync(entry, [...parts, ...refs.map(s => s.raw)].join('\n'))
  return { entry, slides: (await loadDeck(entry)).slides.length }
}
