import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

interface AssetSize { file: string, raw: number, gzip: number }
export interface SizeTotals { files: number, raw: number, gzip: number }

/** Every file under `dir` whose name ends with `ext`, with raw and gzip (level 9) sizes, largest first. */
export function assetSizes(dir: string, ext: string): AssetSize[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(f => f.endsWith(ext) && statSync(join(dir, f)).isFile())
    .map((file) => {
      const buf = readFileSync(join(dir, file))
      return { file, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length }
    })
    .sort((a, b) => b.raw - a.raw)
}

export function sumSizes(list: readonly AssetSize[], only?: ReadonlySet<string>): SizeTotals {
  const picked = only ? list.filter(a => only.has(a.file)) : list
  return { files: picked.length, raw: picked.reduce((n, a) => n + a.raw, 0), gzip: picked.reduce((n, a) => n + a.gzip, 0) }
}

/** "1.23 MB" (decimal megabytes, as the targets are stated). */
export function formatBytes(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} kB` : `${n} B`
}
