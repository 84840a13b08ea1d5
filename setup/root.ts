import { defineRootSetup } from '@slidev/types'
import { inject, type Ref } from 'vue'

/**
 * The print route's `?range=` (e.g. `/print?print=true&range=41-80`) in the built site. Slidev
 * reads it once, when its navigation state is created, before the router has resolved the first
 * route of a production build, so the built print view always holds every slide. The exporter
 * prints long decks in batches (scripts/lib/export/pipeline.ts) and relies on the range: it is
 * read here from the address itself. (Slidev's context is injected by its key, rather than
 * imported from @slidev/client, whose sources do not type-check under this project's settings.)
 */
export default defineRootSetup(() => {
  if (typeof location === 'undefined' || !/\/print\/?$/.test(location.pathname))
    return
  const range = new URLSearchParams(location.search).get('range')
  const m = range ? /^(\d+)-(\d+)$/.exec(range) : null
  if (!m)
    return
  const context = inject<{ nav: { printRange: Ref<number[]> | number[], total: number } } | undefined>('$$slidev-context', undefined)
  if (!context)
    return
  const from = Math.max(1, Number(m[1]))
  const to = Math.min(context.nav.total, Number(m[2]))
  const slides = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i)
  // The context is reactive: its refs are unwrapped.
  const nav = context.nav as unknown as { printRange: number[] }
  nav.printRange = slides
})
