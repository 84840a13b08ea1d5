import type { Page } from 'playwright-core'
import type { Finding } from './types'

/** How far (px) a box may stick out before it counts: rounding and anti-aliasing. */
export const TOLERANCE = 1.5

/**
 * Visible elements of the slide that extend outside the slide canvas, and elements whose
 * content is cut off by their own box (overflow hidden/clip/auto/scroll and scroll size larger
 * than the client size). Only the outermost offender of a subtree is reported. A Monaco editor
 * is checked as one box: inside, it scrolls and clips by design.
 */
export async function checkLayout(page: Page, no: number): Promise<Finding[]> {
  return page.evaluate(async ({ no, tol }) => {
    const out: { kind: string, message: string, text: string }[] = []
    const slide = document.querySelector<HTMLElement>(`.slidev-page-${no}`)
    // The slide's own canvas (the print view holds one per slide), else the page's.
    const canvas = slide?.closest<HTMLElement>('#slide-content') ?? document.querySelector<HTMLElement>('#slide-content') ?? slide
    if (!slide || !canvas)
      return out
    // `v-motion` animates in script, which reduced motion does not stop: measure once no box has
    // moved between two frames (at most 3 s).
    const boxes = () => [...slide.querySelectorAll('*')].map(e => Object.values(e.getBoundingClientRect().toJSON()).join()).join()
    for (let last = '', t0 = Date.now(); Date.now() - t0 < 3000;) {
      const now = boxes()
      if (now === last)
        break
      last = now
      await new Promise(r => requestAnimationFrame(r))
    }
    const c = canvas.getBoundingClientRect()
    const scale = c.width / (canvas.offsetWidth || c.width) || 1
    const textOf = (el: Element) => ((el as HTMLElement).innerText ?? el.textContent ?? '').trim().replace(/\s+/g, ' ')
    const label = (el: Element) => {
      const t = textOf(el)
      const tag = el.tagName.toLowerCase()
      return t ? `<${tag}> "${t.slice(0, 60)}${t.length > 60 ? '…' : ''}"` : `<${tag}${el.className && typeof el.className === 'string' ? ` class="${el.className.slice(0, 40)}"` : ''}>`
    }
    const visible = (el: Element) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
    const reported: Element[] = []
    const under = (el: Element) => reported.some(r => r.contains(el))
    for (const el of slide.querySelectorAll('*')) {
      if ((el.closest('svg') && el.tagName.toLowerCase() !== 'svg') || el.closest('.monaco-editor, .monaco-aria-container'))
        continue
      if (under(el) || !visible(el))
        continue
      const r = el.getBoundingClientRect()
      // 1 px boxes are the screen-reader-only pattern (KaTeX's MathML copy, labels of icon buttons).
      if (r.width <= 1 * scale || r.height <= 1 * scale)
        continue
      const sides: string[] = []
      if (r.left < c.left - tol)
        sides.push(`left by ${Math.round((c.left - r.left) / scale)}px`)
      if (r.top < c.top - tol)
        sides.push(`top by ${Math.round((c.top - r.top) / scale)}px`)
      if (r.right > c.right + tol)
        sides.push(`right by ${Math.round((r.right - c.right) / scale)}px`)
      if (r.bottom > c.bottom + tol)
        sides.push(`bottom by ${Math.round((r.bottom - c.bottom) / scale)}px`)
      if (sides.length) {
        reported.push(el)
        out.push({ kind: 'overflow', message: `${label(el)} extends outside the slide canvas (${sides.join(', ')})`, text: textOf(el) })
        continue
      }
      const cs = getComputedStyle(el)
      const clips = (v: string) => v !== 'visible'
      const h = el as HTMLElement
      const overY = clips(cs.overflowY) && h.scrollHeight > h.clientHeight + tol && h.clientHeight > 0
      const overX = clips(cs.overflowX) && h.scrollWidth > h.clientWidth + tol && h.clientWidth > 0
      if ((overX || overY) && el !== slide && !el.classList.contains('slidev-layout')) {
        reported.push(el)
        const by = [overY ? `${h.scrollHeight - h.clientHeight}px vertically` : '', overX ? `${h.scrollWidth - h.clientWidth}px horizontally` : ''].filter(Boolean).join(', ')
        out.push({ kind: 'clipped', message: `${label(el)} cuts off its content (overflow ${cs.overflowX}/${cs.overflowY}, ${by})`, text: textOf(el) })
      }
    }
    // Content that overflows the slide itself (the page or its layout clip it).
    for (const box of [slide, slide.querySelector('.slidev-layout')]) {
      if (!box || reported.length)
        continue
      const h = box as HTMLElement
      if (h.scrollHeight > h.clientHeight + tol || h.scrollWidth > h.clientWidth + tol) {
        const last = [...h.querySelectorAll('*')].filter(e => visible(e) && textOf(e)).pop()
        out.push({ kind: 'overflow', message: `slide content is ${h.scrollHeight - h.clientHeight}px taller / ${h.scrollWidth - h.clientWidth}px wider than the slide and is cut off`, text: last ? textOf(last) : '' })
        break
      }
    }
    return out
  }, { no, tol: TOLERANCE })
}
