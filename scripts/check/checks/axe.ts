import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import type { Finding } from './types'

let source: string | undefined

/** axe-core's browser bundle, read once from node_modules. */
function axeSource(): string {
  source ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  return source
}

/** Impacts that fail the check. */
export const FAILING_IMPACTS = ['serious', 'critical']

/**
 * Runs axe-core on the slide element (colour contrast included) and returns violations of
 * serious or critical impact, one finding per offending element.
 */
export async function checkAccessibility(page: Page, no: number): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: axeSource() })
  return page.evaluate(async ({ no, impacts }) => {
    const slide = document.querySelector(`.slidev-page-${no}`)
    if (!slide)
      return []
    // eslint-disable-next-line ts/no-explicit-any
    const axe = (window as any).axe
    // Slidev lays a transparent, click-through drawing layer (<svg>) over the slide; axe then
    // cannot tell any text's background ("overlapped by another element") and skips the
    // contrast check. Hide such overlays while axe runs.
    const hidden: [HTMLElement | SVGElement, string][] = []
    for (const el of document.querySelectorAll<HTMLElement | SVGElement>('#slide-content > *')) {
      if (!el.contains(slide) && getComputedStyle(el).pointerEvents === 'none') {
        hidden.push([el, el.style.display])
        el.style.display = 'none'
      }
    }
    let result
    try {
      result = await axe.run(slide, { resultTypes: ['violations'] })
    }
    finally {
      for (const [el, display] of hidden)
        el.style.display = display
    }
    const out: { kind: string, message: string, text: string }[] = []
    for (const v of result.violations as { id: string, impact: string, help: string, nodes: { target: string[], failureSummary?: string, impact?: string }[] }[]) {
      for (const node of v.nodes) {
        const impact = node.impact ?? v.impact
        if (!impacts.includes(impact))
          continue
        const sel = node.target.join(' ')
        let el: Element | null = null
        try {
          el = document.querySelector(sel)
        }
        catch {}
        const text = ((el as HTMLElement | null)?.innerText ?? el?.textContent ?? '').trim().replace(/\s+/g, ' ')
        const why = (node.failureSummary ?? '').split('\n').slice(1).join(' ').trim()
        out.push({
          kind: 'axe',
          message: `${v.id} (${impact}): ${v.help}: ${text ? `"${text.slice(0, 60)}"` : sel}${why ? ` (${why.slice(0, 160)})` : ''}`,
          text,
        })
      }
    }
    return out
  }, { no, impacts: FAILING_IMPACTS })
}
