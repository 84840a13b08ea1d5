import { existsSync } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { own } from '../lib/cleanup.ts'

/** A sibling temp path (same folder, so the final rename is atomic on one filesystem). */
export function tempPathFor(target: string, tag = `${process.pid}-${Date.now().toString(36)}`): string {
  return join(dirname(target), `.${basename(target)}.tmp-${tag}`)
}

/**
 * Writes `target` (a file or a folder) atomically: `produce` writes to a temp path next to it,
 * `verify` checks that temp output, and only then is it renamed over `target`. On any failure the
 * temp output is removed and the previous `target` is left exactly as it was.
 */
export async function writeAtomically<T>(
  target: string,
  produce: (tmp: string) => Promise<T>,
  verify: (tmp: string, produced: T) => Promise<void> | void,
): Promise<T> {
  await mkdir(dirname(target), { recursive: true })
  const tmp = tempPathFor(target)
  const release = own(tmp) // removed on SIGINT/SIGTERM too; the next run sweeps it after a SIGKILL
  try {
    const produced = await produce(tmp)
    await verify(tmp, produced)
    await replace(tmp, target)
    return produced
  }
  finally {
    await rm(tmp, { recursive: true, force: true })
    release()
  }
}

/** Moves `from` over `to`. A folder cannot be renamed over a non-empty one, so the old one moves aside first. */
async function replace(from: string, to: string): Promise<void> {
  try {
    return await rename(from, to)
  }
  catch (e) {
    // Only "the target is a folder in the way" is worth moving aside; anything else is a real failure.
    if (!['ENOTEMPTY', 'EEXIST', 'EISDIR', 'ENOTDIR'].includes((e as NodeJS.ErrnoException).code ?? ''))
      throw e
  }
  const aside = tempPathFor(to, `old-${process.pid}-${Date.now().toString(36)}`)
  if (existsSync(to))
    await rename(to, aside)
  try {
    await rename(from, to)
  }
  catch (e) {
    await rename(aside, to).catch(() => {})
    throw e
  }
  await rm(aside, { recursive: true, force: true })
}
