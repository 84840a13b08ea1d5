/** The in-page checks of one slide (`.slidev-page-<no>`): the check runs them at every click step, the export on its print view. */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type * as Axe from 'axe-core'
import type { Page } from 'playwright-core'
import { MERMAID_ERROR_BOX } from '../lib/slidev-adapter.ts'
import { SIZE_FLOORS, type SizeRole } from '../lib/talk.ts'

/** What an in-page check found; its source line is found by `diagram` (0-based Mermaid block), `needle` (a literal: image path, URL) or `text` (visible text). */
export interface Finding { kind: string, message: string, text?: string, needle?: string, diagram?: number }

/** A diagram: a `.mermaid` element whose shadow root holds the `<svg>`, or Slidev's error box when Mermaid threw. */
const DIAGRAM = `.mermaid, ${MERMAID_ERROR_BOX}`

/**
 * Waits until `scope` (a slide, or the whole print view) shows as many diagrams as the source has
 * Mermaid blocks (Slidev's Mermaid component loads lazily) and each has rendered or failed. (Mermaid
 * leaves a failed render's scratch element in #mermaid-rendering-container: look at the diagrams only.)
 */
export async function diagramsSettled(page: Page, scope: string, expected: number, timeout: number): Promise<void> {
  await page.waitForFunction(({ scope, expected, selector }) => {
    const root = document.querySelector(scope)
    return !!root && root.querySelectorAll(selector).length >= expected
      && [...root.querySelectorAll('.mermaid')].every(el => el.shadowRoot?.querySelector('svg'))
  }, { scope, expected, selector: DIAGRAM }, { timeout, polling: 100 })
}

/** The diagrams of `scope` that failed (Slidev's error box, Mermaid's error picture) and, unless `failedOnly`, those missing (fewer than `expected`) or empty. */
export async function diagramFindings(page: Page, scope: string, expected = 0, failedOnly = false): Promise<Finding[]> {
  return page.evaluate(({ scope, selector, expected, failedOnly }) => {
    const out: Finding[] = []
    const diagrams = [...document.querySelector(scope)?.querySelectorAll(selector) ?? []]
    for (let missing = diagrams.length; !failedOnly && missing < expected; missing++)
      out.push({ kind: 'mermaid', message: `diagram missing: the source has ${expected} Mermaid block(s), the slide shows ${diagrams.length}`, diagram: missing })
    diagrams.forEach((el, diagram) => {
      if (el.tagName === 'PRE')
        return out.push({ kind: 'mermaid', message: `diagram failed to render: ${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 160)}`, diagram })
      const svg = el.shadowRoot?.querySelector('svg')
      const text = svg?.textContent ?? ''
      if (svg?.getAttribute('aria-roledescription') === 'error' || /Syntax error in text|Parse error on line|UnknownDiagramError/.test(text))
        return out.push({ kind: 'mermaid', message: `diagram shows Mermaid's error picture: ${text.trim().slice(0, 120)}`, diagram })
      if (failedOnly)
        return
      if (!svg)
        return out.push({ kind: 'mermaid', message: 'diagram rendered empty: no <svg> appeared (Mermaid produced nothing, or never finished)', diagram })
      const box = svg.getBoundingClientRect()
      const drawn = [...svg.querySelectorAll('path, rect, circle, ellipse, polygon, polyline, line, text, foreignObject, image')]
        .filter(s => s.getBoundingClientRect().width > 0.5 || s.getBoundingClientRect().height > 0.5)
      if (box.width < 4 || box.height < 4 || drawn.length === 0)
        out.push({ kind: 'mermaid', message: `diagram rendered empty (${Math.round(box.width)}×${Math.round(box.height)} px, ${drawn.length} visible shapes)`, diagram })
    })
    return out
  }, { scope, selector: DIAGRAM, expected, failedOnly })
}

/** A slide that shows nothing: no visible text and no visible picture (img, svg, canvas, video, iframe, Mermaid diagram). */
export async function checkBlank(page: Page, no: number): Promise<Finding[]> {
  return page.evaluate((no) => {
    const slide = document.querySelector(`.slidev-page-${no}`)
    if (!slide)
      return [{ kind: 'blank', message: `slide ${no} is not on the page` }]
    const pictures = [...slide.querySelectorAll('img, svg, canvas, video, iframe, .mermaid')].filter((el) => {
      const r = el.getBoundingClientRect()
      return el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && r.width >= 2 && r.height >= 2 && (el.tagName !== 'IMG' || (el as HTMLImageElement).naturalWidth > 0)
    })
    return (slide as HTMLElement).innerText?.trim() || pictures.length ? [] : [{ kind: 'blank', message: 'the slide renders blank (no visible text or picture)' }]
  }, no)
}

