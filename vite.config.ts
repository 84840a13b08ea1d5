import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { citedSources } from './setup/cited-sources.ts'

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  plugins: [
    // virtual:cited-sources, read by components/References.vue.
    citedSources(root),
  ],
  resolve: {
    alias: {
      // See setup/twoslash-client.ts: avoids an upstream console error on every page load.
      '@shikijs/vitepress-twoslash/client': fileURLToPath(new URL('./setup/twoslash-client.ts', import.meta.url)),
    },
  },
})
