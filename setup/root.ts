import { useNav } from '@slidev/client'
import { parseRangeString } from '@slidev/parser/utils'
import { defineRootSetup } from '@slidev/types'

/**
 * The print route's `?range=` (e.g. `/print?print=true&range=41-80`) in the built site. Slidev
 * reads it once, when its navigation state is created, before the router has resolved the first
 * route of a production build, so the built print view always holds every slide. The exporter
 * prints long decks in batches (scripts/lib/export/pipeline.ts) and relies on the range: it is
 * read here from the address itself.
 */
export default defineRootSetup(() => {
  if (typeof location === 'undefined')
    return
  const range = new URLSearchParams(location.search).get('range')
  if (!range || !/\/print\/?$/.test(location.pathname))
    return
  const { printRange, slides } = useNav()
  printRange.value = parseRangeString(slides.value.length, range)
})
