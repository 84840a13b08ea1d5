import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The archived thread texts the quotations are checked against (`$THREADS_DIR`, default
 * `../shared/seeds` next to the repository), cut into messages with their senders. In each message,
 * lines starting with `>` are quoted, not the sender's own words (`>From ` is mbox escaping, not a
 * quote). Every text is whitespace-normalised, quote markers removed.
 */

/**
 * One message: the sender and the date as its header prints them ("Magenheimer, Dan (HP Labs Fort
 * Collins)", "2005-04-27 17:25"; '' and 'whole' for a text that is one message), all its words, the
 * sender's own (quoted parts removed), the quoted ones.
 */
export interface TextMessage { sender: string, date: string, all: string, own: string, quoted: string }

/** A thread text: its format, its whole text (`flat`), its messages. */
export interface ThreadText { format: 'lore' | 'sourceforge' | 'forum' | 'hypermail' | 'whole', flat: string, messages: TextMessage[] }

/** Collapses every run of whitespace to one space and trims. */
export const normalizeWhitespace = (s: string): string => s.replace(/\s+/g, ' ').trim()

const QUOTE_LINE = /^[ \t]*>(?!From )/
/** An inline quote marker in a flattened line: `>` (or `> >`, `>>`) at the start or after a space. */
const INLINE_MARKER = /(?:^|\s)>(?:[ \t]*>)*/g
/** Longest quoted line in a flattened reply: mail is wrapped before 80 columns. */
const WRAP = 80

/** Own and quoted words of a message body. */
function splitBody(lines: string[]): Omit<TextMessage, 'sender' | 'date'> {
  const [all, own, quoted]: [string[], string[], string[]] = [[], [], []]
  for (const line of lines) {
    if (QUOTE_LINE.test(line)) {
      const text = line.replace(/^[ \t]*(?:>[ \t]?)+/, '')
      quoted.push(text)
      all.push(text)
    }
    else if (line.length > 200 && /\s>/.test(line)) {
      // A flattened reply (SourceForge): text before the first marker is own, then quoted line
      // after quoted line, each followed by own words. A quoted line followed by another marker
      // and no longer than the wrap width is quoted whole; else it ends at its first sentence end
      // within the wrap width, else at the last space before 72.
      const marks = [...line.matchAll(INLINE_MARKER)]
      own.push(line.slice(0, marks[0]!.index))
      all.push(line.slice(0, marks[0]!.index))
      marks.forEach((m, i) => {
        const piece = line.slice(m.index + m[0].length, marks[i + 1]?.index ?? line.length).trim()
        const end = /[.?!](?=\s)/.exec(piece.slice(0, WRAP))
        const cut = i < marks.length - 1 && piece.length <= WRAP ? piece.length : end ? end.index + 1 : piece.slice(0, 72).lastIndexOf(' ')
        const at = cut > 0 ? cut : Math.min(piece.length, 72)
        quoted.push(piece.slice(0, at))
        own.push(piece.slice(at))
        all.push(piece)
      })
    }
    else {
      own.push(line)
      all.push(line)
    }
  }
  const norm = (l: string[]) => normalizeWhitespace(l.join('\n'))
  return { all: norm(all), own: norm(own), quoted: norm(quoted) }
}

const message = (sender: string, date: string, body: string[]): TextMessage => ({ sender: sender.trim(), date, ...splitBody(body) })

/**
 * Messages at each header line that `head` reads ([sender, date]); a body starts at `start(i)` and
 * ends before the first line matching `end`, where the search for the next header resumes.
 */
function cut(lines: string[], head: (i: number) => string[] | undefined, start: (i: number) => number, end: RegExp, body = (b: string[]) => b): TextMessage[] {
  const out: TextMessage[] = []
  for (let i = 0; i < lines.length; i++) {
    const [sender, date] = head(i) ?? []
    if (!sender || !date)
      continue
    let j = start(i)
    const from = j
    while (j < lines.length && !end.test(lines[j]!)) j++
    out.push(message(sender, date, body(lines.slice(from, j))))
    i = j
  }
  return out
}

