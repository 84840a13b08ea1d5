import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { DeckSlide } from '../lib/deck.ts'
import type { Problem } from '../lib/problem.ts'

/** Parses one diagram; throws the parser's error when it does not parse. */
export type MermaidParse = (code: string) => Promise<unknown>

const parsers = new Map<string, Promise<MermaidParse>>()

/**
 * Mermaid's own parser, loaded once per deck with the deck's `setup/mermaid.ts` (which can change
 * what parses: gitGraph's `mainBranchName`); happy-dom's globals first, as some diagrams need a DOM to parse.
 */
export function mermaidParser(deckRoot = ''): Promise<MermaidParse> {
  const parser = parsers.get(deckRoot) ?? (async () => {
    const g = globalThis as Record<string, unknown>
    if (!g.document) {
      const { Window } = await import('happy-dom')
      const window = new Window()
      // A standards-mode document: KaTeX, which Mermaid loads, warns on every run in quirks mode.
      window.document.write('<!DOCTYPE html><html><head></head><body></body></html>')
      Object.assign(g, { window, document: window.document })
    }
    const { default: mermaid } = await import('mermaid')
    const setup = ['ts', 'mts', 'js', 'mjs'].map(ext => join(deckRoot, 'setup', `mermaid.${ext}`)).find(f => deckRoot && existsSync(f))
    const config = setup ? await (await import(pathToFileURL(setup).href) as { default?: () => unknown }).default?.() ?? {} : {}
    return async (code: string) => {
      mermaid.initialize({ ...config as object, startOnLoad: false })
      return mermaid.parse(code)
    }
  })()
  parsers.set(deckRoot, parser)
  return parser
}

type ParserError = { message?: string, hash?: { line?: number, text?: string } }

/** The 1-based diagram line an error points at (its message's "line N", its `hash`), or undefined. */
export function errorLine(err: unknown, code: string): number | undefined {
  const e = (err ?? {}) as ParserError
  const lines = code.split('\n')
  const n = Number(/\bline (\d+)/i.exec(e.message ?? String(err))?.[1] ?? (typeof e.hash?.line === 'number' ? e.hash.line + 1 : Number.NaN))
  if (!Number.isNaN(n))
    return Math.min(Math.max(1, n), Math.max(1, lines.length))
  const text = typeof e.hash?.text === 'string' && e.hash.text.trim()
  const i = text ? lines.findIndex(l => l.includes(text)) : -1
  return i >= 0 ? i + 1 : undefined
}

/** The parser's message on one line: "Parse error on line 3: Expecting 'X', got 'Y'". */
export function errorMessage(err: unknown): string {
  const lines = ((err as ParserError | undefined)?.message ?? String(err)).split('\n').map(l => l.trim()).filter(Boolean)
  return lines.length > 2 && /^Parse error/i.test(lines[0]!) ? `${lines[0]} ${lines.at(-1)}` : lines.join(' ')
}

/** Every ```mermaid block parses with Mermaid's own parser (loaded for the deck at `root` when none is given and a diagram needs it). */
export async function checkMermaid(slides: DeckSlide[], parse?: MermaidParse, root = ''): Promise<Problem[]> {
  const out: Problem[] = []
  for (const s of slides) {
    for (const f of s.fences.filter(f => f.lang === 'mermaid')) {
      const add = (line: number, message: string) => out.push({ file: s.file, line, no: s.no, check: 'mermaid', message: `Mermaid: ${message}` })
      if (!f.code.trim()) {
        add(f.line, 'empty diagram')
        continue
      }
      parse ??= await mermaidParser(root)
      try {
        await parse(f.code)
      }
      catch (err) {
        add(f.line + (errorLine(err, f.code) ?? 0), errorMessage(err))
      }
    }
  }
  return out
}
