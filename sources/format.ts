/**
 * How the registry's entries read on a slide: short, public terms only (archive names, commit
 * hashes with repository, release tags, papers). Shared by the components and tests.
 */
import { threadOf } from './index.ts'
import type { AnySource } from './index.ts'
import type { Message, SourceRecord, Thread } from './schema.ts'

/** "2005-04-27T17:25Z" → "2005-04-27 17:25 UTC"; "2005-04-27" stays. */
export function formatDate(date: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)Z$/.exec(date)
  return m ? `${m[1]} ${m[2]} UTC` : date
}

/** The list name, flagged when no public source confirms it. */
export function listName(t: Thread): string {
  return t.unverified?.includes('list') ? `${t.list} (name unverified)` : t.list
}

/** "Dan Magenheimer (HP Labs)". */
export function authorLine(m: Message): string {
  return m.affiliation ? `${m.author} (${m.affiliation})` : m.author
}

/** The date span of a thread: "2005-04-27 to 2005-04-28", or one day. */
export function threadDates(t: Thread): string {
  const a = t.first.slice(0, 10)
  const b = t.last.slice(0, 10)
  return a === b ? a : `${a} to ${b}`
}

/** One record in public terms, e.g. "xen-project/xen 4676bbf96d (2002-11-20)", "Linux 2.6.23". */
export function recordLabel(r: SourceRecord): string {
  switch (r.kind) {
    case 'commit': return `${r.repo} ${r.hash}${r.date ? ` (${r.date.slice(0, 10)})` : ''}`
    case 'release': return `${r.project} ${r.version}${r.tag && r.tag !== r.version ? ` (${r.tag})` : ''}`
    case 'file': return `${r.project} ${r.at}: ${r.path}`
    case 'paper': return `“${r.title}”, ${r.venue} ${r.year}`
    case 'page': return `${r.publisher}, “${r.title}”${r.date ? ` (${r.date.slice(0, 10)})` : ''}`
  }
}

/** A record's link: its URL, or the DOI's resolver. */
export function recordUrl(r: SourceRecord): string | undefined {
  if (r.url)
    return r.url
  if (r.kind === 'paper' && r.doi)
    return `https://doi.org/${r.doi}`
  if (r.kind === 'commit' && r.repo.includes('/'))
    return `https://github.com/${r.repo}/commit/${r.hash}`
  return undefined
}

/** A message's thread, or an error naming the bad thread id. */
export function messageThread(m: Message): Thread {
  const t = threadOf(m)
  if (!t)
    throw new Error(`message "${m.id}" names unknown thread "${m.thread}"`)
  return t
}

/** The text a component shows for an id the registry does not hold. */
export function unknownIdText(kind: string, ids: string[]): string {
  return `Unknown source ${kind} ${ids.map(i => `“${i}”`).join(', ')} (not in sources/)`
}

/**
 * An unknown id must not pass silently: the component shows `unknownIdText` on the slide and,
 * in dev, this throws (Vue reports it in the console and Slidev's overlay). Call from onMounted.
 */
export function failInDev(problem: string | undefined): void {
  if (problem && import.meta.env?.DEV)
    throw new Error(problem)
}

/** A thread in a source line: "xen-devel, “Xen/ia64 presentation”, 2005-04-27 to 2005-04-28". */
export function threadLabel(t: Thread): string {
  return `${listName(t)}${t.subject ? `, “${t.subject}”` : ''}, ${threadDates(t)}`
}

/** A message in a source line: "Dan Magenheimer, xen-devel, 2005-04-27 17:25 UTC". */
export function messageLabel(m: Message): string {
  const t = threadOf(m)
  return `${m.author}, ${t ? `${listName(t)}, ` : ''}${formatDate(m.date)}`
}

/** Any registry entry in a source line, with its link. */
export function sourceLabel(s: AnySource): { text: string, url?: string } {
  if (s.kind === 'thread')
    return { text: threadLabel(s.entry), url: s.entry.url }
  if (s.kind === 'message')
    return { text: messageLabel(s.entry), url: threadOf(s.entry)?.url }
  return { text: recordLabel(s.entry), url: recordUrl(s.entry) }
}
