import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'

/**
 * Mermaid's ELK layout engine (elkjs, about 0.5 MB of gzipped JavaScript) ships in every build,
 * although Mermaid loads it only for a diagram that asks for it. The deck's diagrams are
 * flowcharts laid out by dagre (rendered both ways and compared: dagre's are as clear for these
 * small graphs), so the build leaves ELK out unless a diagram in the deck asks for it:
 * `layout: elk` (or an `elk.*` algorithm) in its config, `flowchart-elk`, or a state diagram
 * (Mermaid lays those out with ELK by default). The stand-in module fails with a message saying
 * so, should a diagram reach it anyway; Mermaid shows that as the diagram's error, which the
 * exporter refuses.
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

/** The Mermaid blocks of a markdown text. */
export function mermaidBlocks(md: string): string[] {
  const out: string[] = []
  const re = /^(\s*)(`{3,}|~{3,})\s*mermaid\b[^\n]*\n([\s\S]*?)^\1\2\s*$/gm
  for (let m = re.exec(md); m; m = re.exec(md))
    out.push(m[3]!)
  return out
}

/** Whether any diagram of the deck at `root` asks for ELK (or the deck's Mermaid setup does). */
export function deckNeedsElk(root: string): boolean {
  const setup = join(root, 'setup/mermaid.ts')
  if (existsSync(setup) && /\blayout\s*:\s*["']elk/.test(readFileSync(setup, 'utf8')))
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
