import type { DeckSlide } from '../lib/deck.ts'
import type { Problem } from '../lib/problem.ts'

/** Every slide has speaker notes: a non-empty HTML comment at the very end of the slide. */
export function checkNotes(slides: DeckSlide[]): Problem[] {
  return slides.filter(s => !s.note).map(s => ({
    file: s.file,
    line: s.line,
    no: s.no,
    check: 'notes',
    message: 'no speaker notes: end the slide with a non-empty <!-- … --> comment',
  }))
}

/** Every slide has a title: a `# ` heading or `title:` in its frontmatter. */
export function checkTitles(slides: DeckSlide[]): Problem[] {
  return slides.filter(s => !(typeof s.title === 'string' && s.title.trim())).map(s => ({
    file: s.file,
    line: s.contentLine,
    no: s.no,
    check: 'title',
    message: 'no title: add a "# Title" line (section slides too)',
  }))
}
