import { renameSync } from 'node:fs'
import { mkdir, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { own } from '../lib/cleanup.ts'

/** A sibling temp path (same folder, so the final rename is atomic), named for cleanup's sweep of dead runs. */
export function tempPathFor(target: string, tag = ''): string {
  return join(dirname(target), `.${basename(target)}.tmp-${tag}${process.pid}-${Date.now().toString(36)}`)
}

/**
 * Writes `target` (a file or a folder): `produce` writes a temp path next to it, `verify` checks it,
 * and only then is it renamed over `target`; on any failure the previous `target` stays as it was.
 */
export async function writeAtomically<T>(target: string, produce: (tmp: string) => Promise<T>, verify: (tmp: string, produced: T) => Promise<void> | void): Promise<T> {
  await mkdir(dirname(target), { recursive: true })
  const tmp = tempPathFor(target)
  const release = own(tmp) // removed on SIGINT/SIGTERM too; the next run sweeps it after a SIGKILL
  try {
    const produced = await produce(tmp)
    await verify(tmp, produced)
    // A folder cannot be renamed over a non-empty one: the old one moves aside first, and back on
    // failure. Synchronous, so no signal handler runs between the two renames.
    const aside = (await stat(target).catch(() => undefined))?.isDirectory() ? tempPathFor(target, 'old-') : undefined
    if (aside)
      renameSync(target, aside)
    try {
      renameSync(tmp, target)
    }
    catch (e) {
      if (aside)
        renameSync(aside, target)
      throw e
    }
    if (aside)
      await rm(aside, { recursive: true, force: true })
    return produced
  }
  finally {
    await rm(tmp, { recursive: true, force: true })
    release()
  }
}
