/**
 * Long decks print in batches of the print route's `?range=` (DECK_PRINT_BATCH slides each,
 * joined with their structure kept), which a built site honours only with a root setup like this
 * project's setup/root.ts. With it (the 10-minute cut, batches of 5) the PDF is joined from
 * batches; without it (tests/fixtures/any-deck, batches of 2) the export says so and prints every
 * slide in one page. Either way: one page per slide, and verify:pdf passes.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadDeck } from '../scripts/lib/deck.ts'
import { runScript } from './helpers/cli.ts'

async function exportInBatches(entry: string, batch: number) {
  const out = mkdtempSync(join(tmpdir(), 'export-batches-'))
  const run = await runScript('scripts/export.ts', ['pdf', '--entry', entry, '--out', out], { DECK_PRINT_BATCH: String(batch) })
  const detail = `${run.stdout}\n${run.stderr}`
  expect(run.code, detail).toBe(0)
  const pdf = join(out, readdirSync(out).find(f => f.endsWith('.pdf'))!)
  const pages = Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1])
  const verify = await runScript('scripts/verify-pdf.ts', [pdf])
  expect(verify.code, `${verify.stdout}\n${verify.stderr}`).toBe(0)
  return { detail, pages, slides: (await loadDeck(entry)).slides.length }
}

describe('long decks in batches', () => {
  it('with setup/root.ts the PDF is joined from batches of the print range', { timeout: 600_000 }, async () => {
    const r = await exportInBatches('slides-10min.md', 5)
    expect(r.detail).toMatch(new RegExp(`in ${Math.ceil(r.slides / 5)} batches of up to 5`))
    expect(r.pages).toBe(r.slides)
  })

  it('without it the export says so and prints every slide in one page', { timeout: 600_000 }, async () => {
    const r = await exportInBatches('tests/fixtures/any-deck/slides.md', 2)
    expect(r.detail).toContain('the built site ignores the print route\'s ?range=')
    expect(r.detail).not.toMatch(/batches of up to/)
    expect(r.pages).toBe(r.slides)
  })
})
