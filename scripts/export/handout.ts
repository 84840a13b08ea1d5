import MarkdownIt from 'markdown-it'
import type { DeckSlide } from '../lib/deck.ts'
import { CLICK_MARKER } from '../lib/talk.ts'

/** As Slidev renders notes (markdown-it), but raw HTML in notes is shown as text, never injected. */
const md = new MarkdownIt({ html: false })

const escapeHtml = md.utils.escapeHtml
const pct = (v: number) => `${(Math.min(Math.max(v, 0), 1) * 100).toFixed(3)}%`

/** Speaker notes to HTML for the handout; Slidev's `[click]` markers become a small "▸ click" tag. */
export function notesToHtml(note: string | undefined): string {
  if (!note?.trim())
    return '<p class="empty">(no notes)</p>'
  return md.render(note).replace(CLICK_MARKER, '<span class="click">▸ click</span>')
}

/** Notes as plain text for the PPTX notes pane: Slidev's `[click]` markers removed. */
export function notesToPlainText(note: string): string {
  return note.replace(new RegExp(`${CLICK_MARKER.source}\\s*`, 'gi'), '').replace(/[ \t]+\n/g, '\n').trim()
}

/** `image`: a data: URL; `links`: the slide's links, as fractions of its size, kept clickable over the image. */
type HandoutSlide = Pick<DeckSlide, 'no' | 'title' | 'note'> & { image: string, links?: SlideLink[] }

export interface SlideLink { href: string, x: number, y: number, w: number, h: number }

/**
 * The speaker-notes handout for Chromium to print: A4, `perPage` slides a page, each image with its
 * number, title and notes; the cells have a fixed height (`fitHandoutNotes` shrinks long notes).
 */
export function handoutHtml(title: string, slides: HandoutSlide[], perPage = 2): string {
  const cell = (s: HandoutSlide) => `
      <section class="slide" data-no="${s.no}">
        <div class="shot"><img src="${s.image}" alt="Slide ${s.no}${s.title ? `: ${escapeHtml(s.title.replace(/[*_`]/g, ''))}` : ''}">${(s.links ?? []).map(l => `<a href="${escapeHtml(l.href)}" style="left:${pct(l.x)};top:${pct(l.y)};width:${pct(l.w)};height:${pct(l.h)}">${escapeHtml(l.href)}</a>`).join('')}</div>
        <h2><span class="no">${s.no}</span> ${md.renderInline(s.title ?? '')}</h2>
        <div class="notes">${notesToHtml(s.note)}</div>
      </section>`
  const pages = Array.from({ length: Math.ceil(slides.length / perPage) }, (_, p) => `<div class="page">${slides.slice(p * perPage, (p + 1) * perPage).map(cell).join('')}</div>`)
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} — speaker notes</title>
<style>
  @page { size: A4 portrait; margin: 12mm 14mm; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 10.5pt/1.45 "IBM Plex Sans", "DejaVu Sans", sans-serif; color: #111; }
  .page { break-after: page; display: flex; flex-direction: column; gap: 6mm; width: 182mm; height: 271mm; }
  .page:last-child { break-after: auto; }
  .slide { flex: 1 1 0; overflow: hidden; display: flex; flex-direction: column; }
  .shot { position: relative; width: 70%; align-self: flex-start; flex: none; }
  .shot img { display: block; width: 100%; border: 0.3mm solid #94a3b8; }
  .shot a { position: absolute; display: block; overflow: hidden; color: transparent; font-size: 1px; }
  h2 { font-size: 11pt; margin: 2mm 0 1mm; }
  h2 code { font-family: "IBM Plex Mono", "DejaVu Sans Mono", monospace; font-weight: 600; }
  .no { display: inline-block; min-width: 7mm; color: #475569; }
  .notes p { margin: 0 0 1.5mm; }
  .notes ul, .notes ol { margin: 0 0 1.5mm; padding-left: 5mm; }
  .notes code { font-family: "IBM Plex Mono", "DejaVu Sans Mono", monospace; font-size: 9.5pt; }
  .click { font-size: 8pt; color: #64748b; border: 0.2mm solid #cbd5e1; border-radius: 1mm; padding: 0 1mm; }
  .empty { color: #94a3b8; font-style: italic; }
  .notes a { color: #334155; word-break: break-all; }
</style></head>
<body>${pages.join('\n')}</body></html>`
}

/** Smallest notes font the handout uses before it gives up (pt). */
export const HANDOUT_MIN_PT = 7.5

/**
 * Runs in the handout page: shrinks overflowing notes half a point at a time down to `minPt`, then
 * the slide image; returns the slides shrunk and those still cut (the caller fails rather than cut).
 */
export function fitHandoutNotes(minPt: number): { shrunk: { no: number, pt: number }[], cut: number[] } {
  const shrunk: { no: number, pt: number }[] = []
  const cut: number[] = []
  for (const section of document.querySelectorAll<HTMLElement>('section.slide')) {
    const overflows = () => section.scrollHeight > section.clientHeight + 1
    const no = Number(section.dataset.no)
    let pt = 10.5
    while (overflows() && pt > minPt)
      section.querySelector<HTMLElement>('.notes')!.style.fontSize = `${pt -= 0.5}pt`
    for (let width = 70; overflows() && width > 40;)
      section.querySelector<HTMLElement>('.shot')!.style.width = `${width -= 5}%`
    if (pt < 10.5)
      shrunk.push({ no, pt })
    if (overflows())
      cut.push(no)
  }
  return { shrunk, cut }
}
