import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadDeck } from '../lib/deck.ts'
import { own } from '../lib/cleanup.ts'

/**
 * A deck of `target` slides beside the talk (git-ignored, removed on exit): the talk's headmatter
 * with its time and slide budgets raised, its chapters' `src:` stanzas repeated, the last one cut
 * with a slide range, then its references.
 */
export async function writeScaleDeck(target: number, talkEntry: string): Promise<{ entry: string, slides: number }> {
  const talk = await loadDeck(talkEntry)
  // The entry's stanzas in order, each with the number of slides it brings.
  const stanzas: { index: number, raw: string, count: number }[] = []
  for (const slide of talk.slides) {
    const { index, raw } = slide.importChain[0] ?? slide.source
    if (stanzas.at(-1)?.index !== index)
      stanzas.push({ index, raw, count: 0 })
    stanzas.at(-1)!.count++
  }
  const [head, ...rest] = stanzas
  const refs = rest.filter(s => /^src: \S*references/m.test(s.raw))
  const chapters = rest.filter(s => !refs.includes(s))
  const parts = [head!.raw.replace(/^duration:.*$/m, 'duration: 600min').replace(/^(\s+)maxSlides:.*$/m, `$1maxSlides: ${target + 10}`)]
  let n = head!.count + refs.reduce((sum, s) => sum + s.count, 0)
  for (let i = 0; n < target; i = (i + 1) % chapters.length) {
    const { raw, count } = chapters[i]!
    const take = Math.min(count, target - n)
    parts.push(take < count ? raw.replace(/^src: ([^#\s]+).*$/m, `src: $1#1-${take}`) : raw)
    n += take
  }
  const entry = join(talk.root, `preview-bench-scale-${process.pid}.md`)
  own(entry)
  writeFileSync(entry, [...parts, ...refs.map(s => s.raw)].join('\n'))
  return { entry, slides: (await loadDeck(entry)).slides.length }
}
