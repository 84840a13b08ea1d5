import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { writeGuard } from './scripts/lib/vite-write-guard.ts'
import { citedSources } from './setup/cited-sources.ts'
import { mermaidElkOnDemand } from './setup/mermaid-elk.ts'

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  plugins: [
    // virtual:cited-sources, read by components/References.vue.
    citedSources(root),
    // Mermaid's ELK layout engine only when a diagram asks for it (setup/mermaid-elk.ts).
    mermaidElkOnDemand(root),
    // Dev server: Slidev's MCP endpoint off, slide writes only from the local editor
    // (see scripts/lib/vite-write-guard.ts and docs/presenting-and-exporting.md).
    writeGuard(),
  ],
  resolve: {
    alias: {
      // See setup/twoslash-client.ts: avoids an upstream console error on every page load.
      '@shikijs/vitepress-twoslash/client': fileURLToPath(new URL('./setup/twoslash-client.ts', import.meta.url)),
    },
  },
})
