import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildDeck } from '../../scripts/check/run.ts'

const ROOT = resolve(__dirname, '../..')
const SLIDEV_VERSION = JSON.parse(readFileSync(join(ROOT, 'node_modules/@slidev/cli/package.json'), 'utf8')).version as string

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? filesOf(p) : [p]
  }).sort()
}

/**
 * The built site of a fixture deck, built once per content (Slidev's version and every file of
 * the deck) and kept in the temp dir, so a rerun skips the build. A build goes to a private
 * folder and is renamed into place whole: two runs at once never see each other's half-built site.
 */
export async function builtOnce(dir: string, name: string): Promise<string> {
  const hash = createHash('sha256').update(SLIDEV_VERSION)
  for (const f of filesOf(dir))
    hash.update(f.slice(dir.length)).update(readFileSync(f))
  const out = join(tmpdir(), 'deck-test-builds', `${name}-${hash.digest('hex').slice(0, 12)}`)
  if (existsSync(join(out, 'index.html')))
    return out
  const partial = `${out}.partial-${process.pid}`
  rmSync(partial, { recursive: true, force: true })
  await buildDeck(join(dir, 'slides.md'), partial)
  try {
    renameSync(partial, out)
  }
  catch {
    // Another run put the same build in place first: use it.
    rmSync(partial, { recursive: true, force: true })
  }
  return out
}
