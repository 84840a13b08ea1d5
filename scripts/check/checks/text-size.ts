import type { Page } from 'playwright-core'
import { SIZE_FLOORS } from '../../lib/talk'
import type { SizeRole } from '../../lib/talk'
import type { Finding } from './types'
import { DIAGRAM_SELECTOR } from './mermaid'

/** The smallest visible text of one role on a slide, in screen px as rendered. */
export interface TextSample {
  role: SizeRole
  px: number
  text: string
  /** The element holding it, e.g. `<span class="nodeLabel">` or `<td>`. */
  element: string
  /** Index of the Mermaid diagram it sits in (page order), if any. */
  diagram?: number
}

/**
 * Measures every visible text node of the slide, Mermaid diagrams' shadow roots included, at
 * its rendered size on screen: the computed font size times the scale it is drawn at (the
 * slide's scale, any CSS transform, an SVG viewBox: the screen CTM for SVG text, the ratio of
 * the drawn to the laid-out box for HTML, also inside a foreignObject). Roles:
 * `[data-role="caption"]` caption, `[data-role="quote"]` quote, list items bullet (code in them
 * is text), anything else text. Returns the smallest sample of each role, in px as it would be
 * on a 1920x1080 screen: `target` is the slide's scale there (1920 / canvas width); the size
 * seen in this viewport is converted (the slide's layout does not depend on the viewport).
 */
export async function measureTextSizes(page: Page, no: number, target: number): Promise<TextSample[]> {
  return page.evaluate(({ no, target, diagrams }) => {
    const slide = document.querySelector<HTMLElement>(`.slidev-page-${no}`)
    if (!slide || !slide.offsetHeight)
      return []
    // The slide is drawn at `scale` in this viewport; at 1920x1080 it would be drawn at `target`.
    const scale = slide.getBoundingClientRect().height / slide.offsetHeight
    const roots: { root: Node, diagram?: number }[] = [{ root: slide }]
    slide.querySelectorAll(diagrams).forEach((d, diagram) => {
      if (d.shadowRoot)
        roots.push({ root: d.shadowRoot, diagram })
    })
    const skip = new Set(['style', 'script', 'title', 'desc', 'noscript', 'template'])
    const up = (e: Element): Element | null => e.parentElement ?? ((e.getRootNode() as ShadowRoot).host ?? null)
    /** Screen px per CSS px (or SVG user unit) at `el`. */
    const scaleAt = (el: Element): number => {
      let own = 1
      for (let e: Element | null = el; e; e = up(e)) {
        if (e instanceof SVGGraphicsElement) {
          const m = e.getScreenCTM()
          if (m)
            return own * Math.hypot(m.c, m.d)
        }
        if (e instanceof HTMLElement && e.offsetHeight >= 40) {
          const r = e.getBoundingClientRect()
          if (r.height > 0)
            return own * r.height / e.offsetHeight
        }
        // Too small to measure precisely (offset sizes are whole px): take its own transform, go up.
        const t = getComputedStyle(e).transform
        if (t && t !== 'none') {
          const m = new DOMMatrix(t)
          own *= Math.hypot(m.c, m.d)
        }
      }
      return own
    }
    const describe = (el: Element) => {
      const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/).slice(0, 2).join(' ') : ''
      return `<${el.tagName.toLowerCase()}${cls ? ` class="${cls}"` : ''}>`
    }
    const best = new Map<string, { role: string, px: number, text: string, element: string, diagram?: number }>()
    for (const { root, diagram } of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = (n.textContent ?? '').trim().replace(/\s+/g, ' ')
        const el = n.parentElement
        if (!el || !/[\p{L}\p{N}]/u.test(text) || skip.has(el.tagName.toLowerCase()))
          continue
        if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
          continue
        const range = document.createRange()
        range.selectNodeContents(n)
        const box = range.getBoundingClientRect()
        if (box.width < 1 || box.height < 1)
          continue
        const px = Number.parseFloat(getComputedStyle(el).fontSize) * scaleAt(el) / scale * target
        const role = el.closest('[data-role="caption"]')
          ? 'caption'
          : el.closest('[data-role="quote"]')
            ? 'quote'
            : el.closest('code, pre, kbd, samp, table')
              ? 'text'
              : el.closest('li') ? 'bullet' : 'text'
        const prev = best.get(role)
        if (!prev || px < prev.px)
          best.set(role, { role, px, text: text.slice(0, 60), element: describe(el), diagram })
      }
    }
    return [...best.values()]
  }, { no, target, diagrams: DIAGRAM_SELECTOR }) as Promise<TextSample[]>
}

const NAMES: Record<SizeRole, string> = { quote: 'quotation text', bullet: 'list item', caption: 'caption', text: 'text' }

/** A finding for each role whose smallest sample is under its floor (0.05 px of rounding allowed). */
export function textSizeFindings(samples: TextSample[]): Finding[] {
  return samples
    .filter(s => s.px + 0.05 < SIZE_FLOORS[s.role])
    .sort((a, b) => a.px - b.px)
    .map(s => ({
      kind: 'text-size',
      message: `${NAMES[s.role]} too small: ${s.px.toFixed(1)} px < ${SIZE_FLOORS[s.role]} px at 1920x1080 (smallest ${NAMES[s.role]} on the slide, ${s.diagram !== undefined ? `Mermaid diagram ${s.diagram + 1}, ` : ''}${s.element}): "${s.text}"`,
      text: s.text,
      diagram: s.diagram,
    }))
}

/** The smaller sample of each role (a slide measured at several click steps). */
export function mergeSamples(a: TextSample[], b: TextSample[]): TextSample[] {
  const byRole = new Map<SizeRole, TextSample>()
  for (const s of [...a, ...b]) {
    const prev = byRole.get(s.role)
    if (!prev || s.px < prev.px)
      byRole.set(s.role, s)
  }
  return [...byRole.values()]
}