// lore.kernel.org: a message starts at `* Subject` / `@ DATE Sender`, its body after the blank line
// that ends the From:/To: header, and ends at `^ permalink`.
const parseLore = (lines: string[]) => cut(lines, (i) => {
  const m = /^@ (\d{4}-\d\d-\d\d +\d?\d:\d\d) (.+)$/.exec(lines[i]!)
  return m && lines[i - 1]?.startsWith('* ') ? [m[2]!, m[1]!] : undefined
}, i => (lines.findIndex((l, k) => k > i && l.trim() === '') + 1 || lines.length + 1), /^\^ permalink/)

// SourceForge listing: `From: Sender - DATE` between `|` lines (quoted replies may be flattened onto
// one line, `>` markers inline); a flattened body ends with " |" on the same line.
const parseSourceforge = (lines: string[]) => cut(lines, i => /^From: (.+) - (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)$/.exec(lines[i]!)?.slice(1), i => lines[i + 1]?.trim() === '|' ? i + 2 : i + 1, /^\s*\|\s*$/,
  b => b.map((l, k) => k === b.length - 1 ? l.replace(/\s\|\s*$/, '') : l))

// Forum-style LKML copy: a `YYYY-MM-DD HH:MM:SS` line, then `by Sender`.
function parseForum(lines: string[]): TextMessage[] {
  const starts = lines.flatMap((l, i) => {
    const d = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)$/.exec(l.trim())
    const by = d && lines.slice(i + 1, i + 4).map(l => /^by (.+)$/.exec(l.trim())).find(Boolean)
    return d && by ? [{ i, date: d[1]!, sender: by[1]! }] : []
  })
  return starts.map((s, k) => {
    const end = starts[k + 1]?.i ?? lines.length
    const subject = lines.findIndex((l, b) => b > s.i && b < end && /^Subject:/.test(l))
    return message(s.sender, s.date, lines.slice(subject < 0 ? s.i + 1 : subject + 1, end))
  })
}

// Hypermail (one message): `From:` and `Date:` lines.
function parseHypermail(lines: string[]): TextMessage[] {
  const from = lines.findIndex(l => /^From: /.test(l))
  const date = lines.findIndex(l => /^Date: /.test(l))
  const end = lines.findIndex(l => /^To unsubscribe from this list|^Received on /.test(l))
  return [message(lines[from]!.replace(/^From: /, '').replace(/\s*<[^>]*>\s*$/, ''), lines[date]!.replace(/^Date: /, '').trim(), lines.slice(date + 1, end < 0 ? lines.length : end))]
}

/** Cuts one thread text into its messages; a text in no known format (the lists.xenproject.org copy) is one message. */
export function parseThread(text: string): ThreadText {
  const lines = text.split(/\r?\n/)
  const [format, messages]: [ThreadText['format'], TextMessage[]]
    = /^\^ permalink raw reply/m.test(text) ? ['lore', parseLore(lines)]
      : /^From: .+ - \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/m.test(text) ? ['sourceforge', parseSourceforge(lines)]
        : /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s*\n\s*\nby /m.test(text) ? ['forum', parseForum(lines)]
          : /^From: /m.test(text) && /^Date: /m.test(text) && /^Received on /m.test(text) ? ['hypermail', parseHypermail(lines)]
            : ['whole', [message('', 'whole', lines)]]
  return { format, flat: splitBody(lines).all, messages }
}

/** The repository root: the nearest folder at or above `from` holding a package.json, else this tooling's. */
export function findRepoRoot(from: string): string {
  for (let dir = resolve(from); dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')))
      return dir
  }
  return fileURLToPath(new URL('../..', import.meta.url))
}

/** Where the thread texts live: $THREADS_DIR, else `../shared/seeds` next to the repository. */
export function threadsDir(from: string = process.cwd()): string {
  return process.env.THREADS_DIR ? resolve(process.env.THREADS_DIR) : resolve(findRepoRoot(from), '../shared/seeds')
}

/** Loads every `*.txt` in `dir`, by file name; undefined when the folder is absent or holds none. */
export function loadThreadTexts(dir: string): Map<string, ThreadText> | undefined {
  const names = existsSync(dir) ? readdirSync(dir).filter(n => n.endsWith('.txt')).sort() : []
  return names.length ? new Map(names.map(n => [n, parseThread(readFileSync(join(dir, n), 'utf8'))])) : undefined
}
