/**
 * Exports the deck: `npm run export` (PDF), `npm run export:all` (every format, of the full talk
 * and of the 10-minute cut: scripts/lib/entries.ts), or
 * `node scripts/export.ts <pdf|clicks|png|pptx|handout|all>… [--out dir] [--dark] [--soak n]`.
 * See docs/presenting-and-exporting.md.
 */
import { relative } from 'node:path'
import { ChromiumNotFoundError } from './lib/chromium.ts'
import { ownedTempDir, sweepStale } from './lib/cleanup.ts'
import { TALK_ENTRIES } from './lib/entries.ts'
import { seconds, UsageError } from './lib/args.ts'
import { EXPORT_USAGE, parseExportArgs } from './export/args.ts'
import { ExportRefused, runExport } from './export/pipeline.ts'
import { createProgress } from './export/progress.ts'

async function main(): Promise<void> {
  const args = parseExportArgs(process.argv.slice(2))
  if (args.help)
    return console.log(EXPORT_USAGE)
  const progress = createProgress('export')
  const swept = sweepStale(args.outDir)
  if (swept.length)
    progress.step(`removed ${swept.length} leftover${swept.length === 1 ? '' : 's'} of interrupted runs`)
  if (args.soak) {
    const soak = ownedTempDir('deck-soak-')
    const times: number[] = []
    try {
      for (let i = 1; i <= args.soak; i++) {
        const r = await runExport({ ...args, formats: ['pdf'], outDir: soak.path, progress: createProgress(`soak ${i}/${args.soak}`) })
        times.push(r.ms.total)
        progress.step(`run ${i}/${args.soak}: ${r.outputs[0]!.pages} pages, every diagram rendered, ${seconds(r.ms.total)}`)
      }
    }
    finally {
      soak.remove()
    }
    return progress.step(`soak: ${args.soak} PDF exports in a row, all complete; ${times.map(seconds).join(' / ')}`)
  }
  // `all` without --entry (npm run export:all): the full talk and its cut, one after the other.
  const entries = args.everyEntry ? TALK_ENTRIES : [args.entry]
  for (const [i, entry] of entries.entries()) {
    // The static site is the full talk's (one `--site` folder; the cut would overwrite it).
    const r = await runExport({ ...args, entry, siteDir: i === 0 ? args.siteDir : undefined, progress })
    progress.step(`${entries.length > 1 ? `${entry}: ` : ''}done in ${seconds(r.ms.total)} (build ${seconds(r.ms.build)}, render ${seconds(r.ms.render)}, ${(r.ms.total / 1000 / r.slides).toFixed(2)} s/slide):`)
    for (const o of r.outputs)
      console.log(`  ${o.format.padEnd(8)} ${relative(process.cwd(), o.path)}`)
  }
}

main().then(() => process.exit(0), (e: unknown) => {
  if (e instanceof UsageError) {
    console.error(`${e.message}\n\n${EXPORT_USAGE}`)
    process.exit(2)
  }
  if (e instanceof ExportRefused) {
    for (const line of e.lines) console.error(line)
    console.error(`\nexport ${e.message}`)
  }
  else if (e instanceof ChromiumNotFoundError)
    console.error(`\n${e.message}`)
  else
    console.error(`\nexport failed: ${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
})
