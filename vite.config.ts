import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { writeGuard } from './scripts/dev/vite-write-guard.ts'
import { mermaidElkOnDemand } from './setup/mermaid-elk.ts'

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  plugins: [
    // virtual:cited-sources (components/References.vue) and virtual:talk-plan (the presenter's
    // pacing) are registered in setup/vite-plugins.ts: they follow the entry being built.
    // Mermaid's ELK layout engine only when a diagram asks for it (setup/mermaid-elk.ts).
    mermaidElkOnDemand(root),
    // Dev server: Slidev's MCP endpoint off, slide writes only from the local editor
    // (see scripts/dev/vite-write-guard.ts and docs/presenting-and-exporting.md).
    writeGuard(),
  ],
  resolve: {
    alias: {
      // See setup/twoslash-client.ts: avoids an upstream console error on every page load.
      '@shikijs/vitepress-twoslash/client': fileURLToPath(new URL('./setup/twoslash-client.ts', import.meta.url)),
    },
  },
})
