import { FORMATS, type Format } from './formats.ts'

export interface ExportArgs {
  formats: Format[]
  entry: string
  outDir: string
  dark: boolean
  timeoutMs: number
  /** Export the PDF this many times in a row and check each (0 = off). */
  soak: number
  /** Build again even if the cached build matches the inputs. */
  rebuild: boolean
  /** Also write the static site (notes left out, PDF behind "Download") into this folder. */
  siteDir?: string
  help: boolean
}

export class UsageError extends Error {
  override name = 'UsageError'
}

export const EXPORT_USAGE = `Usage: tsx scripts/export.ts [formats…] [options]

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
export function parseExportArgs(argv: readonly string[]): ExportArgs {
  const out: ExportArgs = { formats: [], entry: 'slides.md', outDir: 'exports', dark: false, timeoutMs: 60_000, soak: 0, rebuild: false, help: false }
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1]
    if (v === undefined || v.startsWith('--'))
      throw new UsageError(`${flag} needs a value`)
    return v
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined]
    const take = (): string => {
      if (inline !== undefined)
        return inline
      const v = value(i, flag)
      i++
      return v
    }
    switch (flag) {
      case '-h': case '--help': out.help = true; break
      case '--dark': out.dark = true; break
      case '--rebuild': out.rebuild = true; break
      case '--entry': out.entry = take(); break
      case '--out': out.outDir = take(); break
      case '--site': out.siteDir = take(); break
      case '--timeout': out.timeoutMs = positiveInt(take(), flag); break
      case '--soak': out.soak = positiveInt(take(), flag); break
      default:
        if (flag.startsWith('-'))
          throw new UsageError(`unknown option ${flag}`)
        if (flag === 'all') {
          out.formats.push(...FORMATS)
        }
        else if ((FORMATS as readonly string[]).includes(flag)) {
          out.formats.push(flag as Format)
        }
        else {
          throw new UsageError(`unknown format "${flag}" (known: ${FORMATS.join(', ')}, all)`)
        }
    }
  }
  if (out.formats.length === 0)
    out.formats.push('pdf')
  out.formats = FORMATS.filter(f => out.formats.includes(f))
  return out
}

export function positiveInt(v: string, flag: string): number {
  const n = Number(v)
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`${flag} wants a positive whole number, got "${v}"`)
  return n
}

/** `/talks/x/` form: leading and trailing slash, as Vite and Slidev want. */
export function normalizeBase(base: string | undefined): string {
  if (!base || base === '/')
    return '/'
  return `/${base.replace(/^\/+|\/+$/g, '')}/`
}
