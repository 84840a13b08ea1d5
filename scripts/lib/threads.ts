import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The archived thread texts the quotations are checked against, cut into messages with their
 * senders. The texts live outside the project: `$THREADS_DIR`, default `../shared/seeds` next to
 * the repository. Five archive formats are recognised by their own markers:
 * - lore.kernel.org: a message starts at `* Subject` / `@ DATE Sender`, ends at `^ permalink`;
 * - SourceForge listing: `From: Sender - DATE` between `|` lines (quoted replies may be flattened
 *   onto one line, with `>` markers inline);
 * - forum-style LKML copy: a `YYYY-MM-DD HH:MM:SS` line, then `by Sender`;
 * - hypermail (one message): `From:` and `Date:` lines;
 * - anything else (the lists.xenproject.org copy): the whole text is one message.
 * In each message, lines starting with `>` are quoted (not the sender's own words); `>From ` is
 * mbox escaping, not a quote.
 */

export const THREADS_ENV = 'THREADS_DIR'

/** One message as the thread text shows it. */
export interface TextMessage {
  /** Sender as printed, e.g. "Magenheimer, Dan (HP Labs Fort Collins)"; '' when not shown. */
  sender: string
  /** Date as printed in its header, e.g. "2005-04-27 17:25"; 'whole' for a one-message text. */
  date: string
  /** 1-based line of the header in the file. */
  line: number
  /** Whitespace-normalised text, quote markers removed (own words and quoted ones). */
  all: string
  /** Whitespace-normalised words of the sender only (quoted parts removed). */
  own: string
  /** Whitespace-normalised quoted parts, markers removed. */
  quoted: string
}

export interface ThreadText {
  /** File name, e.g. "000_9c795dc5fff51785.txt". */
  name: string
  format: 'lore' | 'sourceforge' | 'forum' | 'hypermail' | 'whole'
  /** Whitespace-normalised whole text, quote markers removed. */
  flat: string
  messages: TextMessage[]
}

/** Collapses every run of whitespace to one space and trims. */
export function normalizeWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

const QUOTE_LINE = /^[ \t]*>(?!From )/
const MARKERS = /^[ \t]*(?:>[ \t]?)+/
/** An inline quote marker in a flattened line: `>` (or `> >`, `>>`) at the start or after a space. */
const INLINE_MARKER = /(?:^|\s)>(?:[ \t]*>)*/g

/** Longest quoted line in a flattened reply: mail is wrapped before 80 columns. */
const WRAP = 80

/**
 * A quoted line flattened together with the words after it (SourceForge listing): the quoted
 * part ends at its first sentence end within the wrap width, else at the last space before 72.
 * Lines followed by another marker and no longer than the wrap width are quoted whole.
 */
function splitFlatPiece(piece: string, last: boolean): { quoted: string, own: string } {
  if (!last && piece.length <= WRAP)
    return { quoted: piece, own: '' }
  const head = piece.slice(0, WRAP)
  const end = /[.?!](?=\s)/.exec(head)
  let cut = end ? end.index + 1 : head.slice(0, 72).lastIndexOf(' ')
  if (cut <= 0)
    cut = Math.min(piece.length, 72)
  return { quoted: piece.slice(0, cut), own: piece.slice(cut) }
}

/** Own and quoted words of a message body. */
export function splitBody(lines: string[]): { all: string, own: string, quoted: string } {
  const own: string[] = []
  const quoted: string[] = []
  const all: string[] = []
  for (const line of lines) {
    if (QUOTE_LINE.test(line)) {
      const text = line.replace(MARKERS, '')
      quoted.push(text)
      all.push(text)
      continue
    }
    if (line.length > 200 && /\s>/.test(line)) {
      // A flattened reply: text before the first marker is own, then quoted line after quoted line.
      const marks = [...line.matchAll(INLINE_MARKER)]
      own.push(line.slice(0, marks[0]!.index))
      all.push(line.slice(0, marks[0]!.index))
      marks.forEach((m, i) => {
        const start = m.index + m[0].length
        const piece = line.slice(start, marks[i + 1]?.index ?? line.length).trim()
        const parts = splitFlatPiece(piece, i === marks.length - 1)
        quoted.push(parts.quoted)
        own.push(parts.own)
        all.push(piece)
      })
      continue
    }
    own.push(line)
    all.push(line)
  }
  return { all: normalizeWhitespace(all.join('\n')), own: normalizeWhitespace(own.join('\n')), quoted: normalizeWhitespace(quoted.join('\n')) }
}

function message(sender: string, date: string, line: number, body: string[]): TextMessage {
  return { sender: sender.trim(), date, line, ...splitBody(body) }
}

function parseLore(lines: string[]): TextMessage[] {
  const out: TextMessage[] = []
  for (let i = 0; i < lines.length; i++) {
    const head = /^@ (\d{4}-\d\d-\d\d +\d?\d:\d\d) (.+)$/.exec(lines[i]!)
    if (!head || !lines[i - 1]?.startsWith('* '))
      continue
    // Body: after the blank line that ends the From:/To: header, up to "^ permalink".
    let j = i + 1
    while (j < lines.length && lines[j]!.trim() !== '') j++
    const start = j + 1
    while (j < lines.length && !lines[j]!.startsWith('^ permalink')) j++
    out.push(message(head[2]!, head[1]!, i + 1, lines.slice(start, j)))
    i = j
  }
  return out
}

function parseSourceforge(lines: string[]): TextMessage[] {
  const out: TextMessage[] = []
  for (let i = 0; i < lines.length; i++) {
    const head = /^From: (.+) - (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)$/.exec(lines[i]!)
    if (!head)
      continue
    let j = i + 1
    if (lines[j]?.trim() === '|')
      j++
    const start = j
    while (j < lines.length && lines[j]!.trim() !== '|') j++
    const body = lines.slice(start, j)
    // A flattened body ends with " |" on the same line.
    if (body.length)
      body[body.length - 1] = body[body.length - 1]!.replace(/\s\|\s*$/, '')
    out.push(message(head[1]!, head[2]!, i + 1, body))
    i = j
  }
  return out
}

function parseForum(lines: string[]): TextMessage[] {
  const starts: Array<{ i: number, date: string, sender: string }> = []
  for (let i = 0; i < lines.length; i++) {
    const d = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)$/.exec(lines[i]!.trim())
    const by = d && lines.slice(i + 1, i + 4).map(l => /^by (.+)$/.exec(l.trim())).find(Boolean)
    if (d && by)
      starts.push({ i, date: d[1]!, sender: by[1]! })
  }
  return starts.map((s, k) => {
    const end = starts[k + 1]?.i ?? lines.length
    let b = s.i + 1
    while (b < end && !/^Subject:/.test(lines[b]!)) b++
    return message(s.sender, s.date, s.i + 1, lines.slice(b < end ? b + 1 : s.i + 1, end))
  })
}

