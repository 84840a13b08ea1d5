import type { DeckSlide } from '../lib/deck.ts'
import type { Problem } from '../lib/problem.ts'

const each = (slides: DeckSlide[], bad: (s: DeckSlide) => boolean, line: (s: DeckSlide) => number, check: string, message: string): Problem[] =>
  slides.filter(bad).map(s => ({ file: s.file, line: line(s), no: s.no, check, message }))

/** Every slide has speaker notes: a non-empty HTML comment at the very end of the slide. */
export const checkNotes = (slides: DeckSlide[]) => each(slides, s => !s.note, s => s.line, 'notes', 'no speaker notes: end the slide with a non-empty <!-- … --> comment')

/** Every slide has a title: a `# ` heading or `title:` in its frontmatter. */
export const checkTitles = (slides: DeckSlide[]) => each(slides, s => !(typeof s.title === 'string' && s.title.trim()), s => s.contentLine, 'title', 'no title: add a "# Title" line (section slides too)')
