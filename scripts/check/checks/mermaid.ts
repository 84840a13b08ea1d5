import type { Page } from 'playwright-core'
import type { Finding } from './types'
import { MERMAID_ERROR_BOX } from '../../lib/slidev-adapter'

/** A diagram: a `.mermaid` element whose shadow root holds the `<svg>`, or Slidev's error box when Mermaid threw. */
export const DIAGRAM_SELECTOR = `.mermaid, ${MERMAID_ERROR_BOX}`

/**
 * Waits until `scope` (a slide, or the whole print view) shows as many diagrams as the source has
 * Mermaid blocks (Slidev's Mermaid component loads lazily, so at first there may be none) and each
 * has rendered or failed. (Mermaid leaves a failed render's scratch element in
 * #mermaid-rendering-container, so that container says nothing: look at the diagrams only.)
 */
export async function diagramsSettled(page: Page, scope: string, expected: number, timeout: number): Promise<void> {
  await page.waitForFunction(({ scope, expected, selector }) => {
    const root = document.querySelector(scope)
    return !!root && root.querySelectorAll(selector).length >= expected
      && [...root.querySelectorAll('.mermaid')].every(el => el.shadowRoot?.querySelector('svg'))
  }, { scope, expected, selector: DIAGRAM_SELECTOR }, { timeout, polling: 100 })
}

/** Error boxes, diagrams that never rendered, and diagrams that rendered nothing visible. */
export async function checkDiagrams(page: Page, no: number, expected = 0): Promise<Finding[]> {
  return page.evaluate(({ no, selector, expected }) => {
    const out: { kind: string, message: string, diagram: number }[] = []
    const slide = document.querySelector(`.slidev-page-${no}`)
    if (!slide)
      return out
    const diagrams = [...slide.querySelectorAll(selector)]
    for (let missing = diagrams.length; missing < expected; missing++)
      out.push({ kind: 'mermaid', message: `diagram missing: the source has ${expected} Mermaid block(s), the slide shows ${diagrams.length}`, diagram: missing })
    diagrams.forEach((el, diagram) => {
      if (el.tagName === 'PRE') {
        const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ')
        out.push({ kind: 'mermaid', message: `diagram failed to render: ${text.slice(0, 160)}`, diagram })
        return
      }
      const svg = el.shadowRoot?.querySelector('svg')
      if (!svg) {
        out.push({ kind: 'mermaid', message: 'diagram rendered empty: no <svg> appeared (Mermaid produced nothing, or never finished)', diagram })
        return
      }
      if (svg.getAttribute('aria-roledescription') === 'error' || /Syntax error in text/i.test(svg.textContent ?? '')) {
        out.push({ kind: 'mermaid', message: `diagram shows Mermaid's error picture: ${(svg.textContent ?? '').trim().slice(0, 120)}`, diagram })
        return
      }
      const box = svg.getBoundingClientRect()
      const drawn = [...svg.querySelectorAll('path, rect, circle, ellipse, polygon, polyline, line, text, foreignObject, image')]
        .filter((s) => {
          const r = s.getBoundingClientRect()
          return r.width > 0.5 || r.height > 0.5
        })
      if (box.width < 4 || box.height < 4 || drawn.length === 0)
        out.push({ kind: 'mermaid', message: `diagram rendered empty (${Math.round(box.width)}×${Math.round(box.height)} px, ${drawn.length} visible shapes)`, diagram })
    })
    return out
  }, { no, selector: DIAGRAM_SELECTOR, expected })
}
