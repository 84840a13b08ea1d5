import { defineRootSetup } from '@slidev/types'
import { useNav } from '@slidev/client'

/**
 * The print route's `?range=` (e.g. `/print?print=true&range=41-80`) in the built site. Slidev
 * reads it once, when its navigation state is created, before the router has resolved the first
 * route of a production build, so the built print view always holds every slide. The exporter
 * prints long decks in batches (scripts/export/pipeline.ts) and relies on the range: it is
 * read here from the address itself and set through `useNav().printRange`.
 */
export default defineRootSetup(() => {
  if (typeof location === 'undefined' || !/\/print\/?$/.test(location.pathname))
    return
  const m = /^(\d+)-(\d+)$/.exec(new URLSearchParams(location.search).get('range') ?? '')
  if (!m)
    return
  const { printRange, total } = useNav()
  const from = Math.max(1, Number(m[1]))
  const to = Math.min(total.value, Number(m[2]))
  printRange.value = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i)
})
