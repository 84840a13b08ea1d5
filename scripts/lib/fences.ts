/** A fenced code block in markdown lines: 0-based indexes of its opening and closing fence. */
export interface FenceBlock {
  open: number
  /** Index of the closing fence, or lines.length when the block is never closed. */
  close: number
  /** Language after the fence, lower-cased ("mermaid", "c", "" for none). */
  lang: string
  /** Whatever follows the language, e.g. "{scale: 0.8}". */
  info: string
}

const RE_FENCE_OPEN = /^\s*(`{3,}|~{3,})\s*([\w-]*)(.*)$/

/** The fenced code blocks of some markdown, the one scanner the lint, check and export share. */
export function fenceBlocks(lines: string[]): FenceBlock[] {
  const out: FenceBlock[] = []
  for (let i = 0; i < lines.length; i++) {
    const m = RE_FENCE_OPEN.exec(lines[i] ?? '')
    if (!m)
      continue
    const marker = m[1]!
    let j = i + 1
    while (j < lines.length && !(lines[j] ?? '').trimStart().startsWith(marker)) j++
    out.push({ open: i, close: j, lang: (m[2] ?? '').toLowerCase(), info: (m[3] ?? '').trim() })
    i = j
  }
  return out
}
