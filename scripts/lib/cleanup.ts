import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Temp folders and partial files of a run, removed when the run ends, is interrupted (SIGINT,
 * SIGTERM, SIGHUP) or, after a SIGKILL that nothing can catch, swept by the next run.
 * Every name carries the owning pid: `deck-export-<pid>-XXXXXX`, `.<name>.tmp-<pid>-<time>`.
 */
const owned = new Set<string>()
let installed = false

/** Registers a path to remove on exit or interruption; returns a function that removes it now. */
export function own(path: string): () => void {
  owned.add(path)
  installHandlers()
  return () => {
    owned.delete(path)
    rmSync(path, { recursive: true, force: true })
  }
}

/** A fresh temp folder `<tmpdir>/<prefix><pid>-XXXXXX`, removed on exit or interruption. */
export function ownedTempDir(prefix: 'deck-export-' | 'deck-check-' | 'deck-soak-'): { path: string, remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `${prefix}${process.pid}-`))
  return { path, remove: own(path) }
}

function removeAll(): void {
  for (const p of owned) rmSync(p, { recursive: true, force: true })
  owned.clear()
}

function installHandlers(): void {
  if (installed)
    return
  installed = true
  process.on('exit', removeAll)
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.once(signal, () => {
      removeAll()
      process.stderr.write(`\ninterrupted (${signal}): temp files removed\n`)
      process.exit(code)
    })
  }
}

export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0)
    return false
  try {
    process.kill(pid, 0)
    return true
  }
  catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Time this process started (ms since epoch). */
const STARTED = Date.now() - process.uptime() * 1000

/** Leftovers without a pid in their name (older versions of the scripts) must be this old too. */
const UNNAMED_MIN_AGE_MS = 30 * 60_000

/**
 * Whether a leftover belongs to no running process: its owner pid (from the name) is dead, or it
 * names no pid, is older than this process and untouched for half an hour (another run may own it).
 */
export function isStale(path: string, pid: number | undefined, alive = pidAlive, started = STARTED): boolean {
  if (pid !== undefined)
    return pid !== process.pid && !alive(pid)
  try {
    const { mtimeMs } = statSync(path)
    return mtimeMs < started && mtimeMs < Date.now() - UNNAMED_MIN_AGE_MS
  }
  catch {
    return false
  }
}

// mkdtemp appends six characters; anything else with the prefix (a test build cache, say) is not ours.
const TEMP_DIR = /^deck-(?:export|check|soak)-(?:(\d+)-)?[A-Za-z0-9]{6}$/
const PARTIAL = /^\..+\.tmp-(?:old-)?(\d+)-\w+$/

/** Removes stale temp folders of earlier runs from `tmp` and stale partial files from `outDir`. Returns what it removed. */
export function sweepStale(outDir?: string, tmp = tmpdir()): string[] {
  const removed: string[] = []
  const sweep = (dir: string, re: RegExp) => {
    let names: string[]
    try {
      names = readdirSync(dir)
    }
    catch {
      return
    }
    for (const name of names) {
      const m = re.exec(name)
      if (!m)
        continue
      const path = join(dir, name)
      if (isStale(path, m[1] === undefined ? undefined : Number(m[1]))) {
        rmSync(path, { recursive: true, force: true })
        removed.push(path)
      }
    }
  }
  sweep(tmp, TEMP_DIR)
  if (outDir)
    sweep(outDir, PARTIAL)
  return removed
}
