import type { Deck } from '../lib/deck.ts'
import { formatProblem } from '../lib/problem.ts'
import { checkTemplates } from '../lint/template.ts'

/** Slidev compiles slide N of `slides.md` as the virtual module `…/slides.md__slidev_N.md`. */
const VIRTUAL = /__slidev_(\d+)\.md/

/**
 * One file:line (slide N) line instead of the stack of a build error in a slide's virtual module; the
 * line is where the lint's compile of that slide finds the error, else the slide's first line.
 */
export function explainBuildError(text: string, deck: Deck): string | undefined {
  const slide = deck.slides[Number(VIRTUAL.exec(text)?.[1]) - 1]
  if (!slide)
    return undefined
  const lines = text.split('\n').map(l => l.trim())
  const message = lines.find(l => /^(?:\w*Error|\[\w+\]):? /.test(l) && !/^\w*Error: Build failed/.test(l))
    ?.replace(/^\w*Error:\s*/, '')
    ?? lines.find(l => l && !VIRTUAL.test(l) && !/^Build failed/.test(l))
    ?? 'unknown error'
  const lint = checkTemplates([slide])
  const line = lint.find(p => p.message.includes(message.replace(/\.$/, '')))?.line ?? lint[0]?.line ?? slide.line
  return formatProblem({ file: slide.file, line, no: slide.no, check: 'build', message: `the build fails: ${message}` })
}
