import { existsSync, readdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { delimiter, join } from 'node:path'

/** Flags for a headless Chromium on a machine with no network but loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
] as const

export class ChromiumNotFoundError extends Error {
  constructor(tried: string[]) {
    super([
      'No Chromium found to render the slides. Looked at:',
      ...tried.map(t => `  - ${t}`),
      'Install one: `apt-get install -y chromium` (Debian/Ubuntu; `npm run setup` does this),',
      'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
    ].join('\n'))
    this.name = 'ChromiumNotFoundError'
  }
}

/**
 * Finds a Chromium to drive, in this order: $CHROMIUM_PATH, Playwright's browser cache
 * ($PLAYWRIGHT_BROWSERS_PATH or ~/.cache/ms-playwright), then the system's chromium on $PATH
 * (Debian's /usr/bin/chromium). Throws ChromiumNotFoundError naming what was tried.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const tried: string[] = []
  const fromEnv = env.CHROMIUM_PATH
  if (fromEnv) {
    if (existsSync(fromEnv))
      return fromEnv
    tried.push(`$CHROMIUM_PATH=${fromEnv} (does not exist)`)
  }
  else {
    tried.push('$CHROMIUM_PATH (not set)')
  }

  const cache = env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright')
  const cached = playwrightCacheChromium(cache)
  if (cached)
    return cached
  tried.push(`Playwright's browser cache ${cache}`)

  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
      const candidate = join(dir, name)
      if (existsSync(candidate))
        return candidate
    }
  }
  tried.push('chromium, chromium-browser, google-chrome on $PATH')
  throw new ChromiumNotFoundError(tried)
}

function playwrightCacheChromium(cache: string): string | undefined {
  if (!existsSync(cache))
    return undefined
  // Newest first: "chromium-1255" sorts after "chromium-1200".
  const dirs = readdirSync(cache).filter(d => /^chromium(_headless_shell)?-\d+$/.test(d)).sort().reverse()
  for (const dir of dirs) {
    for (const exe of ['chrome-linux/chrome', 'chrome-linux64/chrome', 'chrome-headless-shell-linux64/chrome-headless-shell']) {
      const candidate = join(cache, dir, exe)
      if (existsSync(candidate))
        return candidate
    }
  }
  return undefined
}
