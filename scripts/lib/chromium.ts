import { existsSync, readdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { delimiter, join } from 'node:path'
import type { Browser } from 'playwright-core'
import { playwright } from './cjs.ts'

/** Flags for a headless Chromium on a machine with no network but loopback. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] as const

export class ChromiumNotFoundError extends Error {
  override name = 'ChromiumNotFoundError'
}

/**
 * Finds a Chromium to drive, in this order: $CHROMIUM_PATH, the newest in Playwright's browser
 * cache ($PLAYWRIGHT_BROWSERS_PATH or ~/.cache/ms-playwright), then the system's chromium or
 * Chrome on $PATH (Debian's /usr/bin/chromium). Throws ChromiumNotFoundError naming what was tried.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const cache = env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright')
  // Newest first: "chromium-1255" sorts after "chromium-1200".
  const cached = existsSync(cache) ? readdirSync(cache).filter(d => /^chromium(_headless_shell)?-\d+$/.test(d)).sort().reverse() : []
  const found = [
    env.CHROMIUM_PATH,
    ...cached.flatMap(d => ['chrome-linux/chrome', 'chrome-linux64/chrome', 'chrome-headless-shell-linux64/chrome-headless-shell'].map(exe => join(cache, d, exe))),
    ...(env.PATH ?? '').split(delimiter).filter(Boolean).flatMap(dir => ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'].map(exe => join(dir, exe))),
  ].find(p => p && existsSync(p))
  if (found)
    return found
  throw new ChromiumNotFoundError([
    'No Chromium found to render the slides. Looked at:',
    `  - $CHROMIUM_PATH${env.CHROMIUM_PATH ? `=${env.CHROMIUM_PATH} (does not exist)` : ' (not set)'}`,
    `  - Playwright's browser cache ${cache}`,
    '  - chromium, chromium-browser, google-chrome on $PATH',
    'Install one: `apt-get install -y chromium` (Debian/Ubuntu; `npm run setup` does this),',
    'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
  ].join('\n'))
}

/** Launches the Chromium that `findChromium()` finds, headless with CHROMIUM_ARGS: every command and test starts its browser here. */
export async function launchChromium(): Promise<Browser> {
  return playwright().chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] })
}
