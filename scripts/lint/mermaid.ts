import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { DeckSlide } from '../lib/deck.ts'
import type { Problem } from '../lib/problem.ts'

/** Parses one diagram; throws the parser's error when it does not parse. */
export type MermaidParse = (code: string) => Promise<unknown>

const parsers = new Map<string, Promise<MermaidParse>>()

/**
 * Mermaid's own parser, loaded once per deck, configured as the deck renders its diagrams: the
 * deck's `setup/mermaid.ts` can change what parses (e.g. gitGraph's `mainBranchName`).
 * timeline, gitGraph and mindmap need a DOM even to parse, so happy-dom's window and document are
 * installed as globals first (only if none exist).
 */
export function mermaidParser(deckRoot?: string): Promise<MermaidParse> {
  const key = deckRoot ?? ''
  let parser = parsers.get(key)
  if (parser)
    return parser
  parser = (async () => {
    const g = globalThis as Record<string, unknown>
    if (!g.document) {
      const { Window } = await import('happy-dom')
      const window = new Window()
      // A standards-mode document: KaTeX, which Mermaid loads, warns on every run in quirks mode.
      window.document.write('<!DOCTYPE html><html><head></head><body></body></html>')
      g.window = window
      g.document = window.document
    }
    const { default: mermaid } = await import('mermaid')
    const config = deckRoot ? await deckMermaidSetup(deckRoot) : {}
    return async (code: string) => {
      mermaid.initialize({ ...config, startOnLoad: false })
      return mermaid.parse(code)
    }
  })()
  parsers.set(key, parser)
  return parser
}

/** The config returned by the deck's `setup/mermaid.ts`, or {} when the deck has none. */
async function deckMermaidSetup(deckRoot: string): Promise<Record<string, unknown>> {
  const file = ['ts', 'mts', 'js', 'mjs'].map(ext => join(deckRoot, 'setup', `mermaid.${ext}`)).find(f => existsSync(f))
  if (!file)
    return {}
  const mod = await import(pathToFileURL(file).href) as { default?: () => unknown }
  return (await mod.default?.() ?? {}) as Record<string, unknown>
}

interface ParserError {
  message?: string
  hash?: { line?: number, text?: string, token?: unknown, loc?: { first_line?: number } }
}

/** The 1-based diagram line an error points at, or undefined when it names none. */
export function errorLine(err: unknown, code: string): number | undefined {
  const e = (err ?? {}) as ParserError
  const lines = code.split('\n')
  const clamp = (n: number) => Math.min(Math.max(1, n), Math.max(1, lines.length))
  const m = /\bline (\d+)/i.exec(e.message ?? String(err))
  if (m)
    return clamp(Number(m[1]))
  if (typeof e.hash?.line === 'number')
    return clamp(e.hash.line + 1)
  const text = typeof e.hash?.text === 'string' && e.hash.text.trim()
  if (text) {
    const i = lines.findIndex(l => l.includes(text))
    if (i >= 0)
      return i + 1
  }
  return undefined
}

/** The parser's message on one line: "Parse error on line 3: Expecting 'X', got 'Y'". */
export function errorMessage(err: unknown): string {
  const raw = (err as ParserError | undefined)?.message ?? String(err)
  const lines = raw.split('\n').map(l => l.trim()).filter(Boolean)
  if (lines.length > 2 && /^Parse error/i.test(lines[0]!))
    return `${lines[0]} ${lines[lines.length - 1]}`
  return lines.join(' ')
}

/** Every ```mermaid block parses with Mermaid's own parser. */
export async function checkMermaid(slides: DeckSlide[], parse: MermaidParse): Promise<Problem[]> {
  const out: Problem[] = []
  for (const s of slides) {
    for (const f of s.fences) {
      if (f.lang !== 'mermaid')
        continue
      if (!f.code.trim()) {
        out.push({ file: s.file, line: f.line, no: s.no, check: 'mermaid', message: 'Mermaid: empty diagram' })
        continue
      }
      try {
        await parse(f.code)
      }
      catch (err) {
        const n = errorLine(err, f.code)
        out.push({
          file: s.file,
          line: n === undefined ? f.line : f.line + n,
          no: s.no,
          check: 'mermaid',
          message: `Mermaid: ${errorMessage(err)}`,
        })
      }
    }
  }
  return out
}
