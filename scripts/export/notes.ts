import MarkdownIt from 'markdown-it'

/** As Slidev renders notes (markdown-it), but raw HTML in notes is shown as text, never injected. */
const md = new MarkdownIt({ html: false })

export const escapeHtml = md.utils.escapeHtml

/** A line of markdown (a slide title) to inline HTML. */
export function inline(s: string): string {
  return md.renderInline(s)
}

/** Speaker notes to HTML for the handout; Slidev's `[click]` markers become a small "▸ click" tag. */
export function notesToHtml(note: string | undefined): string {
  if (!note?.trim())
    return '<p class="empty">(no notes)</p>'
  return md.render(note).replace(/\[click(?::?\d+)?\]/g, '<span class="click">▸ click</span>')
}

/** Notes as plain text for the PPTX notes pane: Slidev's `[click]` markers removed. */
export function notesToPlainText(note: string): string {
  return note.replace(/\[click(?::?\d+)?\]\s*/g, '').replace(/[ \t]+\n/g, '\n').trim()
}
