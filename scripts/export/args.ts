import { parseArgs } from 'node:util'
import { positiveInt, usage, UsageError } from '../lib/args.ts'
import { FORMATS } from './formats.ts'

export type ExportArgs = ReturnType<typeof parseExportArgs>

export const EXPORT_USAGE = `Usage: node scripts/export.ts [formats…] [options]

Formats: ${FORMATS.join(', ')}, or "all" (default: pdf)
Options:
  --entry <file>     deck entry (default slides.md)
  --out <dir>        output folder (default exports)
  --dark             render in dark mode
  --timeout <ms>     per-step timeout (default 60000)
  --soak <n>         export the PDF n times in a row and check each run
  --site <dir>       also write the static site there (as npm run build: speaker notes
                     left out, the PDF behind "Download"); npm run export:all uses dist
  --rebuild          build again even when nothing that feeds the build changed
                     (the build is otherwise reused from .cache/export-build/)
  -h, --help         this text`

/** Parses `export.ts` arguments. Pure: throws UsageError on anything it does not understand. */
export function parseExportArgs(argv: readonly string[]) {
  const { values: v, positionals } = usage(() => parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      'help': { type: 'boolean', short: 'h', default: false },
      'dark': { type: 'boolean', default: false },
      'rebuild': { type: 'boolean', default: false },
      'entry': { type: 'string' },
      'out': { type: 'string', default: 'exports' },
      'site': { type: 'string' },
      'timeout': { type: 'string', default: '60000' },
      'soak': { type: 'string' },
    },
  }))
  const unknown = positionals.find(f => f !== 'all' && !(FORMATS as readonly string[]).includes(f))
  if (unknown)
    throw new UsageError(`unknown format "${unknown}" (known: ${FORMATS.join(', ')}, all)`)
  const asked: readonly string[] = positionals.includes('all') ? FORMATS : positionals.length ? positionals : ['pdf']
  return {
    formats: FORMATS.filter(f => asked.includes(f)),
    entry: v.entry ?? 'slides.md',
    /** `all` without `--entry` (npm run export:all): every format of the full talk and of its cut. */
    everyEntry: positionals.includes('all') && v.entry === undefined,
    outDir: v.out,
    dark: v.dark,
    timeoutMs: positiveInt(v.timeout, '--timeout'),
    soak: v.soak === undefined ? 0 : positiveInt(v.soak, '--soak'),
    rebuild: v.rebuild,
    siteDir: v.site,
    help: v.help,
  }
}
