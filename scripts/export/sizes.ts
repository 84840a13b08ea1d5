import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface AssetSize {
  file: string
  raw: number
  gzip: number
}

export interface SizeTotals {
  files: number
  raw: number
  gzip: number
}

/** Every file under `dir` whose name ends with `ext`, with raw and gzip (level 9) sizes. */
export function assetSizes(dir: string, ext: string): AssetSize[] {
  const out: AssetSize[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name)
      if (statSync(p).isDirectory())
        walk(p)
      else if (name.endsWith(ext)) {
        const buf = readFileSync(p)
        out.push({ file: relative(dir, p), raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length })
      }
    }
  }
  walk(dir)
  return out.sort((a, b) => b.raw - a.raw)
}

export function sumSizes(list: readonly AssetSize[], only?: ReadonlySet<string>): SizeTotals {
  const picked = only ? list.filter(a => only.has(a.file)) : list
  return {
    files: picked.length,
    raw: picked.reduce((n, a) => n + a.raw, 0),
    gzip: picked.reduce((n, a) => n + a.gzip, 0),
  }
}

/** "1.23 MB" (decimal megabytes, as the targets are stated). */
export function formatBytes(n: number): string {
  if (n >= 1e6)
    return `${(n / 1e6).toFixed(2)} MB`
  if (n >= 1e3)
    return `${(n / 1e3).toFixed(1)} kB`
  return `${n} B`
}
