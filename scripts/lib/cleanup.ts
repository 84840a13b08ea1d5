import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'

/**
 * Temp folders and partial files of a run, removed when the run ends, is interrupted (SIGINT,
 * SIGTERM, SIGHUP) or, after a SIGKILL that nothing can catch, swept by the next run.
 * Every name carries the owning pid: `deck-export-<pid>-XXXXXX`, `.<name>.tmp-<pid>-<time>`.
 */
const owned = new Set<string>()
let installed = false

/** Registers a path to remove on exit or interruption; returns a function that removes it now. */
export function own(path: string): () => void {
  if (!installed) {
    installed = true
    process.on('exit', () => owned.forEach(p => rmSync(p, { recursive: true, force: true })))
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
      process.once(signal, () => {
        process.stderr.write(`\ninterrupted (${signal}): temp files removed\n`)
        process.exit(code) // runs the 'exit' listener
      })
    }
  }
  owned.add(path)
  return () => {
    owned.delete(path)
    rmSync(path, { recursive: true, force: true })
  }
}

/** A fresh temp folder `<tmpdir>/<prefix><pid>-XXXXXX`, removed on exit or interruption. */
export function ownedTempDir(prefix: 'deck-export-' | 'deck-check-' | 'deck-soak-' | 'deck-bench-'): { path: string, remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `${prefix}${process.pid}-`))
  return { path, remove: own(path) }
}

/** Whether a leftover's owner, the pid in its name, is gone. */
export function isStale(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid)
    return false
  try {
    process.kill(pid, 0) // signal 0: only asks whether the process exists
    return false
  }
  catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'EPERM'
  }
}

// The names `ownedTempDir` and `tempPathFor` (export/atomic.ts) give, with the owner's pid; anything
// else with the prefix (a test build cache, say) is not ours.
const OWNED = /^(?:deck-(?:export|check|soak|bench)-|\..+\.tmp-(?:old-)?)(\d+)-\w+$/

/** Removes stale temp folders of earlier runs from `tmp` and stale partial files from `outDir`. Returns what it removed. */
export function sweepStale(outDir?: string, tmp = tmpdir()): string[] {
  const stale = [tmp, outDir].flatMap(dir => dir && existsSync(dir) ? readdirSync(dir).map(n => join(dir, n)) : [])
    .filter(p => isStale(Number(OWNED.exec(basename(p))?.[1])))
  for (const p of stale)
    rmSync(p, { recursive: true, force: true })
  return stale
}