/**
 * Visible elements outside the slide canvas (by more than 1.5 px: rounding, anti-aliasing), and
 * elements that cut off their own content (overflow not visible, scroll size over client size);
 * the outermost offender of a subtree only. A Monaco editor is one box: inside, it clips by design.
 */
export async function checkLayout(page: Page, no: number): Promise<Finding[]> {
  return page.evaluate(async (no) => {
    const tol = 1.5
    const out: Finding[] = []
    const slide = document.querySelector<HTMLElement>(`.slidev-page-${no}`)
    // The slide's own canvas (the print view holds one per slide), else the page's.
    const canvas = slide?.closest<HTMLElement>('#slide-content') ?? document.querySelector<HTMLElement>('#slide-content') ?? slide
    if (!slide || !canvas)
      return out
    // `v-motion` animates in script, which reduced motion does not stop: measure once no box has
    // moved between two frames (at most 3 s).
    const boxes = () => [...slide.querySelectorAll('*')].map(e => Object.values(e.getBoundingClientRect().toJSON()).join()).join()
    for (let last = '', now = boxes(), t0 = Date.now(); now !== last && Date.now() - t0 < 3000; last = now, now = boxes())
      await new Promise(r => requestAnimationFrame(r))
    const c = canvas.getBoundingClientRect()
    const scale = c.width / (canvas.offsetWidth || c.width) || 1
    const textOf = (el: Element) => ((el as HTMLElement).innerText ?? el.textContent ?? '').trim().replace(/\s+/g, ' ')
    const label = (el: Element) => {
      const [t, tag] = [textOf(el), el.tagName.toLowerCase()]
      return t ? `<${tag}> "${t.slice(0, 60)}${t.length > 60 ? '…' : ''}"` : `<${tag}${el.className && typeof el.className === 'string' ? ` class="${el.className.slice(0, 40)}"` : ''}>`
    }
    const visible = (el: Element) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
    const reported: Element[] = []
    for (const el of slide.querySelectorAll('*')) {
      if ((el.closest('svg') && el.tagName.toLowerCase() !== 'svg') || el.closest('.monaco-editor, .monaco-aria-container'))
        continue
      if (reported.some(r => r.contains(el)) || !visible(el))
        continue
      const r = el.getBoundingClientRect()
      // 1 px boxes are the screen-reader-only pattern (KaTeX's MathML copy, labels of icon buttons).
      if (r.width <= scale || r.height <= scale)
        continue
      const sides = ([['left', c.left - r.left], ['top', c.top - r.top], ['right', r.right - c.right], ['bottom', r.bottom - c.bottom]] as const)
        .filter(([, by]) => by > tol).map(([side, by]) => `${side} by ${Math.round(by / scale)}px`)
      if (sides.length) {
        reported.push(el)
        out.push({ kind: 'overflow', message: `${label(el)} extends outside the slide canvas (${sides.join(', ')})`, text: textOf(el) })
        continue
      }
      const cs = getComputedStyle(el)
      const h = el as HTMLElement
      const overY = cs.overflowY !== 'visible' && h.scrollHeight > h.clientHeight + tol && h.clientHeight > 0
      const overX = cs.overflowX !== 'visible' && h.scrollWidth > h.clientWidth + tol && h.clientWidth > 0
      if ((overX || overY) && el !== slide && !el.classList.contains('slidev-layout')) {
        reported.push(el)
        const by = [overY ? `${h.scrollHeight - h.clientHeight}px vertically` : '', overX ? `${h.scrollWidth - h.clientWidth}px horizontally` : ''].filter(Boolean).join(', ')
        out.push({ kind: 'clipped', message: `${label(el)} cuts off its content (overflow ${cs.overflowX}/${cs.overflowY}, ${by})`, text: textOf(el) })
      }
    }
    // Content that overflows the slide itself (the page or its layout clip it).
    const box = reported.length ? undefined : [slide, slide.querySelector<HTMLElement>('.slidev-layout')].find(h => h && (h.scrollHeight > h.clientHeight + tol || h.scrollWidth > h.clientWidth + tol))
    if (box) {
      const last = [...box.querySelectorAll('*')].filter(e => visible(e) && textOf(e)).pop()
      out.push({ kind: 'overflow', message: `slide content is ${box.scrollHeight - box.clientHeight}px taller / ${box.scrollWidth - box.clientWidth}px wider than the slide and is cut off`, text: last ? textOf(last) : '' })
    }
    return out
  }, no)
}

/** Images of the slide that did not load (a broken image shows no picture). */
export async function checkImages(page: Page, no: number): Promise<Finding[]> {
  return page.evaluate(no => [...document.querySelectorAll<HTMLImageElement>(`.slidev-page-${no} img`)]
    .filter(img => img.complete && img.naturalWidth === 0 && img.getAttribute('src'))
    .map(img => ({ kind: 'image', message: `broken image ${img.getAttribute('src')} (did not load)`, needle: img.getAttribute('src')! })), no)
}

