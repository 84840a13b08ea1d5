import type { Plugin } from 'vite'
import { loadDeck } from '../scripts/lib/deck.ts'
import { citedIdsInText } from '../scripts/lint/sources.ts'

/**
 * `virtual:cited-sources`: the registry ids the deck cites (`<MailQuote from>`, `<SourceNote refs>`,
 * outside comments and code), in deck order.
 * `<References />` renders the references from it, in `slidev`, `slidev build` and `slidev export`
 * alike (it is computed from the markdown at build time, not from Slidev's runtime data).
 * Only the slides the deck's entry shows count (setup/vite-plugins.ts passes Slidev's), so the
 * 10-minute cut (slides-10min.md) lists what the cut cites, not the whole talk.
 */
const CITED_ID = 'virtual:cited-sources'
const RESOLVED = `\0${CITED_ID}`

/** Every id cited by the slides of the deck at `entry` (`src:` imports and ranges followed), in deck order, each once. */
export async function citedIdsOfDeck(entry: string): Promise<string[]> {
  const deck = await loadDeck(entry)
  return [...new Set(deck.slides.flatMap(s => citedIdsInText(s.source.raw)))]
}

export function citedSources(entry: string): Plugin {
  let last = ''
  const ids = () => citedIdsOfDeck(entry)
  const code = async () => {
    last = JSON.stringify(await ids())
    return `export const cited = ${last}\n`
  }
  return {
    name: 'deck:cited-sources',
    resolveId(id) {
      return id === CITED_ID ? RESOLVED : undefined
    },
    async load(id) {
      return id === RESOLVED ? await code() : undefined
    },
    async handleHotUpdate({ file, server, modules }) {
      if (!file.endsWith('.md') || JSON.stringify(await ids()) === last)
        return
      const mod = server.moduleGraph.getModuleById(RESOLVED)
      if (!mod)
        return
      server.moduleGraph.invalidateModule(mod)
      return [...modules, mod]
    },
  }
}
