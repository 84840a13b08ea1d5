import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'

/**
 * Mermaid's ELK layout engine (elkjs, about 0.5 MB of gzipped JavaScript) ships in every build,
 * and Mermaid 12 lays out every diagram with it unless told otherwise. The deck's diagrams are
 * three small flowcharts: rendered both ways and compared, dagre's are as clear (curved edges
 * where ELK routes them at right angles), so setup/mermaid.ts sets `layout: 'dagre'` and the
 * build leaves ELK out unless something asks for it: the setup's layout, `layout: elk` (or an
 * `elk.*` algorithm) in a diagram's config or fence options, `flowchart-elk`, or a state diagram
 * (Mermaid's state defaults name ELK). The stand-in module fails with a message saying so, should
 * a diagram reach it anyway; Mermaid shows that as the diagram's error, which the exporter
 * refuses.
 */
export const ASKS_FOR_ELK = /\blayout\s*:\s*["']?elk\b|["']layout["']\s*:\s*["']elk|\bflowchart-elk\b|\bdefaultRenderer\s*:\s*["']?elk\b|^\s*stateDiagram(-v2)?\b/m

/** Markdown files of the decks at `root`: every top-level .md (slides.md, a short cut…) and pages/. */
function deckMarkdown(root: string): string[] {
  const top = readdirSync(root).filter(f => f.endsWith('.md') && !/^(README|CHANGELOG)/i.test(f)).map(f => join(root, f))
  const pages: string[] = []
  const walk = (dir: string) => {
    if (!existsSync(dir))
      return
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory())
        walk(join(dir, e.name))
      else if (e.name.endsWith('.md'))
        pages.push(join(dir, e.name))
    }
  }
  walk(join(root, 'pages'))
  return [...top, ...pages]
}

/** The Mermaid blocks of a markdown text, each with its fence line (Slidev's `{layout: 'elk'}` options). */
export function mermaidBlocks(md: string): string[] {
  const out: string[] = []
  const re = /^(\s*)(`{3,}|~{3,})\s*mermaid\b[^\n]*\n([\s\S]*?)^\1\2\s*$/gm
  for (let m = re.exec(md); m; m = re.exec(md))
    out.push(m[0])
  return out
}

/**
 * Whether any diagram of the deck at `root` asks for ELK, or the deck's Mermaid setup does (Mermaid
 * 12's default layout is ELK: a setup that names no other layout asks for it).
 */
export function deckNeedsElk(root: string): boolean {
  const setup = join(root, 'setup/mermaid.ts')
  const layout = existsSync(setup) ? /^\s*layout\s*:\s*["']([\w.-]+)["']/m.exec(readFileSync(setup, 'utf8'))?.[1] : undefined
  if (!layout || /^elk/.test(layout))
    return true
  return deckMarkdown(root).some(f => mermaidBlocks(readFileSync(f, 'utf8')).some(b => ASKS_FOR_ELK.test(b)))
}

const STUB = '\0deck:mermaid-elk-left-out'

export function mermaidElkOnDemand(root: string): Plugin {
  let needed = true
  return {
    name: 'deck:mermaid-elk-on-demand',
    enforce: 'pre',
    buildStart() {
      needed = deckNeedsElk(root)
    },
    resolveId(source, importer) {
      if (needed || !importer || !/[\\/]mermaid[\\/]dist[\\/]/.test(importer))
        return null
      return /(^|\/)elk-[\w-]+\.mjs$/.test(source) ? STUB : null
    },
    load(id) {
      if (id !== STUB)
        return null
      return `export const render = async () => { throw new Error("Mermaid's ELK layout was left out of this build: no diagram asked for it when it was built (setup/mermaid-elk.ts). Rebuild after adding the diagram.") }\n`
    },
  }
}
