import { compileTemplate } from 'vue/compiler-sfc'
import { lineAt, scannable, type DeckSlide } from '../lib/deck.ts'
import type { Problem } from '../lib/problem.ts'

/** Vue template errors that are about the HTML's structure (markdown text can trip the others). */
const STRUCTURE = /missing end tag|Invalid end tag|Unexpected EOF in tag|Illegal tag name|missing expression end/i

/**
 * Compiles each slide's HTML with Vue's template compiler, as Slidev's build will: an unclosed
 * `<div>` or a stray `</div>` fails here at its real line instead of in the build's virtual module.
 */
export function checkTemplates(slides: DeckSlide[]): Problem[] {
  const out: Problem[] = []
  for (const s of slides) {
    // Notes, comments, code and inline code blanked (offsets kept); markdown text stays, which Vue reads as text.
    const source = scannable(s.body)
    if (!source.includes('<'))
      continue
    const { errors } = compileTemplate({ source, filename: `${s.file}#slide-${s.no}.vue`, id: `lint-${s.no}` })
    for (const e of errors) {
      const message = typeof e === 'string' ? e : e.message
      if (!STRUCTURE.test(message))
        continue
      const offset = typeof e === 'string' ? 0 : e.loc?.start.offset ?? 0
      out.push({ file: s.file, line: lineAt(s, offset), no: s.no, check: 'html', message: `HTML does not compile: ${message}${typeof e !== 'string' && e.loc ? ` (<${tagAt(source, e.loc.start.offset)}>)` : ''}` })
    }
  }
  return out
}

function tagAt(source: string, offset: number): string {
  return /^<\/?([\w.:-]+)/.exec(source.slice(offset))?.[1] ?? '?'
}
