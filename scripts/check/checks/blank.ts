import type { Page } from 'playwright-core'
import type { Finding } from './types'

/** A slide that shows nothing: no visible text and no visible picture (img, svg, canvas, video, iframe, Mermaid diagram). */
export async function checkBlank(page: Page, no: number): Promise<Finding[]> {
  return page.evaluate((no) => {
    const slide = document.querySelector(`.slidev-page-${no}`)
    if (!slide)
      return [{ kind: 'blank', message: `slide ${no} is not on the page` }]
    const visible = (el: Element) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
    const text = ((slide as HTMLElement).innerText ?? '').trim()
    const pictures = [...slide.querySelectorAll('img, svg, canvas, video, iframe, .mermaid')].filter((el) => {
      const r = el.getBoundingClientRect()
      return visible(el) && r.width >= 2 && r.height >= 2 && (el.tagName !== 'IMG' || (el as HTMLImageElement).naturalWidth > 0)
    })
    return text || pictures.length ? [] : [{ kind: 'blank', message: 'the slide renders blank (no visible text or picture)' }]
  }, no)
}
