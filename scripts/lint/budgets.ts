import { CLICK_MARKER, countWords, isPlaceholderUrl, isReferencesSlide, minutes, readTalk } from '../lib/talk.ts'
import { firstWords, quotations } from './sources.ts'
import { frontmatterKeyLine, heading, lineAt, type DeckSlide } from '../lib/deck.ts'
import type { Problem } from '../lib/problem.ts'

/** Spoken words of a note: `[click]` and `[click:N]` markers removed. */
export function spokenWords(note: string | undefined): number {
  return countWords((note ?? '').replace(CLICK_MARKER, ' '))
}

/** A slide's spoken words, as every timing counts them (the lint's table, the presenter's plan): the references slide is not spoken. */
export const slideWords = (s: Pick<DeckSlide, 'content' | 'note'>) => isReferencesSlide(s.content) ? 0 : spokenWords(s.note)

/** Spoken words per chapter (the `src:` file the slides come from), in deck order; the references slide is not spoken. */
export function chapterTimes(slides: DeckSlide[]): { file: string, slides: number, words: number }[] {
  return [...new Set(slides.map(s => s.file))].map((file) => {
    const of = slides.filter(s => s.file === file)
    return { file, slides: of.length, words: of.reduce((n, s) => n + slideWords(s), 0) }
  })
}

const fmt = (n: number) => n.toLocaleString('en-US')
const mins = (words: number, wpm: number) => (words / wpm).toFixed(1)

/** The room budgets that need no browser: spoken time against the slot (and its table per chapter), slides, quotations per slide. */
export function checkBudgets(slides: DeckSlide[], headmatter: Record<string, unknown>): { problems: Problem[], report: string[] } {
  const first = slides[0]!
  const { budgets: b, errors } = readTalk(headmatter)
  const problems: Problem[] = errors.map(e => ({ file: first.file, line: frontmatterKeyLine(first, e.key), no: first.no, check: 'budgets', message: e.message }))
  const add = (s: DeckSlide, line: number, message: string) => problems.push({ file: s.file, line, no: s.no, check: 'budgets', message })
  const report = b?.url && isPlaceholderUrl(b.url) ? [`note: talk.url is a placeholder (${b.url}): set the address where you publish the slides before the talk (the closing slide's QR code encodes it)`] : []
  if (!b)
    return { problems, report }

  const wpm = b.wordsPerMinute
  if (wpm) {
    const chapters = chapterTimes(slides)
    const slot = b.duration - b.questions
    const budget = Math.floor(slot / 60 * wpm)
    const total = chapters.reduce((n, c) => n + c.words, 0)
    const label = (file: string) => file === first.file ? `opening (${file})` : file
    const width = Math.max(...chapters.map(c => label(c.file).length), 5)
    const row = (name: string, n: number, words: number) => `time: ${name.padEnd(width)} ${String(n).padStart(3)} slides ${fmt(words).padStart(6)} words ${mins(words, wpm).padStart(5)} min`
    const of = `${minutes(slot)} (duration ${minutes(b.duration)} - questions ${minutes(b.questions)})`
    report.push(...chapters.map(c => row(label(c.file), c.slides, c.words)))
    report.push(`${row('total', slides.length, total)} of ${of} at ${wpm} words/min = ${fmt(budget)} words: ${total <= budget ? `fits, ${fmt(budget - total)} words to spare` : `over by ${fmt(total - budget)} words`}`)
    if (total > budget) {
      // Named at the notes (the slide's last `<!--`) where the slot runs out.
      let sum = 0
      const s = slides.find(s => (sum += slideWords(s)) > budget) ?? first
      const notes = s.body.lastIndexOf('<!--')
      add(s, notes >= 0 ? lineAt(s, notes) : s.line, `spoken time over the slot: ${fmt(total)} words = ${mins(total, wpm)} min at ${wpm} words/min, the slot is ${of} = ${fmt(budget)} words; the slot runs out in these notes; cut ${fmt(total - budget)} words`)
    }
  }

  const s = b.maxSlides ? slides[b.maxSlides] : undefined
  if (s)
    add(s, heading(s)?.line ?? s.contentLine, `too many slides: ${slides.length}, budget ${b.maxSlides}; this one${s.title ? ` ("${s.title}")` : ''} is the first over, cut ${slides.length - b.maxSlides!}`)

  for (const s of b.maxQuotesPerSlide ? slides : []) {
    const qs = quotations(s)
    const over = qs[b.maxQuotesPerSlide!]
    if (over)
      add(s, over.tagLine, `too many quotations on one slide: ${qs.length} <MailQuote>, budget ${b.maxQuotesPerSlide}; this one ${firstWords(over.text)} is the first over`)
  }
  return { problems, report }
}
