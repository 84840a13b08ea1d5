/**
 * `npm run build [-- --base /talks/xen-ia64/] [--out dist] [--no-pdf] [--with-notes] [deck.md]`:
 * the static site, deployable under a base path, its "Download as PDF" button pointing at the PDF
 * placed next to index.html (`<base><exportFilename>.pdf`). The speaker notes are left out (anything
 * in a published site's JavaScript is public); `--with-notes` keeps them, for presenting from it.
 */
import { relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { seconds, usage, UsageError } from './lib/args.ts'
import { ChromiumNotFoundError } from './lib/chromium.ts'
import { loadDeck } from './lib/deck.ts'
import { exportStem, outputPaths } from './export/formats.ts'
import { renderFormats } from './export/pipeline.ts'
import { createProgress } from './export/progress.ts'
import { serveStatic } from './lib/static-server.ts'
import { slidevBuild } from './lib/slidev-adapter.ts'

export function parseBuildArgs(argv: readonly string[]) {
  const { values: v, positionals } = usage(() => parseArgs({
    args: [...argv],
    allowPositionals: true,
    allowNegative: true, // --no-pdf, --no-with-notes
    options: {
      'base': { type: 'string', default: '/' },
      'out': { type: 'string', short: 'o', default: 'dist' },
      'entry': { type: 'string', default: 'slides.md' },
      'pdf': { type: 'boolean', default: true },
      'with-notes': { type: 'boolean', default: false },
    },
  }))
  const other = positionals.find(p => !p.endsWith('.md'))
  if (other)
    throw new UsageError(`unknown argument ${other} (use --base /path/, --out dir, --no-pdf, --with-notes)`)
  // `/talks/x/` form: leading and trailing slash, as Vite and Slidev want.
  const base = v.base.replace(/^\/+|\/+$/g, '')
  return { entry: positionals[0] ?? v.entry, out: v.out, base: base ? `/${base}/` : '/', pdf: v.pdf, withNotes: v['with-notes'] }
}

async function main(): Promise<void> {
  const args = parseBuildArgs(process.argv.slice(2))
  const progress = createProgress('build')
  const t0 = performance.now()
  const deck = await loadDeck(args.entry)
  const stem = exportStem(deck.headmatter, deck.entry)
  const out = resolve(args.out)
  progress.step(`building ${relative(process.cwd(), deck.entry)} into ${relative(process.cwd(), out)}/ (base ${args.base}, ${args.withNotes ? 'WITH speaker notes: do not publish' : 'without speaker notes'})…`)
  await slidevBuild({ entry: deck.entry, outDir: out, base: args.base, download: args.pdf ? `${args.base}${stem}.pdf` : false, printRoute: args.pdf, withoutNotes: !args.withNotes })
  progress.step(`site built in ${seconds(performance.now() - t0)}`)
  if (args.pdf) {
    const server = await serveStatic(out, args.base) // on a failure, closed with the process
    await renderFormats(server.url, deck, ['pdf'], outputPaths(out, stem), { dark: false, timeoutMs: 60_000, progress })
    await server.close()
  }
  progress.step(`done in ${seconds(performance.now() - t0)}: ${relative(process.cwd(), out)}/index.html${args.pdf ? ` and ${stem}.pdf (download button)` : ''}`)
}

if (process.argv[1]?.endsWith('scripts/build.ts')) {
  main().then(() => process.exit(0), (e: unknown) => {
    console.error(e instanceof ChromiumNotFoundError || e instanceof UsageError ? `\n${e.message}` : `\nbuild failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`)
    process.exit(e instanceof UsageError ? 2 : 1)
  })
}
