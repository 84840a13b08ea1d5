import type { BrowserContext } from 'playwright-core'

/**
 * Chooses the deck's colour scheme before it loads, as the viewer's toggle does (Slidev's `useDark`
 * storage key): the deck's index.html stores "light" on a first visit so that the projector starts
 * light whatever the OS prefers, so emulating a dark OS no longer turns the deck dark.
 */
export async function useColorScheme(context: BrowserContext, scheme: 'light' | 'dark'): Promise<void> {
  await context.addInitScript(([key, value]) => {
    try { localStorage.setItem(key, value) }
    catch {} // a frame without storage (about:blank)
  }, ['slidev-color-schema', scheme] as const)
}
