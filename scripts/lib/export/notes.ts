/** Escapes text for HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** One line of markdown to HTML: code, strong, emphasis, links spelled out; everything else escaped. */
export function inline(s: string): string {
  return escapeHtml(s)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*([^*\s][^*]*)\*(?!\w)/g, '$1<em>$2</em>')
    .replace(/(^|[^\w])_([^_\s][^_]*)_(?!\w)/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 (<span class="url">$2</span>)')
}

/**
 * Speaker notes (markdown, as authors write them in the slide's closing comment) to readable HTML:
 * paragraphs, bullet and numbered lists, emphasis, code, links spelled out. Slidev's `[click]`
 * markers become a small "▸ click" tag. Raw HTML in notes is shown as text, never injected.
 */
export function notesToHtml(note: string | undefined): string {
  if (!note?.trim())
    return '<p class="empty">(no notes)</p>'
  const out: string[] = []
  let list: 'ul' | 'ol' | undefined
  let para: string[] = []
  const flush = () => {
    if (para.length)
      out.push(`<p>${para.join(' ')}</p>`)
    para = []
  }
  const closeList = () => {
    if (list)
      out.push(`</${list}>`)
    list = undefined
  }
  for (const raw of note.split('\n')) {
    const line = raw.trim().replace(/\[click(?::?\d+)?\]/g, '<CLICK>')
    const click = (s: string) => s.replace(/&lt;CLICK&gt;/g, '<span class="click">▸ click</span>')
    const bullet = line.match(/^[-*+]\s+(.*)$/)
    const numbered = line.match(/^\d+[.)]\s+(.*)$/)
    if (!line) {
      flush()
      closeList()
    }
    else if (bullet || numbered) {
      flush()
      const kind = bullet ? 'ul' : 'ol'
      if (list !== kind) {
        closeList()
        out.push(`<${kind}>`)
        list = kind
      }
      out.push(`<li>${click(inline((bullet ?? numbered)![1]!))}</li>`)
    }
    else {
      const heading = line.match(/^#{1,6}\s+(.*)$/)
      if (heading) {
        flush()
        closeList()
        out.push(`<p><strong>${click(inline(heading[1]!))}</strong></p>`)
      }
      else {
        closeList()
        para.push(click(inline(line)))
      }
    }
  }
  flush()
  closeList()
  return out.join('\n')
}

/** Notes as plain text for the PPTX notes pane: Slidev's `[click]` markers removed. */
export function notesToPlainText(note: string): string {
  return note.replace(/\[click(?::?\d+)?\]\s*/g, '').replace(/[ \t]+\n/g, '\n').trim()
}
