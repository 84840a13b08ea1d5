import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { normalizeWhitespace } from '../lib/threads.ts'
import type { TextMessage, ThreadText } from '../lib/threads.ts'
import { decodeEntities, staticAttr, tags } from './html.ts'
import { escapeRegExp, lineAt, scannable, type DeckSlide } from '../lib/deck.ts'
import type { Problem } from '../lib/problem.ts'
import type { Message, SourceRecord, Thread } from '../../sources/schema.ts'

/**
 * Citations of the source registry (sources/): `<MailQuote from>`, `<SourceNote refs>`,
 * `<ClaimCheck by refs>`. Checks that every id is known, that every registry entry is cited,
 * and (when the thread texts are at hand) that each quotation's words are in its thread and
 * were written by the message's sender.
 */

export const QUOTE_TAGS = new Set(['MailQuote', 'mail-quote'])
const NOTE_TAGS = new Set(['SourceNote', 'source-note'])
const CLAIM_TAGS = new Set(['ClaimCheck', 'claim-check'])

export interface Registry {
  threads: Thread[]
  messages: Message[]
  records: SourceRecord[]
  /** Folder of the registry, to name its files in problems. */
  dir: string
}

/** Loads `<root>/sources/index.ts`; undefined when the deck has no registry. */
export async function loadRegistry(root: string): Promise<Registry | undefined> {
  const dir = join(root, 'sources')
  const index = join(dir, 'index.ts')
  if (!existsSync(index))
    return undefined
  const mod = await import(pathToFileURL(index).href) as Partial<Registry>
  return { threads: mod.threads ?? [], messages: mod.messages ?? [], records: mod.records ?? [], dir }
}

export interface Citation {
  id: string
  /** The attribute that names it. */
  attr: 'from' | 'refs' | 'by'
  tag: string
  line: number
}

/** Whether a `by` value is an id (kebab-case, no spaces) rather than plain text. */
export function looksLikeId(v: string): boolean {
  return /^[a-z0-9]+(?:[-.][a-z0-9]+)+$/.test(v.trim())
}

/** Every registry id a slide cites, with the line of the attribute. */
export function citations(slide: DeckSlide): Citation[] {
  const text = scannable(slide.body)
  const out: Citation[] = []
  for (const tag of tags(text)) {
    if (tag.closing)
      continue
    const add = (attr: Citation['attr'], ids: string[]) => {
      const at = tag.attrOffsets.get(attr) ?? tag.attrOffsets.get(`:${attr}`) ?? tag.start
      for (const id of ids) out.push({ id, attr, tag: tag.name, line: lineAt(slide, at) })
    }
    const split = (v: string | undefined) => (v ?? '').split(/[\s,]+/).filter(Boolean)
    if (QUOTE_TAGS.has(tag.name))
      add('from', split(staticAttr(tag, 'from')))
    if (NOTE_TAGS.has(tag.name) || CLAIM_TAGS.has(tag.name))
      add('refs', split(staticAttr(tag, 'refs')))
    if (CLAIM_TAGS.has(tag.name)) {
      const by = staticAttr(tag, 'by')
      if (by && looksLikeId(by))
        add('by', [by.trim()])
    }
  }
  return out
}

/** Registry ids cited in a markdown file's text, in order of appearance (for the references). */
export function citedIdsInText(markdown: string): string[] {
  const out: string[] = []
  const split = (v: string | undefined) => (v ?? '').split(/[\s,]+/).filter(Boolean)
  for (const tag of tags(scannable(markdown))) {
    if (tag.closing)
      continue
    if (QUOTE_TAGS.has(tag.name))
      out.push(...split(staticAttr(tag, 'from')))
    if (NOTE_TAGS.has(tag.name) || CLAIM_TAGS.has(tag.name))
      out.push(...split(staticAttr(tag, 'refs')))
    const by = CLAIM_TAGS.has(tag.name) ? staticAttr(tag, 'by') : undefined
    if (by && looksLikeId(by))
      out.push(by.trim())
  }
  return out
}

export interface Quotation {
  from: string | undefined
  /** The slot text (entities decoded). */
  text: string
  /** File line where the quotation text starts. */
  line: number
  /** File line of `<MailQuote`. */
  tagLine: number
  selfClosing: boolean
  closed: boolean
}

