import type { BrowserContext } from 'playwright-core'

/**
 * Chooses the deck's colour scheme before it loads, as the viewer's toggle does (Slidev's `useDark`
 * storage key): emulating a dark OS does not turn the deck dark, since its index.html stores
 * "light" there on a first visit for the projector to start light whatever the OS prefers.
 */
export async function useColorScheme(context: BrowserContext, scheme: 'light' | 'dark'): Promise<void> {
  await context.addInitScript(([key, value]) => {
    try { localStorage.setItem(key, value) }
    catch {} // a frame without storage (about:blank)
  }, ['slidev-color-schema', scheme] as const)
}