function parseHypermail(lines: string[]): TextMessage[] {
  const from = lines.findIndex(l => /^From: /.test(l))
  const date = lines.findIndex(l => /^Date: /.test(l))
  let end = lines.findIndex(l => /^To unsubscribe from this list|^Received on /.test(l))
  if (end < 0)
    end = lines.length
  return [message(lines[from]!.replace(/^From: /, '').replace(/\s*<[^>]*>\s*$/, ''), lines[date]!.replace(/^Date: /, '').trim(), from + 1, lines.slice(date + 1, end))]
}

/** Cuts one thread text into its messages. */
export function parseThread(name: string, text: string): ThreadText {
  const lines = text.split(/\r?\n/)
  let format: ThreadText['format']
  let messages: TextMessage[]
  if (/^\^ permalink raw reply/m.test(text)) {
    format = 'lore'
    messages = parseLore(lines)
  }
  else if (/^From: .+ - \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/m.test(text)) {
    format = 'sourceforge'
    messages = parseSourceforge(lines)
  }
  else if (/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s*\n\s*\nby /m.test(text)) {
    format = 'forum'
    messages = parseForum(lines)
  }
  else if (/^From: /m.test(text) && /^Date: /m.test(text) && /^Received on /m.test(text)) {
    format = 'hypermail'
    messages = parseHypermail(lines)
  }
  else {
    format = 'whole'
    messages = [message('', 'whole', 1, lines)]
  }
  return { name, format, flat: splitBody(lines).all, messages }
}

/** The repository root: the nearest folder at or above `from` holding a package.json. */
export function findRepoRoot(from: string): string {
  let dir = resolve(from)
  for (;;) {
    if (existsSync(join(dir, 'package.json')))
      return dir
    const up = dirname(dir)
    if (up === dir)
      return fileURLToPath(new URL('../..', import.meta.url))
    dir = up
  }
}

/** Where the thread texts live: $THREADS_DIR, else `../shared/seeds` next to the repository. */
export function threadsDir(from: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  if (env[THREADS_ENV])
    return resolve(env[THREADS_ENV])
  return resolve(findRepoRoot(from), '../shared/seeds')
}

/** Loads every `*.txt` in `dir`, by file name; undefined when the folder is absent or holds none. */
export function loadThreadTexts(dir: string): Map<string, ThreadText> | undefined {
  if (!existsSync(dir))
    return undefined
  const names = readdirSync(dir).filter(n => n.endsWith('.txt')).sort()
  if (!names.length)
    return undefined
  return new Map(names.map(n => [n, parseThread(n, readFileSync(join(dir, n), 'utf8'))]))
}
