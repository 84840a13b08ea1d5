/** One thing wrong with the deck, at one place in one file. */
export interface Problem {
  /** File relative to the deck's folder, e.g. "pages/02-tracking-linux.md". */
  file: string
  /** 1-based line in that file. */
  line: number
  /**
   * 1-based slide number, as Slidev shows it; 0 where no slide is concerned: an entry of the
   * source registry (sources/), or a file no slide uses (e.g. an image in public/).
   */
  no: number
  /** Short name of the check that found it, e.g. "mermaid". */
  check: string
  message: string
}

/** "pages/x.md:12 (slide 7): …", "sources/messages.ts:40 (registry): …", "public/x.png:1 (no slide): …" */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line} (${p.no ? `slide ${p.no}` : p.check === 'sources' ? 'registry' : 'no slide'}): ${p.message}`
}

/** Stable order: by slide, then file, then line. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.no - b.no || a.file.localeCompare(b.file) || a.line - b.line)
}
