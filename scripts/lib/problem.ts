export type Scheme = 'light' | 'dark'

/** One thing wrong with the deck, at one place in one file: what lint, check, export and verify report. */
export interface Problem {
  /** File relative to the deck's folder, e.g. "pages/02-tracking-linux.md". */
  file: string
  /** 1-based line in that file. */
  line: number
  /**
   * 1-based slide number, as Slidev shows it; 0 where no slide is concerned: an entry of the
   * source registry (sources/), a file no slide uses, an error the browser cannot pin on a slide.
   */
  no: number
  /** Short name of the check that found it, e.g. "mermaid", "overflow". */
  check: string
  message: string
  /** Click step and colour scheme, for what was seen in the browser. */
  click?: number
  scheme?: Scheme
}

/** "pages/x.md:12 (slide 7): …", "pages/x.md:12 (slide 7, click 2, dark): …", "sources/messages.ts:40 (registry): …", "public/x.png:1 (no slide): …" */
export function formatProblem(p: Problem): string {
  const place = [p.no ? `slide ${p.no}` : p.check === 'sources' ? 'registry' : 'no slide']
  if (p.click !== undefined)
    place.push(`click ${p.click}`)
  if (p.scheme)
    place.push(p.scheme)
  return `${p.file}:${p.line} (${place.join(', ')}): ${p.message}`
}

/** Stable order: by slide, then file, then line. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.no - b.no || a.file.localeCompare(b.file) || a.line - b.line)
}

/** Same problem seen at several click steps: keep the first step only. */
export function dedupeProblems(problems: Problem[]): Problem[] {
  const seen = new Set<string>()
  return problems.filter((p) => {
    const key = `${p.no}|${p.scheme}|${p.check}|${p.line}|${p.message}`
    if (seen.has(key))
      return false
    seen.add(key)
    return true
  })
}
