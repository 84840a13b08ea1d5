import { countWords, isPlaceholderUrl, isReferencesSlide, minutes, readTalk } from '../lib/talk.ts'
import type { TalkBudgets } from '../lib/talk.ts'
import { firstWords, quotations } from './sources.ts'
import { frontmatterKeyLine, lineAt, type DeckSlide } from '../lib/deck.ts'
import type { Problem } from '../lib/problem.ts'

/** Spoken words of a note: `[click]` and `[click:N]` markers and HTML comments markup removed. */
export function spokenWords(note: string | undefined): number {
  return countWords((note ?? '').replace(/\[click(?::\s*[+-]?\d+)?\]/gi, ' '))
}

export interface ChapterTime {
  /** The `src:` file the slides come from; the entry's own slides are the opening. */
  file: string
  slides: number
  words: number
}

/** Spoken words per chapter (file), in deck order; the references slide is not spoken. */
export function chapterTimes(slides: DeckSlide[]): ChapterTime[] {
  const out: ChapterTime[] = []
  for (const s of slides) {
    let c = out.find(x => x.file === s.file)
    if (!c)
      out.push(c = { file: s.file, slides: 0, words: 0 })
    c.slides++
    if (!isReferencesSlide(s.body))
      c.words += spokenWords(s.note)
  }
  return out
}

/** File line where a slide's notes begin (its last `<!--`), else its first line. */
function noteLine(s: DeckSlide): number {
  const at = s.body.lastIndexOf('<!--')
  return at >= 0 ? lineAt(s, at) : s.line
}

const fmt = (n: number) => n.toLocaleString('en-US')
const mins = (words: number, wpm: number) => (words / wpm).toFixed(1)

/** The timing table `npm run lint` prints (one line each, prefixed "time: "). */
export function timeReport(chapters: ChapterTime[], b: TalkBudgets, entry: string): string[] {
  const wpm = b.wordsPerMinute!
  const width = Math.max(...chapters.map(c => label(c, entry).length), 5)
  const rows = chapters.map(c => `time: ${label(c, entry).padEnd(width)} ${String(c.slides).padStart(3)} slides ${fmt(c.words).padStart(6)} words ${mins(c.words, wpm).padStart(5)} min`)
  const words = chapters.reduce((n, c) => n + c.words, 0)
  const slot = b.duration - b.questions
  const budget = Math.floor(slot / 60 * wpm)
  const verdict = words <= budget ? `fits, ${fmt(budget - words)} words to spare` : `over by ${fmt(words - budget)} words`
  rows.push(`time: ${'total'.padEnd(width)} ${String(chapters.reduce((n, c) => n + c.slides, 0)).padStart(3)} slides ${fmt(words).padStart(6)} words ${mins(words, wpm).padStart(5)} min of ${minutes(slot)} (duration ${minutes(b.duration)} - questions ${minutes(b.questions)}) at ${wpm} words/min = ${fmt(budget)} words: ${verdict}`)
  return rows
}

function label(c: ChapterTime, entry: string): string {
  return c.file === entry ? `opening (${c.file})` : c.file
}

export interface BudgetResult {
  problems: Problem[]
  /** Lines to print before the problems (the timing table), empty without `talk:` or wordsPerMinute. */
  report: string[]
}

/**
 * The room budgets that need no browser, on when the headmatter has a `talk:` block: spoken
 * time against the slot, the number of slides, quotations per slide.
 */
export function checkBudgets(slides: DeckSlide[], headmatter: Record<string, unknown>): BudgetResult {
  const first = slides[0]
  const { budgets: b, errors } = readTalk(headmatter)
  if (!first)
    return { problems: [], report: [] }
  const problems: Problem[] = errors.map(e => ({ file: first.file, line: frontmatterKeyLine(first, e.key), no: first.no, check: 'budgets', message: e.message }))
  if (!b)
    return { problems, report: [] }
  const add = (s: DeckSlide, line: number, message: string) => problems.push({ file: s.file, line, no: s.no, check: 'budgets', message })
  const report: string[] = []
  if (b.url && isPlaceholderUrl(b.url))
    report.push(`note: talk.url is a placeholder (${b.url}): set the address where you publish the slides before the talk (the closing slide's QR code encodes it)`)

  if (b.wordsPerMinute) {
    const chapters = chapterTimes(slides)
    report.push(...timeReport(chapters, b, first.file))
    const slot = b.duration - b.questions
    const budget = Math.floor(slot / 60 * b.wordsPerMinute)
    const total = chapters.reduce((n, c) => n + c.words, 0)
    if (total > budget) {
      // Named at the notes where the slot runs out.
      let sum = 0
      const out = slides.find(s => !isReferencesSlide(s.body) && (sum += spokenWords(s.note)) > budget) ?? first
      add(out, noteLine(out), `spoken time over the slot: ${fmt(total)} words = ${mins(total, b.wordsPerMinute)} min at ${b.wordsPerMinute} words/min, the slot is ${minutes(slot)} (duration ${minutes(b.duration)} - questions ${minutes(b.questions)}) = ${fmt(budget)} words; the slot runs out in these notes; cut ${fmt(total - budget)} words`)
    }
  }

  if (b.maxSlides && slides.length > b.maxSlides) {
    const s = slides[b.maxSlides]!
    const title = /^#\s/m.exec(s.body)
    add(s, title ? lineAt(s, title.index) : s.contentLine, `too many slides: ${slides.length}, budget ${b.maxSlides}; this one${s.title ? ` ("${s.title}")` : ''} is the first over, cut ${slides.length - b.maxSlides}`)
  }

  if (b.maxQuotesPerSlide) {
    for (const s of slides) {
      const qs = quotations(s)
      const over = qs[b.maxQuotesPerSlide]
      if (over)
        add(s, over.tagLine, `too many quotations on one slide: ${qs.length} <MailQuote>, budget ${b.maxQuotesPerSlide}; this one ${firstWords(over.text)} is the first over`)
    }
  }
  return { problems, report }
}
