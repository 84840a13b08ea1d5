import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import MarkdownIt from 'markdown-it'
import { normalizeWhitespace, type TextMessage, type ThreadText } from '../lib/threads.ts'
import { staticAttr, tags } from './html.ts'
import { escapeRegExp, lineAt, scannable, type DeckSlide } from '../lib/deck.ts'
import type { Problem } from '../lib/problem.ts'
import type { Message, SourceRecord, Thread } from '../../sources/schema.ts'

/** The tags that cite the source registry (sources/), and the attribute that names the ids. */
const CITING = new Map<string, 'from' | 'refs'>([['MailQuote', 'from'], ['mail-quote', 'from'], ['SourceNote', 'refs'], ['source-note', 'refs']])

/** The registry's entries, and its folder (to name its files in problems). */
export interface Registry { threads: Thread[], messages: Message[], records: SourceRecord[], dir: string }

/** Loads `<root>/sources/index.ts`; undefined when the deck has no registry. */
export async function loadRegistry(root: string): Promise<Registry | undefined> {
  const dir = join(root, 'sources')
  if (!existsSync(join(dir, 'index.ts')))
    return undefined
  const mod = await import(pathToFileURL(join(dir, 'index.ts')).href) as Partial<Registry>
  return { threads: mod.threads ?? [], messages: mod.messages ?? [], records: mod.records ?? [], dir }
}

/** Every registry id cited in some markdown, outside comments and code, in order, with the attribute that names it and its offset. */
function cited(markdown: string) {
  return tags(scannable(markdown)).flatMap((tag) => {
    const attr = tag.closing ? undefined : CITING.get(tag.name)
    if (!attr)
      return []
    const at = tag.attrOffsets.get(attr) ?? tag.attrOffsets.get(`:${attr}`) ?? tag.start
    return (staticAttr(tag, attr) ?? '').split(/[\s,]+/).filter(Boolean).map(id => ({ id, attr, tag: tag.name, at }))
  })
}

/** Registry ids cited in a markdown file's text, in order of appearance (for the references). */
export const citedIdsInText = (markdown: string): string[] => cited(markdown).map(c => c.id)

/** Every registry id a slide cites, with the file line of the attribute. */
export const citations = (slide: DeckSlide) => cited(slide.body).map(c => ({ ...c, line: lineAt(slide, c.at) }))

const { unescapeAll } = new MarkdownIt().utils

/** Every `<MailQuote …>text</MailQuote>` of a slide outside comments and code: its text as markdown renders it, the lines of the text and of the tag. */
export function quotations(slide: DeckSlide) {
  const all = tags(scannable(slide.body))
  return all.flatMap((tag, i) => {
    if (tag.closing || CITING.get(tag.name) !== 'from')
      return []
    const close = tag.selfClosing ? undefined : all.slice(i + 1).find(t => t.closing && t.name === tag.name)
    const slot = close ? slide.body.slice(tag.end, close.start) : ''
    const line = lineAt(slide, tag.end + slot.length - slot.trimStart().length) // where the words start
    return [{ from: staticAttr(tag, 'from'), text: unescapeAll(slot), line, tagLine: lineAt(slide, tag.start), closed: tag.selfClosing || !!close }]
  })
}

/** "“But there is a couple hundred…”": the first (or with `last`, the last) words of a quotation. */
export function firstWords(text: string, n = 6, last = false): string {
  const words = normalizeWhitespace(text).split(' ')
  const more = words.length > n ? '…' : ''
  return last ? `“${more}${words.slice(-n).join(' ')}”` : `“${words.slice(0, n).join(' ')}${more}”`
}

/** The n-th call for an id gives the file line of its n-th `id: '<id>'` in sources/ (duplicates point at each copy). */
function registryLocator(dir: string, root: string): (id: string) => { file: string, line: number } {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.ts')).sort()
    .map(f => ({ file: relative(root, join(dir, f)), lines: readFileSync(join(dir, f), 'utf8').split('\n') }))
  const seen = new Map<string, number>()
  return (id) => {
    const n = seen.get(id) ?? 0
    seen.set(id, n + 1)
    const re = new RegExp(`\\bid:\\s*['"\`]${escapeRegExp(id)}['"\`]`)
    const defs = files.flatMap(t => t.lines.flatMap((l, i) => re.test(l) ? [{ file: t.file, line: i + 1 }] : []))
    return defs[n] ?? { file: relative(root, join(dir, 'index.ts')), line: 1 }
  }
}

/**
 * Every cited id is known, every registry entry is cited (`citedElsewhere`: ids a cut of the talk
 * counts as cited), and with the thread `texts` each quotation is its sender's words verbatim.
 */
