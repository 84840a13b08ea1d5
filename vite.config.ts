import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { writeGuard } from './scripts/lib/vite-write-guard.ts'

export default defineConfig({
  // Dev server: Slidev's MCP endpoint off, slide writes only from the local editor
  // (see scripts/lib/vite-write-guard.ts and docs/presenting-and-exporting.md).
  plugins: [writeGuard()],
  resolve: {
    alias: {
      // See setup/twoslash-client.ts: avoids an upstream console error on every page load.
      '@shikijs/vitepress-twoslash/client': fileURLToPath(new URL('./setup/twoslash-client.ts', import.meta.url)),
    },
  },
})
