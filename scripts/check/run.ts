import { relative } from 'node:path'
import type { Deck, DeckSlide } from '../lib/deck'
import type { Finding } from './checks/types'
import { dedupeProblems, type Problem, type Scheme } from '../lib/problem.ts'
import type { Visit } from './visitor'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, findChromium } from '../lib/chromium'
import { attributeEvent } from './attribute'
import { checkAccessibility } from './checks/axe'
import { checkLayout } from './checks/layout'
import { checkFonts, checkImages } from './checks/media'
import { checkDiagrams } from './checks/mermaid'
import { measureTextSizes, mergeSamples, textSizeFindings } from './checks/text-size'
import type { TextSample } from './checks/text-size'
import { countWordsOnScreen, wordsFindings } from './checks/words'
import { SourceLocator } from './locate'
import { serveStatic } from '../lib/static-server.ts'
import { isReferencesSlide, readTalk, talkRulesOn } from '../lib/talk.ts'
import { visitSlides } from './visitor'

export interface CheckOptions {
  deck: Deck
  dist: string
  schemes?: Scheme[]
  /** Run axe at every click step, or only at the last one of each slide (default). */
  axeEveryStep?: boolean
  /** Only these slide numbers (default: all). */
  only?: number[]
  log?: (line: string) => void
}

/** What the room budgets measured on one slide (decks with a headmatter `talk:` block). */
export interface SlideBudget {
  no: number
  /** Words on screen at the last click step; undefined on the cover and the references. */
  words?: number
  /** Smallest text of each role over all click steps, px at 1920x1080. */
  samples: TextSample[]
}

export interface CheckResult {
  problems: Problem[]
  /** Per slide, when the deck has a `talk:` block (measured in the first scheme only). */
  budgets: SlideBudget[]
  slides: number
  steps: number
  schemes: Scheme[]
  ms: number
}

/** Serves the built deck, visits every slide at every click step in each scheme, maps findings to source lines. */
export async function checkBuiltDeck(opts: CheckOptions): Promise<CheckResult> {
  const t0 = Date.now()
  const { deck } = opts
  const log = opts.log ?? (() => {})
  // A deck that offers one scheme only (`colorSchema: dark` or `light`) is not checked in the other.
  const only = deck.headmatter.colorSchema
  const schemes = (opts.schemes ?? ['light', 'dark']).filter(s => only !== (s === 'light' ? 'dark' : 'light'))
  if (!schemes.length)
    throw new Error(`the deck is ${only} only (colorSchema: ${only}): it has no ${opts.schemes?.join('/')} scheme to check`)
  if (schemes.length < (opts.schemes?.length ?? 2))
    log(`the deck is ${only} only (colorSchema: ${only}): the ${only === 'dark' ? 'light' : 'dark'} pass is skipped`)
  const locate = new SourceLocator(deck)
  const { width, height } = deck.canvas
  const fontsDecl = (deck.headmatter.fonts ?? {}) as Record<string, unknown>
  const declared = ['sans', 'serif', 'mono'].flatMap(k => String(fontsDecl[k] ?? '').split(',')).map(s => s.trim().replace(/^["']|["']$/g, '')).filter(Boolean)
  const numbers = opts.only ?? deck.slides.map(s => s.no)
  const bySlide = new Map(deck.slides.map(s => [s.no, s]))
  // Room budgets (headmatter `talk:`): text sizes at every step, words at the last, in the first
  // scheme only (sizes and words do not change with the scheme). Sizes are given at 1920x1080.
  const talk = readTalk(deck.headmatter).budgets
  const target = Math.min(1920 / width, 1080 / height)
  const measured = new Map<number, SlideBudget>()
  const exempt = (s: DeckSlide) => (s.frontmatter.layout ?? (s.no === 1 ? 'cover' : 'default')) === 'cover' || isReferencesSlide(s.content)

  const server = await serveStatic(opts.dist)
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] })
  const problems: Problem[] = []
  let steps = 0
  try {
    for (const scheme of schemes) {
      const visits = await visitSlides(browser, {
        origin: server.origin,
        scheme,
        width,
        height,
        slides: numbers,
        offline: talkRulesOn(deck.headmatter),
        diagrams: no => bySlide.get(no)!.mermaidLines.length,
        onVisit: (no, i) => log(`checking slide ${no} (${i + 1}/${numbers.length}, ${scheme})`),
        checkStep: async ({ page, no, last }) => {
          const found: Finding[] = [
            ...await checkDiagrams(page, no, bySlide.get(no)!.mermaidLines.length),
            ...await checkLayout(page, no),
            ...await checkImages(page, no),
            ...await checkFonts(page, no, declared),
          ]
          if (last || opts.axeEveryStep)
            found.push(...await checkAccessibility(page, no))
          if (talk && scheme === schemes[0]) {
            const m = measured.get(no) ?? { no, samples: [] }
            measured.set(no, m)
            m.samples = mergeSamples(m.samples, await measureTextSizes(page, no, target))
            if (last) {
              found.push(...textSizeFindings(m.samples))
              if (!exempt(bySlide.get(no)!)) {
                m.words = await countWordsOnScreen(page, no)
                if (talk.maxWordsOnScreen)
                  found.push(...wordsFindings(m.words, talk.maxWordsOnScreen))
              }
            }
          }
          return found
        },
      })
      if (scheme === schemes[0])
        steps = visits.reduce((n, v) => n + v.clicks + 1, 0)
      problems.push(...domProblems(visits, bySlide, locate))
      problems.push(...eventProblems(visits, bySlide, locate, scheme, relative(deck.root, deck.entry)))
      const wrongScheme = visits.filter(v => v.darkClass !== (scheme === 'dark'))
      if (wrongScheme.length) {
        problems.push({
          file: relative(deck.root, deck.entry),
          line: 1,
          no: 0,
          scheme,
          check: 'dark',
          message: `dark: the browser asked for the ${scheme} scheme but <html> ${scheme === 'dark' ? 'lacks' : 'has'} the "dark" class on ${wrongScheme.length} slide(s) (headmatter colorSchema should be auto)`,
        })
      }
      const slow = visits.reduce((a, v) => a + v.ms, 0)
      log(`  ${scheme}: ${visits.length} slides in ${(slow / 1000).toFixed(1)} s`)
    }
  }
  finally {
    await browser.close()
    await server.close()
  }
  return { problems: dedupeProblems(problems), budgets: [...measured.values()], slides: numbers.length, steps, schemes, ms: Date.now() - t0 }
}