/** Every `<MailQuote …>text</MailQuote>` on a slide (commented-out and code-block ones excluded). */
export function quotations(slide: DeckSlide): Quotation[] {
  const text = scannable(slide.body)
  const all = tags(text)
  const out: Quotation[] = []
  for (const [i, tag] of all.entries()) {
    if (tag.closing || !QUOTE_TAGS.has(tag.name))
      continue
    const close = tag.selfClosing ? undefined : all.slice(i + 1).find(t => t.closing && t.name === tag.name)
    const slot = close ? slide.body.slice(tag.end, close.start) : ''
    const lead = slot.length - slot.trimStart().length
    out.push({
      from: staticAttr(tag, 'from'),
      text: decodeEntities(slot),
      line: lineAt(slide, tag.end + lead),
      tagLine: lineAt(slide, tag.start),
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

function lastWords(text: string, n = 6): string {
  const words = normalizeWhitespace(text).split(' ')
  return `“${words.length > n ? '…' : ''}${words.slice(-n).join(' ')}”`
}

/** The longest start of `q` found in `hay` ('' if not even the first character). */
function matchedPrefix(hay: string, q: string): string {
  let lo = 0
  let hi = q.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (hay.includes(q.slice(0, mid)))
      lo = mid
    else hi = mid - 1
  }
  return q.slice(0, lo)
}

/** Line of `id: '<id>'` in the registry's files (sources/*.ts, sources/records/*.ts). */
function registryLocator(reg: Registry, root: string): (id: string) => { file: string, line: number } {
  const files: string[] = []
  const walk = (d: string) => {
    if (!existsSync(d))
      return
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory())
        walk(join(d, e.name))
      else if (e.name.endsWith('.ts'))
        files.push(join(d, e.name))
    }
  }
  walk(reg.dir)
  // A registry may re-export entries from elsewhere (fixture decks do): look there too.
  const index = join(reg.dir, 'index.ts')
  for (const m of existsSync(index) ? readFileSync(index, 'utf8').matchAll(/from\s+['"](\.{1,2}\/[^'"]+)['"]/g) : []) {
    const target = join(reg.dir, m[1]!)
    const dir = target.endsWith('.ts') ? dirname(target) : target
    if (!dir.startsWith(reg.dir) && existsSync(dir))
      for (const f of readdirSync(dir)) if (f.endsWith('.ts') && !files.includes(join(dir, f))) files.push(join(dir, f))
  }
  const texts = files.sort().map(f => ({ file: relative(root, f), lines: readFileSync(f, 'utf8').split('\n') }))
  const seen = new Map<string, number>()
  return (id) => {
    // The n-th call for the same id finds its n-th definition (duplicates point at each copy).
    const n = seen.get(id) ?? 0
    seen.set(id, n + 1)
    const re = new RegExp(`\\bid:\\s*['"\`]${escapeRegExp(id)}['"\`]`)
    let k = 0
    for (const t of texts) {
      for (const [i, l] of t.lines.entries()) {
        if (re.test(l) && k++ === n)
          return { file: t.file, line: i + 1 }
      }
    }
    return { file: relative(root, join(reg.dir, 'index.ts')), line: 1 }
  }
}

export interface SourcesCheckOptions {
  /** Thread texts by file name; undefined when the folder is absent (quotations go unchecked). */
  texts: Map<string, ThreadText> | undefined
  /** Deck root, to name registry files relative to it. */
  root: string
  /**
   * Ids cited outside this deck that count as cited for the "cited by no slide" rule: a cut of the
   * talk (slides-10min.md) shares the registry with slides.md and cites only part of it.
   */
  citedElsewhere?: Iterable<string>
}

/** Problems with the registry's citations and the quotations' words. `no: 0` marks a registry problem. */
export function checkSources(slides: DeckSlide[], reg: Registry | undefined, opts: SourcesCheckOptions): Problem[] {
  const out: Problem[] = []
  const cites = slides.flatMap(s => citations(s).map(c => ({ ...c, slide: s })))
  const quotes = slides.flatMap(s => quotations(s).map(q => ({ ...q, slide: s })))
  if (!reg) {
    const first = cites[0] ?? quotes[0]
    if (first)
      out.push({ file: first.slide.file, line: 'tagLine' in first ? first.tagLine : first.line, no: first.slide.no, check: 'sources', message: 'this slide cites the source registry, but the deck has no sources/index.ts' })
    return out
  }
  const locate = registryLocator(reg, opts.root)
  const regProblem = (id: string, message: string) => {
    const at = locate(id)
    out.push({ file: at.file, line: at.line, no: 0, check: 'sources', message })
  }

  // Duplicate ids, across threads, messages and records.
  const kinds = new Map<string, string>()
  for (const [kind, list] of [['thread', reg.threads], ['message', reg.messages], ['record', reg.records]] as const) {
    for (const e of list) {
      const before = kinds.get(e.id)
      if (before)
        regProblem(e.id, `duplicate id "${e.id}" (already a ${before})`)
      else kinds.set(e.id, kind)
    }
  }
  const threads = new Map(reg.threads.map(t => [t.id, t]))
  const messages = new Map(reg.messages.map(m => [m.id, m]))
  const records = new Map(reg.records.map(r => [r.id, r]))
  for (const m of reg.messages) {
    if (!threads.has(m.thread))
      regProblem(m.id, `message "${m.id}" names unknown thread "${m.thread}"`)
    if (m.quotedIn && messages.get(m.quotedIn)?.thread !== m.thread)
      regProblem(m.id, `message "${m.id}": quotedIn "${m.quotedIn}" is not a message of thread "${m.thread}"`)
  }

  // Unknown ids.
  for (const c of cites) {
    const ok = c.attr === 'from' || c.attr === 'by' ? messages.has(c.id) : kinds.has(c.id)
    if (!ok) {
      const what = c.attr === 'refs' ? 'thread, message or record' : 'message'
      out.push({ file: c.slide.file, line: c.line, no: c.slide.no, check: 'sources', message: `<${c.tag} ${c.attr}="${c.id}">: unknown ${what} id "${c.id}" (not in sources/)` })
    }
  }

  // Entries no slide cites. A thread is cited through its messages; a message through the
  // quotation it carries (quotedIn).
  const cited = new Set([...cites.map(c => c.id), ...opts.citedElsewhere ?? []])
  for (const id of [...cited]) {
    const m = messages.get(id)
    if (m) {
      cited.add(m.thread)
      if (m.quotedIn)
        cited.add(m.quotedIn)
    }
  }
  for (const t of reg.threads) if (!cited.has(t.id)) regProblem(t.id, `thread "${t.id}" is cited by no slide (cite one of its messages, or remove it)`)
  for (const m of reg.messages) if (!cited.has(m.id)) regProblem(m.id, `message "${m.id}" is cited by no slide (remove it, or cite it)`)
  for (const r of reg.records) if (!cited.has(r.id)) regProblem(r.id, `record "${r.id}" is cited by no slide (remove it, or cite it in a <SourceNote refs>)`)

  // Quotations.
  for (const q of quotes) {
    const add = (line: number, message: string) => out.push({ file: q.slide.file, line, no: q.slide.no, check: 'quotes', message })
    if (!q.from?.trim()) {
      add(q.tagLine, '<MailQuote> lacks from="message-id" (the message in sources/messages.ts)')
      continue
    }
    if (q.selfClosing || !q.closed) {
      add(q.tagLine, q.selfClosing ? '<MailQuote> has no quotation text' : '<MailQuote> is not closed with </MailQuote>')
      continue
    }
    const words = normalizeWhitespace(q.text)
    if (!words) {
      add(q.tagLine, '<MailQuote> has no quotation text')
      continue
    }
    const m = messages.get(q.from.trim())
    const t = m && threads.get(m.thread)
    if (!m || !t || !opts.texts)
      continue // unknown ids are reported above; without the texts nothing more can be checked
    const text = opts.texts.get(t.text)
    if (!text) {
      add(q.line, `cannot check quotation ${firstWords(words)}: the text of thread "${t.id}" (${t.text}) is not in the threads folder`)
      continue
    }
    if (!text.flat.includes(words)) {
      const pre = matchedPrefix(text.flat, words)
      add(q.line, `quotation not found verbatim in thread "${t.id}": ${firstWords(words)}${pre.trim() ? `; it matches up to ${lastWords(pre)}, then differs` : ''}`)
      continue
    }
    const find = (id: string): TextMessage | undefined => {
      const at = messages.get(id)?.textAt
      return at ? text.messages.find(x => x.date === at) : undefined
    }
    const owners = text.messages.filter(x => x.own.includes(words)).map(x => `${x.sender || 'the message'} (${x.date})`)
    const whose = owners.length ? `; the thread shows them as written by ${owners.join(', ')}` : '; the thread shows them only as quoted'
    if (m.textAt) {
      const own = find(m.id)
      if (!own) {
        add(q.line, `cannot check quotation ${firstWords(words)}: no message dated "${m.textAt}" in thread "${t.id}" (textAt of "${m.id}")`)
        continue
      }
      if (!own.own.includes(words))
        add(q.line, `quotation ${firstWords(words)} is not ${m.author}'s own words in "${m.id}"${whose}`)
      continue
    }
    if (m.quotedIn) {
      const via = find(m.quotedIn)
      const viaMsg = messages.get(m.quotedIn)
      if (!via) {
        add(q.line, `cannot check quotation ${firstWords(words)}: "${m.quotedIn}" (quotedIn of "${m.id}") is not found in thread "${t.id}"`)
        continue
      }
      if (!via.all.includes(words) || via.own.includes(words))
        add(q.line, `quotation ${firstWords(words)} is not quoted in "${m.quotedIn}" (${viaMsg?.author ?? ''}), through which ${m.author}'s words reached the thread${whose}`)
      continue
    }
    if (!text.messages.some(x => x.quoted.includes(words)))
      add(q.line, `quotation ${firstWords(words)}: "${m.id}" is not in the thread text, and no message there quotes these words${whose}`)
  }
  return out
}

/** The one-line notice when the thread texts are absent. */
export function uncheckedNotice(dir: string, quotes: number): string {
  return `lint: ${quotes} quotation${quotes === 1 ? '' : 's'} not checked against the archived threads: no thread texts in ${dir} (set THREADS_DIR to the folder of thread .txt files to check them)`
}

export { escapeRegExp }
