import { findQuote, normalizeWhitespace } from '../seeds.ts'
import type { Seed } from '../seeds.ts'
import { decodeEntities, tags } from './html.ts'
import { lineAt, scannable } from './source.ts'
import type { LintSlide } from './source.ts'
import type { Problem } from './types.ts'

/** The quotation component and the attributes it must carry (see components/MailQuote.vue). */
export const QUOTE_TAG = 'MailQuote'
// `subject` is optional: the 2008 thread's archived copy has none, and the card says so.
export const QUOTE_REQUIRED_ATTRS = ['author', 'list', 'date']

export interface Quotation {
  /** The slot text as written (entities decoded). */
  text: string
  /** File line where the quotation text starts. */
  line: number
  /** File line of `<MailQuote`. */
  tagLine: number
  attrs: Map<string, string | undefined>
  selfClosing: boolean
  closed: boolean
}

/** Every `<MailQuote …>text</MailQuote>` on a slide (commented-out and code-block ones excluded). */
export function quotations(slide: LintSlide): Quotation[] {
  const text = scannable(slide.body)
  const all = tags(text)
  const out: Quotation[] = []
  for (const [i, tag] of all.entries()) {
    if (tag.closing || (tag.name !== QUOTE_TAG && tag.name !== 'mail-quote'))
      continue
    const close = tag.selfClosing ? undefined : all.slice(i + 1).find(t => t.closing && t.name === tag.name)
    const slot = close ? slide.body.slice(tag.end, close.start) : ''
    const lead = slot.length - slot.trimStart().length
    out.push({
      text: decodeEntities(slot),
      line: lineAt(slide, tag.end + lead),
      tagLine: lineAt(slide, tag.start),
      attrs: tag.attrs,
      selfClosing: tag.selfClosing,
      closed: !!close,
    })
  }
  return out
}

/** "“But there is a couple hundred…”": the first words of a quotation, for messages. */
export function firstWords(text: string, n = 6): string {
  const words = normalizeWhitespace(text).split(' ')
  return `“${words.slice(0, n).join(' ')}${words.length > n ? '…' : ''}”`
}

/** "…the last words that matched": the end of the part of a misquote that is in a seed. */
function lastWords(text: string, n = 6): string {
  const words = normalizeWhitespace(text).split(' ')
  return `“${words.length > n ? '…' : ''}${words.slice(-n).join(' ')}”`
}

/**
 * Every quotation is verbatim from a seed thread (whitespace-normalised; HTML entities such
 * as &quot; are decoded first, nothing else is normalised), and carries its attribution.
 * `seeds` is an Error when the seed threads could not be read: each quotation then reports it.
 */
export function checkQuotes(slides: LintSlide[], seeds: Seed[] | Error, seedsLabel: string): Problem[] {
  const out: Problem[] = []
  for (const s of slides) {
    for (const q of quotations(s)) {
      const add = (line: number, message: string) => out.push({ file: s.file, line, no: s.no, check: 'quotes', message })
      const missing = QUOTE_REQUIRED_ATTRS.filter(a =>
        !(q.attrs.get(a)?.trim() || q.attrs.has(`:${a}`) || q.attrs.has(`v-bind:${a}`)))
      if (missing.length)
        add(q.tagLine, `<${QUOTE_TAG}> lacks ${missing.map(a => `${a}=`).join(', ')} (required: ${QUOTE_REQUIRED_ATTRS.join(', ')})`)
      if (q.selfClosing || !q.closed) {
        add(q.tagLine, q.selfClosing ? `<${QUOTE_TAG}> has no quotation text` : `<${QUOTE_TAG}> is not closed with </${QUOTE_TAG}>`)
        continue
      }
      if (!normalizeWhitespace(q.text)) {
        add(q.tagLine, `<${QUOTE_TAG}> has no quotation text`)
        continue
      }
      if (seeds instanceof Error) {
        add(q.line, `cannot check quotation ${firstWords(q.text)}: ${seeds.message}`)
        continue
      }
      const match = findQuote(seeds, q.text)
      if (!match.found) {
        const where = match.matchedPrefix.trim()
          ? `; it matches up to ${lastWords(match.matchedPrefix)}, then differs`
          : ''
        add(q.line, `quotation not found verbatim in ${seedsLabel}: ${firstWords(q.text)}${where}`)
      }
    }
  }
  return out
}
