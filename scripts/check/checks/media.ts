import type { Page } from 'playwright-core'
import type { Finding } from './types'

/** True once every image of the slide has finished loading or failed. */
export function imagesSettled(no: number): boolean {
  const slide = document.querySelector(`.slidev-page-${no}`)
  return !!slide && [...slide.querySelectorAll('img')].every(img => img.complete)
}

/** Images of the slide that did not load (a broken image shows no picture). */
export async function checkImages(page: Page, no: number): Promise<Finding[]> {
  return page.evaluate((no) => {
    const slide = document.querySelector(`.slidev-page-${no}`)
    if (!slide)
      return []
    return [...slide.querySelectorAll('img')]
      .filter(img => img.complete && img.naturalWidth === 0 && img.getAttribute('src'))
      .map((img) => {
        const src = img.getAttribute('src') ?? ''
        return { kind: 'image', message: `broken image ${src} (did not load)`, needle: src }
      })
  }, no)
}

/**
 * Every font family that visible text of the slide asks for first must be usable: if the page
 * defines it (@font-face, in document.fonts), a face for that weight/style must have loaded;
 * if the deck declares it (headmatter `fonts:`) it must be defined at all.
 */
export async function checkFonts(page: Page, no: number, declared: string[]): Promise<Finding[]> {
  return page.evaluate(async ({ no, declared }) => {
    const out: { kind: string, message: string, text: string }[] = []
    const slide = document.querySelector(`.slidev-page-${no}`)
    if (!slide)
      return out
    const generic = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui', 'ui-sans-serif', 'ui-serif', 'ui-monospace', 'ui-rounded', 'emoji', 'math', 'fangsong', 'inherit', 'initial'])
    const unquote = (f: string) => f.trim().replace(/^["']|["']$/g, '')
    const used = new Map<string, { family: string, weight: string, style: string, text: string }>()
    const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim()
      const el = n.parentElement
      if (!text || !el || el.closest('svg') || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
        continue
      const cs = getComputedStyle(el)
      const family = unquote(cs.fontFamily.split(',')[0] ?? '')
      if (!family || generic.has(family.toLowerCase()))
        continue
      const key = `${family}|${cs.fontWeight}|${cs.fontStyle}`
      if (!used.has(key))
        used.set(key, { family, weight: cs.fontWeight, style: cs.fontStyle, text })
    }
    await document.fonts.ready
    const faces = [...document.fonts]
    for (const { family, weight, style, text } of used.values()) {
      const mine = faces.filter(f => unquote(f.family).toLowerCase() === family.toLowerCase())
      if (mine.length === 0) {
        if (declared.some(d => d.toLowerCase() === family.toLowerCase()))
          out.push({ kind: 'font', message: `font "${family}" is declared by the deck but no @font-face provides it (text falls back to a system font): "${text.slice(0, 50)}"`, text })
        continue
      }
      const spec = `${style} ${weight} 16px "${family}"`
      try {
        await document.fonts.load(spec, text)
      }
      catch {}
      if (!document.fonts.check(spec, text) || !mine.some(f => f.status === 'loaded')) {
        const states = [...new Set(mine.map(f => f.status))].join('/')
        out.push({ kind: 'font', message: `font "${family}" ${weight} ${style} did not load (${states}): "${text.slice(0, 50)}"`, text })
      }
    }
    return out
  }, { no, declared })
}
