import { compileTemplate } from 'vue/compiler-sfc'
import { lineAt, scannable, type DeckSlide } from '../lib/deck.ts'
import type { Problem } from '../lib/problem.ts'

/** Vue template errors that are about the HTML's structure (markdown text can trip the others). */
const STRUCTURE = /missing end tag|Invalid end tag|Unexpected EOF in tag|Illegal tag name|missing expression end/i

/** Each slide's HTML compiles with Vue's template compiler: an unclosed `<div>` fails here at its line, not in the build's virtual module. */
export const checkTemplates = (slides: DeckSlide[]): Problem[] => slides.flatMap((s) => {
  // Notes, comments, code and inline code blanked (offsets kept); markdown text stays, which Vue reads as text.
  const source = scannable(s.body)
  const { errors } = source.includes('<') ? compileTemplate({ source, filename: `${s.file}#slide-${s.no}.vue`, id: `lint-${s.no}` }) : { errors: [] }
  return errors.flatMap((e) => {
    const [message, at] = typeof e === 'string' ? [e, 0] : [e.message, e.loc?.start.offset ?? 0]
    const tag = /^<\/?([\w.:-]+)/.exec(source.slice(at))?.[1] ?? '?'
    return STRUCTURE.test(message) ? [{ file: s.file, line: lineAt(s, at), no: s.no, check: 'html', message: `HTML does not compile: ${message} (<${tag}>)` }] : []
  })
})
