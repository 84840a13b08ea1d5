import type { App } from 'vue'
import FloatingVue from 'floating-vue'

/**
 * Stand-in for `@shikijs/vitepress-twoslash/client` (aliased in vite.config.ts).
 *
 * The version this registry serves (4.4.3, pinned in package.json overrides) patches FloatingVue's
 * VMenu for twoslash hovers and fails against floating-vue 5.4 with a console error on every page
 * load ("Failed to patch FloatingVue"). The deck has twoslash off, so only FloatingVue itself is
 * installed, with the same `strategy` Slidev's tooltips expect.
 */
export default {
  install(app: App, options: Record<string, unknown> = {}) {
    app.use(FloatingVue, { strategy: 'fixed', ...options })
  },
}
