import { defineMermaidRendererSetup } from '@slidev/types'
import mermaid from 'mermaid/dist/mermaid.esm.mjs'
import { deckMermaidConfig } from './mermaid.ts'

let renderCount = 0

/**
 * Slidev passes `theme: 'dark'` when the deck is in dark mode; a stock Mermaid theme would then
 * ignore the deck's palette. This renderer maps that flag onto the deck's own light or dark
 * palette and keeps every other per-diagram option (for example `{scale: 0.8}`).
 */
export default defineMermaidRendererSetup(() => async (code, options) => {
  const { theme, ...diagramOptions } = options
  // Mermaid measures its labels to size the boxes: with the fallback font in one render and
  // IBM Plex in the next, diagrams (and text centred around them) move by a pixel between two
  // exports of the same commit. Load the faces it draws with first.
  await Promise.all(['400 18px "IBM Plex Sans"', '600 18px "IBM Plex Sans"'].map(f => document.fonts.load(f)))
  mermaid.initialize({ ...deckMermaidConfig(theme === 'dark' ? 'dark' : 'light'), ...diagramOptions })
  const container = document.getElementById('mermaid-rendering-container') ?? undefined
  const { svg } = await mermaid.render(`deck-mermaid-${++renderCount}`, code, container)
  return svg
})
