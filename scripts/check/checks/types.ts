/** What an in-page check found, before it is mapped to a source line. */
export interface Finding {
  kind: string
  message: string
  /** Visible text of the offending element, used to find its source line. */
  text?: string
  /** A literal to look for in the slide's source (an image path, a URL). */
  needle?: string
  /** For diagrams: which Mermaid block of the slide (0-based, in page order). */
  diagram?: number
}
