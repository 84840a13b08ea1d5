export type Scheme = 'light' | 'dark'

/** One thing wrong with the deck, at one place in one file: what lint, check, export and verify report. */
export interface Problem {
  /** File relative to the deck's folder, e.g. "pages/02-tracking-linux.md", and 1-based line. */
  file: string
  line: number
  /** Slide number as Slidev shows it; 0 for none (a source registry entry, an unused file, an error not pinned on a slide). */
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
  const place = [p.no ? `slide ${p.no}` : p.check === 'sources' ? 'registry' : 'no slide', p.click === undefined ? '' : `click ${p.click}`, p.scheme ?? '']
  return `${p.file}:${p.line} (${place.filter(Boolean).join(', ')}): ${p.message}`
}

/** Stable order: by slide, then file, then line. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.no - b.no || a.file.localeCompare(b.file) || a.line - b.line)
}

/** Same problem seen at several click steps: keep the first step only. */
export function dedupeProblems(problems: Problem[]): Problem[] {
  const keys = problems.map(p => `${p.no}|${p.scheme}|${p.check}|${p.line}|${p.message}`)
  return problems.filter((_, i) => keys.indexOf(keys[i]!) === i)
}
