import { readFile, writeFile } from 'node:fs/promises'
import { dirname, relative, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { writeAtomically } from './atomic.ts'

/**
 * What the exporter knows about one PDF it wrote, saved next to it as `<file>.json` so that
 * verify:pdf checks the PDF against what was printed instead of guessing from the markdown.
 */
export interface Manifest {
  /** The deck's entry, relative to the manifest's folder. */
  deck: string
  format: 'pdf' | 'clicks' | 'handout'
  pages: number
  slides: ManifestSlide[]
}

export interface ManifestSlide {
  no: number
  /** The slide's first heading as Chromium laid it out (none: no title to look for). */
  title?: string
  /** 1-based first page, and how many pages (click steps) the slide takes. */
  page: number
  pages: number
}

/** Writes the manifest of `output` atomically, as the output itself. */
export async function writeManifest(output: string, entry: string, m: Omit<Manifest, 'deck'>): Promise<void> {
  const manifest: Manifest = { deck: relative(dirname(output), entry), ...m }
  await writeAtomically(`${output}.json`, tmp => writeFile(tmp, `${JSON.stringify(manifest, null, 2)}\n`), () => {})
}

/** The manifest of `output` and the absolute path of its deck; a missing one is an error naming it. */
export async function readManifest(output: string): Promise<Manifest & { entry: string }> {
  const file = `${output}.json`
  const m = JSON.parse(await readFile(file, 'utf8').catch(() => {
    throw new Error(`${file} is missing: verify:pdf needs the manifest that npm run export writes next to the PDF (export again)`)
  })) as Manifest
  return { ...m, entry: resolve(dirname(file), m.deck) }
}

/**
 * The slides of Slidev's print page in print order, grouped into page ranges: each container's
 * slide number (its id is "<slide, 3 digits>-<click + 1>") and first heading as printed.
 */
export async function printedSlides(page: Page, firstPage = 1): Promise<ManifestSlide[]> {
  const printed = await page.evaluate(() => [...document.querySelectorAll('.print-slide-container')].map((el) => {
    // The heading's text as the PDF holds it: not what sits in a box clipped to 1 px for screen
    // readers (an sr-only label), nor a formula (KaTeX sets it glyph by glyph, raised and lowered,
    // so its PDF text is out of order).
    const h = el.querySelector('h1')
    const hidden = (e: Element | null): boolean => {
      for (; e && e !== h!.parentElement; e = e.parentElement) {
        const r = e.getBoundingClientRect()
        const st = getComputedStyle(e)
        if (e.classList.contains('katex') || st.display === 'none' || st.visibility === 'hidden' || ((r.width <= 1 || r.height <= 1) && st.overflow !== 'visible'))
          return true
      }
      return false
    }
    let text = ''
    for (const walk = h && document.createTreeWalker(h, NodeFilter.SHOW_TEXT); walk?.nextNode();)
      text += hidden(walk.currentNode.parentElement) ? '' : walk.currentNode.textContent
    return { no: Number(/^(\d+)-\d+$/.exec(el.id)?.[1] ?? 0), title: text.replace(/\s+/g, ' ').trim() || undefined }
  }))
  const slides: ManifestSlide[] = []
  printed.forEach((p, i) => {
    const last = slides.at(-1)
    if (last?.no === p.no)
      last.pages++
    else
      slides.push({ no: p.no, title: p.title, page: firstPage + i, pages: 1 })
  })
  return slides
}
