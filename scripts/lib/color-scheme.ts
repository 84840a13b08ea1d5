import type { BrowserContext } from 'playwright-core'

/**
 * Where Slidev keeps the viewer's colour scheme (its `useDark` storage key). The deck's
 * index.html stores "light" there on a first visit so that the projector starts light whatever
 * the OS prefers; emulating a dark OS therefore no longer turns the deck dark, and the tools that
 * render a scheme must choose it the same way the viewer's toggle does, before the page loads.
 */
const SCHEME_STORAGE_KEY = 'slidev-color-schema'

export async function useColorScheme(context: BrowserContext, scheme: 'light' | 'dark'): Promise<void> {
  await context.addInitScript(([key, value]) => {
    try { localStorage.setItem(key, value) }
    catch {}
  }, [SCHEME_STORAGE_KEY, scheme] as const)
}
