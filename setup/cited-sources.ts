import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'
import { loadDeck } from '../scripts/lib/deck.ts'
import { citedIdsInText } from '../scripts/lint/sources.ts'

/**
 * `virtual:cited-sources`: the registry ids the deck cites (`<MailQuote from>`, `<SourceNote refs>`,
 * in slides.md and pages/*.md, outside comments and code), in deck order.
 * `<References />` renders the references from it, in `slidev`, `slidev build` and `slidev export`
 * alike (it is computed from the markdown at build time, not from Slidev's runtime data).
 * With the deck's entry (setup/vite-plugins.ts passes Slidev's), only the slides that entry shows
 * count, so the 10-minute cut (slides-10min.md) lists what the cut cites, not the whole talk.
 */
export const CITED_ID = 'virtual:cited-sources'
const RESOLVED = `\0${CITED_ID}`

/** The deck's markdown files in deck order: slides.md, then pages/ by name. */
export function deckFiles(root: string): string[] {
  const pages = join(root, 'pages')
  const md = existsSync(pages) ? readdirSync(pages).filter(f => f.endsWith('.md')).sort().map(f => join(pages, f)) : []
  return [join(root, 'slides.md'), ...md].filter(f => existsSync(f))
}

/** Every id cited in the deck at `root`, first citation first, each once. */
export function citedIds(root: string): string[] {
  return [...new Set(deckFiles(root).flatMap(f => citedIdsInText(readFileSync(f, 'utf8'))))]
}

/** Every id cited by the slides of the deck at `entry` (`src:` imports and ranges followed), in deck order, each once. */
export async function citedIdsOfDeck(entry: string): Promise<string[]> {
  const deck = await loadDeck(entry)
  return [...new Set(deck.slides.flatMap(s => citedIdsInText(s.source.raw)))]
}

export function citedSources(root: string, entry?: string): Plugin {
  let last = ''
  const ids = async () => entry ? await citedIdsOfDeck(entry) : citedIds(root)
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
