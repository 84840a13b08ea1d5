import type { Plugin } from 'vite'
import type { Deck } from '../scripts/lib/deck.ts'
import { loadDeck } from '../scripts/lib/deck.ts'
import { slideWords } from '../scripts/lint/budgets.ts'
import { readTalk } from '../scripts/lib/talk.ts'
import type { TalkPlan } from './pacing-status.ts'

/**
 * `virtual:talk-plan`: the planned start of every slide, for the pacing shown in the presenter
 * view (custom-nav-controls.vue). A slide lasts its spoken words (its notes, `[click]` markers
 * removed: `slideWords`, the lint's own count) at headmatter `talk.wordsPerMinute`; the references
 * are not spoken (as in the lint's timing table). A chapter is a `src:` file, as in that table.
 *
 * Computed at build time from the markdown (scripts/lib/deck.ts), so it works in a build without
 * notes (`npm run build` leaves them out): the plan ships only numbers and chapter labels, never
 * note text. `null` when the deck has no `talk.wordsPerMinute`.
 */
export const PLAN_ID = 'virtual:talk-plan'
const RESOLVED = `\0${PLAN_ID}`

/** "opening" for the entry's own slides and pages/00-*, "chapter N" for pages/NN-*, "references" for 99. */
export function chapterLabel(file: string, entryFile: string): string {
  if (file === entryFile)
    return 'opening'
  const n = /(?:^|\/)(\d+)-[^/]*\.md$/.exec(file)?.[1]
  if (n === undefined)
    return file.replace(/^pages\//, '').replace(/\.md$/, '')
  const k = Number(n)
  return k === 0 ? 'opening' : k === 99 ? 'references' : `chapter ${k}`
}

export function planTalk(deck: Pick<Deck, 'headmatter' | 'slides' | 'entry' | 'root'>): TalkPlan | null {
  const { budgets } = readTalk(deck.headmatter)
  const wpm = budgets?.wordsPerMinute
  if (!budgets || !wpm)
    return null
  const entryFile = deck.entry.startsWith(`${deck.root}/`) ? deck.entry.slice(deck.root.length + 1) : deck.entry
  const plan: TalkPlan = { wordsPerMinute: wpm, slot: budgets.duration - budgets.questions, slides: [], chapters: [] }
  let t = 0
  for (const s of deck.slides) {
    const words = slideWords(s)
    const seconds = words / wpm * 60
    let chapter = plan.chapters.length - 1
    if (plan.chapters[chapter]?.file !== s.file) {
      plan.chapters.push({ file: s.file, label: chapterLabel(s.file, entryFile), start: t, end: t })
      chapter++
    }
    plan.slides.push({ no: s.no, start: t, seconds, chapter })
    t += seconds
    plan.chapters[chapter]!.end = t
  }
  return plan
}

/** The Vite plugin; `entry` is the deck's markdown entry (setup/vite-plugins.ts passes Slidev's). */
export function talkPlan(entry: string): Plugin {
  let last = ''
  const code = async () => {
    last = JSON.stringify(planTalk(await loadDeck(entry)))
    return `export const plan = ${last}\n`
  }
  return {
    name: 'deck:talk-plan',
    resolveId(id) {
      return id === PLAN_ID ? RESOLVED : undefined
    },
    async load(id) {
      return id === RESOLVED ? await code() : undefined
    },
    async handleHotUpdate({ file, server, modules }) {
      if (!file.endsWith('.md'))
        return
      const mod = server.moduleGraph.getModuleById(RESOLVED)
      if (!mod || JSON.stringify(planTalk(await loadDeck(entry))) === last)
        return
      server.moduleGraph.invalidateModule(mod)
      return [...modules, mod]
    },
  }
}
