/**
 * Batched printing joins Chromium's tagged PDFs: the result is still tagged, with every page in
 * order, one parent tree without collisions, and the links kept.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { launchChromium } from '../scripts/lib/chromium.ts'
import { mergeTaggedPdfs } from '../scripts/export/pdf-merge.ts'
import { linkUris } from '../scripts/verify/pdf.ts'

describe('mergeTaggedPdfs', () => {
  it('keeps the structure, the page order and the links', { timeout: 60_000 }, async () => {
    const browser = await launchChromium()
    const parts: Uint8Array[] = []
    try {
      for (const batch of [['One', 'Two'], ['Three', 'Four']]) {
        const page = await browser.newPage()
        await page.setContent(`<!doctype html><html lang="en"><body style="margin:0"><style>section { height: 500px; padding: 1px; break-after: page } section:last-child { break-after: auto }</style>${batch.map(t => `<section><h1>${t}</h1><p>Body of ${t}. <a href="https://example.org/${t}">link</a></p></section>`).join('')}</body></html>`)
        parts.push(await page.pdf({ width: '980px', height: '552px', margin: { top: '0', right: '0', bottom: '0', left: '0' }, tagged: true }))
        await page.close()
      }
    }
    finally {
      await browser.close()
    }
    const merged = await mergeTaggedPdfs(parts)
    const dir = mkdtempSync(join(tmpdir(), 'merge-test-'))
    try {
      const file = join(dir, 'm.pdf')
      writeFileSync(file, merged)
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
      expect(info).toMatch(/^Tagged:\s+yes/m)
      expect(info).toMatch(/^Pages:\s+4/m)
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
      expect(text.indexOf('One')).toBeLessThan(text.indexOf('Two'))
      expect(text.indexOf('Two')).toBeLessThan(text.indexOf('Three'))
      expect(text.indexOf('Three')).toBeLessThan(text.indexOf('Four'))
      const doc = await PDFDocument.load(merged)
      expect(linkUris(doc).flat()).toEqual(['One', 'Two', 'Three', 'Four'].map(t => `https://example.org/${t}`))
      // One parent tree: every page's key distinct and present.
      const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict)
      const nums = root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray)
      const keys: number[] = []
      for (let i = 0; i < nums.size(); i += 2) keys.push((nums.lookup(i) as PDFNumber).asNumber())
      expect([...keys].sort((a, b) => a - b)).toEqual(keys)
      expect(new Set(keys).size).toBe(keys.length)
      const pageKeys = doc.getPages().map(p => (p.node.get(PDFName.of('StructParents')) as PDFNumber).asNumber())
      expect(new Set(pageKeys).size).toBe(4)
      for (const k of pageKeys) expect(keys).toContain(k)
      const document = root.lookup(PDFName.of('K'), PDFDict)
      expect(String(document.get(PDFName.of('S')))).toBe('/Document')
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