function domProblems(visits: Visit[], bySlide: Map<number, DeckSlide>, locate: SourceLocator): Problem[] {
  const out: Problem[] = []
  for (const v of visits) {
    const slide = bySlide.get(v.no)!
    for (const { click, finding } of v.findings)
      out.push(seenProblem(slide, findingLine(slide, finding, locate), finding.kind, finding.message, v.scheme, click))
  }
  return out
}

/** A problem seen in the browser: its message names the kind of check ("overflow: …"). */
export function seenProblem(slide: DeckSlide, line: number, kind: string, message: string, scheme: Scheme, click?: number): Problem {
  return { file: slide.file, line, no: slide.no, check: kind, message: `${kind}: ${message}`, click, scheme }
}

/** The source line of what an in-page check found: its diagram's fence, its needle, its text, else the slide's first content line. */
export function findingLine(slide: DeckSlide, finding: Finding, locate: SourceLocator): number {
  return (finding.diagram !== undefined ? slide.mermaidLines[finding.diagram] : undefined)
    ?? locate.find(slide, finding.needle)
    ?? locate.findText(slide, finding.text)
    ?? slide.contentLine
}

function eventProblems(visits: Visit[], bySlide: Map<number, DeckSlide>, locate: SourceLocator, scheme: Scheme, entryFile: string): Problem[] {
  const mounted = new Map(visits.map(v => [v.no, v.mounted]))
  const seen = new Map<string, { kind: string, message: string, needle?: string, visits: Set<number>, clickIn: Map<number, number> }>()
  for (const v of visits) {
    for (const e of v.events) {
      const key = `${e.kind}|${e.message}`
      let s = seen.get(key)
      if (!s)
        seen.set(key, s = { kind: e.kind, message: e.message, needle: e.needle, visits: new Set(), clickIn: new Map() })
      s.visits.add(v.no)
      if (!s.clickIn.has(v.no))
        s.clickIn.set(v.no, e.click)
    }
  }
  const out: Problem[] = []
  for (const s of seen.values()) {
    const no = attributeEvent(s.visits, mounted)
    const slide = no === undefined ? undefined : bySlide.get(no)
    const kind = s.kind === 'pageerror' ? 'console' : s.kind
    const line = slide
      ? (locate.find(slide, s.needle) ?? locate.find(slide, s.needle && safeUrlPart(s.needle)) ?? locate.findText(slide, s.message.replace(/^[^:]+:\s*/, '')) ?? slide.contentLine)
      : 1
    out.push(slide
      ? seenProblem(slide, line, kind, s.message, scheme, s.clickIn.get(slide.no))
      : { file: entryFile, line, no: 0, check: kind, message: `${kind}: ${s.message}`, scheme })
  }
  return out
}

function safeUrlPart(url: string): string | undefined {
  try {
    const u = new URL(url)
    return u.host + u.pathname
  }
  catch {
    return undefined
  }
}
