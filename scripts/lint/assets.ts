import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { isRemote, resources } from './resources.ts'
import { frontmatterKeyLine, type DeckSlide } from '../lib/deck.ts'
import type { Problem } from '../lib/problem.ts'

/**
 * Every local file a slide loads exists: `/x.png` in the deck's `public/`, `./x.png` next to
 * the markdown file that references it.
 */
export function checkAssets(slides: DeckSlide[], root: string, exists: (path: string) => boolean = existsSync): Problem[] {
  const out: Problem[] = []
  for (const s of slides) {
    for (const r of resources(s)) {
      if (isRemote(r.url) || /^[a-z][\w+.-]*:/i.test(r.url))
        continue // remote (see the remote check), or mailto:, blob: …
      const path = decodeURI(r.url.replace(/[?#].*$/, ''))
      if (!path)
        continue
      const file = path.startsWith('/') ? join(root, 'public', path) : resolve(dirname(join(root, s.file)), path)
      if (!exists(file)) {
        const shown = path.startsWith('/') ? `public${path}` : path
        out.push({ file: s.file, line: r.line, no: s.no, check: 'assets', message: `missing asset: ${r.via} "${r.url}" not found (${shown})` })
      }
    }
  }
  return out
}

/** The headmatter's local `favicon:` exists in `public/` (a remote one is the remote check's job). */
export function checkHeadmatterAssets(first: DeckSlide, headmatter: Record<string, unknown>, root: string, exists: (path: string) => boolean = existsSync): Problem[] {
  const favicon = headmatter.favicon
  if (typeof favicon !== 'string' || !favicon.startsWith('/') || isRemote(favicon))
    return []
  if (exists(join(root, 'public', favicon.replace(/[?#].*$/, ''))))
    return []
  return [{ file: first.file, line: frontmatterKeyLine(first, 'favicon'), no: first.no, check: 'assets', message: `missing asset: favicon "${favicon}" not found (public${favicon})` }]
}
