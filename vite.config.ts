import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

export default defineConfig({
  resolve: {
    alias: {
      // See setup/twoslash-client.ts: avoids an upstream console error on every page load.
      '@shikijs/vitepress-twoslash/client': fileURLToPath(new URL('./setup/twoslash-client.ts', import.meta.url)),
    },
  },
})
