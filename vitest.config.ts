import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'
import { citedSources } from './setup/cited-sources.ts'

export default defineConfig({
  // citedSources: virtual:cited-sources resolves in tests too (tests mock its content).
  plugins: [vue(), citedSources(fileURLToPath(new URL('.', import.meta.url)))],
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser and build tests spawn Chromium and Vite: one file at a time on a 2-core machine.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 300_000,
  },
})
