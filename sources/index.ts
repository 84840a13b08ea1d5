/**
 * The source registry: every thread, quoted message and public record the talk cites, by id.
 * Components (MailQuote, SourceNote, References) and lint read it from here.
 */
import { messages } from './messages.ts'
import { records as story1 } from './records/story1.ts'
import { records as story2 } from './records/story2.ts'
import type { Message, SourceRecord, Thread } from './schema.ts'
import { threads } from './threads.ts'

export type * from './schema.ts'
export { messages, threads }

/** Every public record (commits, releases, files, papers, pages), from both story files. */
export const records: SourceRecord[] = [...story1, ...story2]

export type SourceKind = 'thread' | 'message' | 'record'
export type AnySource = { kind: 'thread', entry: Thread } | { kind: 'message', entry: Message } | { kind: 'record', entry: SourceRecord }

const threadMap = new Map(threads.map(t => [t.id, t]))
const messageMap = new Map(messages.map(m => [m.id, m]))
const recordMap = new Map(records.map(r => [r.id, r]))

export function threadById(id: string): Thread | undefined {
  return threadMap.get(id)
}
export function messageById(id: string): Message | undefined {
  return messageMap.get(id)
}
export function recordById(id: string): SourceRecord | undefined {
  return recordMap.get(id)
}
/** The thread a message belongs to. */
export function threadOf(m: Message): Thread | undefined {
  return threadMap.get(m.thread)
}

/** Any entry by id: a thread, a message or a record. */
export function sourceById(id: string): AnySource | undefined {
  const t = threadMap.get(id)
  if (t)
    return { kind: 'thread', entry: t }
  const m = messageMap.get(id)
  if (m)
    return { kind: 'message', entry: m }
  const r = recordMap.get(id)
  if (r)
    return { kind: 'record', entry: r }
  return undefined
}

/** Splits a `refs="a b c"` value into ids. */
export function splitRefs(refs: string | undefined): string[] {
  return (refs ?? '').split(/[\s,]+/).filter(Boolean)
}