export function checkSources(slides: DeckSlide[], reg: Registry | undefined, opts: { texts?: Map<string, ThreadText>, root: string, citedElsewhere?: Iterable<string> }): Problem[] {
  const out: Problem[] = []
  const cites = slides.flatMap(s => citations(s).map(c => ({ ...c, slide: s })))
  const quotes = slides.flatMap(s => quotations(s).map(q => ({ ...q, slide: s })))
  if (!reg) {
    const c = cites[0] ?? quotes[0]
    return c ? [{ file: c.slide.file, line: 'tagLine' in c ? c.tagLine : c.line, no: c.slide.no, check: 'sources', message: 'this slide cites the source registry, but the deck has no sources/index.ts' }] : []
  }
  const locate = registryLocator(reg.dir, opts.root)
  const regProblem = (id: string, message: string) => out.push({ ...locate(id), no: 0, check: 'sources', message })

  // Duplicate ids, across threads, messages and records; and (below) entries cited by no slide.
  const entries = [['thread', reg.threads, 'cite one of its messages, or remove it'], ['message', reg.messages, 'remove it, or cite it'], ['record', reg.records, 'remove it, or cite it in a <SourceNote refs>']] as const
  const kinds = new Map<string, string>()
  for (const [kind, list] of entries) {
    for (const e of list) {
      const before = kinds.get(e.id)
      if (before)
        regProblem(e.id, `duplicate id "${e.id}" (already a ${before})`)
      else kinds.set(e.id, kind)
    }
  }
  const threads = new Map(reg.threads.map(t => [t.id, t]))
  const messages = new Map(reg.messages.map(m => [m.id, m]))
  for (const m of reg.messages) {
    if (!threads.has(m.thread))
      regProblem(m.id, `message "${m.id}" names unknown thread "${m.thread}"`)
    if (m.quotedIn && messages.get(m.quotedIn)?.thread !== m.thread)
      regProblem(m.id, `message "${m.id}": quotedIn "${m.quotedIn}" is not a message of thread "${m.thread}"`)
  }

  for (const c of cites) {
    if (!(c.attr === 'from' ? messages.has(c.id) : kinds.has(c.id)))
      out.push({ file: c.slide.file, line: c.line, no: c.slide.no, check: 'sources', message: `<${c.tag} ${c.attr}="${c.id}">: unknown ${c.attr === 'refs' ? 'thread, message or record' : 'message'} id "${c.id}" (not in sources/)` })
  }

  // Entries no slide cites. A thread is cited through its messages; a message through the
  // quotation it carries (quotedIn).
  const cited = new Set([...cites.map(c => c.id), ...opts.citedElsewhere ?? []])
  for (const m of [...cited].map(id => messages.get(id)))
    [m?.thread, m?.quotedIn].forEach(id => id && cited.add(id))
  for (const [kind, list, fix] of entries) {
    for (const e of list.filter(e => !cited.has(e.id))) regProblem(e.id, `${kind} "${e.id}" is cited by no slide (${fix})`)
  }

  for (const q of quotes) {
    const words = normalizeWhitespace(q.text)
    const m = q.from?.trim() && messages.get(q.from.trim())
    const t = m && threads.get(m.thread)
    const tagProblem = !q.from?.trim()
      ? '<MailQuote> lacks from="message-id" (the message in sources/messages.ts)'
      : !q.closed ? '<MailQuote> is not closed with </MailQuote>' : !words ? '<MailQuote> has no quotation text' : undefined
    // Unknown ids are reported above; without the texts nothing more can be checked.
    const message = tagProblem ?? (m && t && opts.texts ? quotationProblem(words, m, t, messages, opts.texts) : undefined)
    if (message)
      out.push({ file: q.slide.file, line: tagProblem ? q.tagLine : q.line, no: q.slide.no, check: 'quotes', message })
  }
  return out
}

/** Why the words quoted from message `m` are not its sender's as thread `t`'s text shows them. */
function quotationProblem(words: string, m: Message, t: Thread, messages: Map<string, Message>, texts: Map<string, ThreadText>): string | undefined {
  const text = texts.get(t.text)
  const quote = firstWords(words)
  if (!text)
    return `cannot check quotation ${quote}: the text of thread "${t.id}" (${t.text}) is not in the threads folder`
  if (!text.flat.includes(words)) {
    let n = words.length // the longest start of the quotation that the thread has
    while (n && !text.flat.includes(words.slice(0, n))) n--
    const pre = words.slice(0, n)
    return `quotation not found verbatim in thread "${t.id}": ${quote}${pre.trim() ? `; it matches up to ${firstWords(pre, 6, true)}, then differs` : ''}`
  }
  const find = (id: string): TextMessage | undefined => text.messages.find(x => x.date === messages.get(id)?.textAt)
  const owners = text.messages.filter(x => x.own.includes(words)).map(x => `${x.sender || 'the message'} (${x.date})`)
  const whose = owners.length ? `; the thread shows them as written by ${owners.join(', ')}` : '; the thread shows them only as quoted'
  if (m.textAt) {
    const own = find(m.id)
    if (!own)
      return `cannot check quotation ${quote}: no message dated "${m.textAt}" in thread "${t.id}" (textAt of "${m.id}")`
    return own.own.includes(words) ? undefined : `quotation ${quote} is not ${m.author}'s own words in "${m.id}"${whose}`
  }
  if (m.quotedIn) {
    const via = find(m.quotedIn)
    if (!via)
      return `cannot check quotation ${quote}: "${m.quotedIn}" (quotedIn of "${m.id}") is not found in thread "${t.id}"`
    return via.all.includes(words) && !via.own.includes(words) ? undefined : `quotation ${quote} is not quoted in "${m.quotedIn}" (${messages.get(m.quotedIn)?.author ?? ''}), through which ${m.author}'s words reached the thread${whose}`
  }
  return text.messages.some(x => x.quoted.includes(words)) ? undefined : `quotation ${quote}: "${m.id}" is not in the thread text, and no message there quotes these words${whose}`
}