/** The first font family of visible text: if defined (@font-face) its face for that weight and style must load; if the deck declares it (headmatter `fonts:`) it must be defined. */
export async function checkFonts(page: Page, no: number, declared: string[]): Promise<Finding[]> {
  return page.evaluate(async ({ no, declared }) => {
    const out: Finding[] = []
    const slide = document.querySelector(`.slidev-page-${no}`)! // the check waited for it
    const generic = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui', 'ui-sans-serif', 'ui-serif', 'ui-monospace', 'ui-rounded', 'emoji', 'math', 'fangsong', 'inherit', 'initial'])
    const unquote = (f: string) => f.trim().replace(/^["']|["']$/g, '')
    const used = new Map<string, { family: string, weight: string, style: string, text: string }>()
    const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const [text, el] = [(n.textContent ?? '').trim(), n.parentElement]
      if (!text || !el || el.closest('svg') || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
        continue
      const { fontFamily, fontWeight: weight, fontStyle: style } = getComputedStyle(el)
      const family = unquote(fontFamily.split(',')[0]!)
      if (family && !generic.has(family.toLowerCase()) && !used.has(`${family}|${weight}|${style}`))
        used.set(`${family}|${weight}|${style}`, { family, weight, style, text })
    }
    await document.fonts.ready
    for (const { family, weight, style, text } of used.values()) {
      const mine = [...document.fonts].filter(f => unquote(f.family).toLowerCase() === family.toLowerCase())
      if (!mine.length) {
        if (declared.some(d => d.toLowerCase() === family.toLowerCase()))
          out.push({ kind: 'font', message: `font "${family}" is declared by the deck but no @font-face provides it (text falls back to a system font): "${text.slice(0, 50)}"`, text })
        continue
      }
      const spec = `${style} ${weight} 16px "${family}"`
      await document.fonts.load(spec, text).catch(() => {})
      if (!document.fonts.check(spec, text) || !mine.some(f => f.status === 'loaded'))
        out.push({ kind: 'font', message: `font "${family}" ${weight} ${style} did not load (${[...new Set(mine.map(f => f.status))].join('/')}): "${text.slice(0, 50)}"`, text })
    }
    return out
  }, { no, declared })
}

let axeSource: string | undefined

/** axe-core on the slide (colour contrast included): one finding per element with a serious or critical violation. */
export async function checkAccessibility(page: Page, no: number): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8') })
  return page.evaluate(async (no) => {
    const slide = document.querySelector(`.slidev-page-${no}`)! // the check waited for it
    // Slidev lays a transparent, click-through drawing layer (<svg>) over the slide; axe then
    // cannot tell any text's background ("overlapped by another element") and skips the
    // contrast check. Hide such overlays while axe runs.
    const hidden = [...document.querySelectorAll<HTMLElement | SVGElement>('#slide-content > *')].filter(el => !el.contains(slide) && getComputedStyle(el).pointerEvents === 'none')
    const displays = hidden.map(el => el.style.display)
    hidden.forEach(el => el.style.display = 'none')
    const result = await (window as unknown as { axe: typeof Axe }).axe.run(slide, { resultTypes: ['violations'], elementRef: true }).finally(() => hidden.forEach((el, i) => el.style.display = displays[i]!))
    return result.violations.flatMap(v => v.nodes.filter(n => ['serious', 'critical'].includes(n.impact ?? v.impact ?? '')).map((node) => {
      const text = (node.element?.innerText ?? node.element?.textContent ?? '').trim().replace(/\s+/g, ' ')
      const why = (node.failureSummary ?? '').split('\n').slice(1).join(' ').trim()
      return { kind: 'axe', message: `${v.id} (${node.impact ?? v.impact}): ${v.help}: ${text ? `"${text.slice(0, 60)}"` : node.target.join(' ')}${why ? ` (${why.slice(0, 160)})` : ''}`, text }
    }))
  }, no)
}

/** The smallest visible text of one role on a slide, in px at 1920x1080; its element (`<td>`) and Mermaid diagram (page order) if any. */
export interface TextSample { role: SizeRole, px: number, text: string, element: string, diagram?: number }

/**
 * The room budgets' measures of the slide now, Mermaid diagrams' shadow roots included: the
 * smallest text of each role and the words on screen. Sizes are as rendered (font size times the
 * scale it is drawn at: the screen CTM for SVG, drawn to laid-out box for HTML) at 1920x1080
 * (`target` is the slide's scale there). Roles: `[data-role=caption]`, `[data-role=quote]`, list
 * items bullet (code in them is text), else text. Words leave out the title (h1) and captions; text
 * nodes of one block run together as read ("Xen/<b>ia64</b>" is one word).
 */
export async function measureText(page: Page, no: number, target: number): Promise<{ samples: TextSample[], words: number }> {
  return page.evaluate(({ no, target, diagrams }) => {
    const slide = document.querySelector<HTMLElement>(`.slidev-page-${no}`)
    if (!slide || !slide.offsetHeight)
      return { samples: [], words: 0 }
    // The slide is drawn at `scale` in this viewport; at 1920x1080 it would be drawn at `target`.
    const scale = slide.getBoundingClientRect().height / slide.offsetHeight
    const roots: { root: Node, diagram?: number }[] = [{ root: slide }]
    slide.querySelectorAll(diagrams).forEach((d, diagram) => d.shadowRoot && roots.push({ root: d.shadowRoot, diagram }))
    const up = (e: Element): Element | null => e.parentElement ?? ((e.getRootNode() as ShadowRoot).host ?? null)
    /** Screen px per CSS px (or SVG user unit) at `el`. */
    const scaleAt = (el: Element): number => {
      let own = 1
      for (let e: Element | null = el; e; e = up(e)) {
        const m = e instanceof SVGGraphicsElement ? e.getScreenCTM() : null
        if (m)
          return own * Math.hypot(m.c, m.d)
        const r = e instanceof HTMLElement && e.offsetHeight >= 40 ? e.getBoundingClientRect() : undefined
        if (r && r.height > 0)
          return own * r.height / (e as HTMLElement).offsetHeight
        // Too small to measure precisely (offset sizes are whole px): take its own transform, go up.
        const t = getComputedStyle(e).transform
        const m2 = t && t !== 'none' ? new DOMMatrix(t) : undefined
        own *= m2 ? Math.hypot(m2.c, m2.d) : 1
      }
      return own
    }
    const blockOf = (el: Element): Element => el.parentElement && getComputedStyle(el).display.startsWith('inline') ? blockOf(el.parentElement) : el
    const describe = (el: Element) => {
      const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/).slice(0, 2).join(' ') : ''
      return `<${el.tagName.toLowerCase()}${cls ? ` class="${cls}"` : ''}>`
    }
    const best = new Map<string, TextSample>()
    let words = ''
    let block: Element | undefined
    for (const { root, diagram } of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = (n.textContent ?? '').trim().replace(/\s+/g, ' ')
        const el = n.parentElement
        // <style>, <script>, SVG <title> and the like have no box, so checkVisibility is false.
        if (!el || !text || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
          continue
        if (!el.closest('h1, [data-role="caption"]')) {
          words += (blockOf(el) === block ? '' : ' ') + n.textContent
          block = blockOf(el)
        }
        const range = document.createRange()
        range.selectNodeContents(n)
        const box = range.getBoundingClientRect()
        if (!/[\p{L}\p{N}]/u.test(text) || box.width < 1 || box.height < 1)
          continue
        const px = Number.parseFloat(getComputedStyle(el).fontSize) * scaleAt(el) / scale * target
        const role = el.closest('[data-role="caption"]') ? 'caption' : el.closest('[data-role="quote"]') ? 'quote' : !el.closest('code, pre, kbd, samp, table') && el.closest('li') ? 'bullet' : 'text'
        const prev = best.get(role)
        if (!prev || px < prev.px)
          best.set(role, { role: role as SizeRole, px, text: text.slice(0, 60), element: describe(el), diagram })
      }
    }
    return { samples: [...best.values()], words: words.split(/\s+/).filter(w => /[\p{L}\p{N}]/u.test(w)).length }
  }, { no, target, diagrams: DIAGRAM })
}

const NAMES: Record<SizeRole, string> = { quote: 'quotation text', bullet: 'list item', caption: 'caption', text: 'text' }

/** A finding for each role whose smallest sample (smallest first) is under its floor (0.05 px of rounding allowed), and for words over `maxWords`. */
export function budgetFindings(samples: TextSample[], words: number | undefined, maxWords?: number): Finding[] {
  return [...samples.filter(s => s.px + 0.05 < SIZE_FLOORS[s.role]).map(s => ({
    kind: 'text-size',
    message: `${NAMES[s.role]} too small: ${s.px.toFixed(1)} px < ${SIZE_FLOORS[s.role]} px at 1920x1080 (smallest ${NAMES[s.role]} on the slide, ${s.diagram !== undefined ? `Mermaid diagram ${s.diagram + 1}, ` : ''}${s.element}): "${s.text}"`,
    text: s.text,
    diagram: s.diagram,
  })), ...maxWords && words && words > maxWords
    ? [{ kind: 'words', message: `too many words on screen: ${words}, budget ${maxWords} (title and captions not counted, diagram labels counted); cut ${words - maxWords}` }]
    : []]
}
