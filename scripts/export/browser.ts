import type { Browser, Page } from 'playwright-core'
import { useColorScheme } from '../lib/color-scheme.ts'
import { diagramFindings, diagramsSettled } from '../check/checks.ts'
import type { Deck } from '../lib/deck.ts'

export type Canvas = Deck['canvas']

interface PrintOptions {
  canvas: Canvas
  dark: boolean
  clicks: boolean
  timeoutMs: number
  /** deviceScaleFactor: 2 gives crisp PNGs; the PDF is vector either way. */
  scale: number
  /** Number of slides; the viewport is that many slides tall, as in Slidev's own export. */
  total: number
  /** Mermaid blocks in the deck's source: the wait goes on until at least that many have rendered. */
  expectedDiagrams: number
  /** Only these slides (Slidev's print route `range`, e.g. "41-80"). */
  range?: string
}

/**
 * Opens Slidev's /print route of a served build and waits until it is ready to print: slide
 * loaders gone, every Mermaid block rendered or failed, fonts loaded, Mermaid's rendering
 * container hidden. Returns the page and how many print pages (slides or click steps) it holds.
 */
export async function openPrint(browser: Browser, siteUrl: string, o: PrintOptions): Promise<{ page: Page, count: number }> {
  const context = await browser.newContext({
    viewport: { width: o.canvas.width, height: o.canvas.height * o.total },
    deviceScaleFactor: o.scale,
    colorScheme: o.dark ? 'dark' : 'light',
  })
  await useColorScheme(context, o.dark ? 'dark' : 'light')
  const page = await context.newPage()
  page.setDefaultTimeout(o.timeoutMs)
  await page.emulateMedia({ media: 'screen' }) // the context has the colour scheme
  await page.goto(`${siteUrl}print?print=${o.clicks ? 'clicks' : 'true'}${o.range ? `&range=${o.range}` : ''}`, { waitUntil: 'load', timeout: o.timeoutMs })
  // Monaco's screen-reader container sits below the last slide: printed, it adds a blank page
  // (`slidev export` hides it too). A style rule, because Monaco may create it after any one look.
  await page.addStyleTag({ content: '.monaco-aria-container { display: none !important }' })
  await page.locator('.print-slide-container').first().waitFor()
  await page.waitForFunction(() => document.querySelectorAll('.slidev-slide-loading').length === 0)
  // Every Mermaid block rendered or failed (the caller reports failures).
  const expected = o.expectedDiagrams
  try {
    await diagramsSettled(page, 'body', expected, o.timeoutMs)
  }
  catch (e) {
    const state = await page.evaluate(() => ({
      blocks: document.querySelectorAll('.mermaid').length,
      rendered: [...document.querySelectorAll('.mermaid')].filter(el => el.shadowRoot?.querySelector('svg')).length,
    })).catch(() => undefined)
    throw new Error(`timed out after ${o.timeoutMs} ms waiting for the Mermaid diagrams: ${state ? `${state.rendered} of ${Math.max(expected, state.blocks)} rendered` : 'page gone'} (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`)
  }
  await page.evaluate(async () => {
    await document.fonts.ready
    const c = document.getElementById('mermaid-rendering-container')
    if (c)
      c.style.display = 'none'
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))
  })
  return { page, count: await page.locator('.print-slide-container').count() }
}

/** The diagrams of the print view that failed, as the check words them (empty when every diagram rendered). */
export async function diagramErrors(page: Page): Promise<string[]> {
  return (await diagramFindings(page, 'body', 0, true)).map(f => f.message)
}
