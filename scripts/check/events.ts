import type { BrowserContext, Page } from 'playwright-core'

/** Something the page did while a slide was being visited: a console error, a request. */
export interface PageEvent {
  kind: 'console' | 'pageerror' | 'network' | 'http'
  message: string
  /** Literal to look for in the source (the URL of a request). */
  needle?: string
  /** Click step of the visited slide when it happened. */
  click: number
}

/**
 * Console messages that are not the deck's: the echo of a failed request (the network check
 * reports it with its URL), and the twoslash client that Slidev loads when `twoslash` is on (its
 * default) failing to patch floating-vue's menu on every deck.
 */
const ECHOES = /^(?:Failed to load resource: |Failed to patch FloatingVue)/

/**
 * Collects, for whatever slide is being visited, console errors, uncaught page errors,
 * requests to any origin but the local server (aborted, so the page never gets them) and local
 * requests that failed or returned an HTTP error.
 */
export class EventLog {
  events: PageEvent[] = []
  click = 0

  constructor(private origin: string) {}

  /** Blocks and records every request that is not for the local server. */
  async guard(context: BrowserContext): Promise<void> {
    await context.route('**/*', async (route) => {
      const url = route.request().url()
      if (url.startsWith(`${this.origin}/`) || url === this.origin)
        return route.continue()
      this.push('network', `request to a remote host blocked: ${url}`, url)
      return route.abort('blockedbyclient')
    })
  }

  listen(page: Page): void {
    page.on('console', (msg) => {
      if (msg.type() !== 'error' || ECHOES.test(msg.text()))
        return
      this.push('console', `console error: ${firstLine(msg.text())}`)
    })
    page.on('pageerror', (err) => {
      this.push('pageerror', `uncaught error: ${firstLine(`${err.name}: ${err.message}`)}`)
    })
    page.on('response', (res) => {
      const url = res.url()
      if (res.status() >= 400 && url.startsWith(this.origin))
        this.push('http', `HTTP ${res.status()} for ${url.slice(this.origin.length)}`, url.slice(this.origin.length))
    })
    page.on('requestfailed', (req) => {
      const url = req.url()
      // ERR_ABORTED: the page was left (next slide) while the request was in flight.
      if (url.startsWith(this.origin) && req.failure()?.errorText !== 'net::ERR_ABORTED')
        this.push('http', `request failed (${req.failure()?.errorText ?? 'unknown'}) for ${url.slice(this.origin.length)}`, url.slice(this.origin.length))
    })
  }

  /** Returns the events since the last call and starts a new list. */
  take(): PageEvent[] {
    const out = this.events
    this.events = []
    return out
  }

  private push(kind: PageEvent['kind'], message: string, needle?: string): void {
    this.events.push({ kind, message, needle, click: this.click })
  }
}

function firstLine(s: string): string {
  return (s.split('\n')[0] ?? '').trim().slice(0, 300)
}
