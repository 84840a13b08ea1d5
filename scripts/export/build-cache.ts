/**
 * Re-exports in seconds: the production build is kept under `.cache/export-build/<key>/site` and
 * reused while nothing that feeds it changed; the key is a SHA-256 over the content of every input
 * and the build options. A build moves into the cache only once complete, a failed build empties
 * the cache, and a build during which an input changed is used once and not kept.
 */
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { own, ownedTempDir, sweepStale } from '../lib/cleanup.ts'
import { tempPathFor } from './atomic.ts'

/** Folders and files (relative to the project root or the deck's folder) that feed the build. */
const INPUT_DIRS = ['pages', 'components', 'layouts', 'setup', 'styles', 'sources', 'public']
const INPUT_FILES = ['index.html', 'vite.config.ts', 'uno.config.ts', 'package-lock.json', 'package.json', 'scripts/lib/slidev-adapter.ts', 'scripts/dev/vite-write-guard.ts']
const SKIP = /(^|\/)(node_modules|\.git|\.cache|dist|exports)(\/|$)|(^|\/)\.DS_Store$|~$|\.swp$/

export const CACHE_DIR = '.cache/export-build'
/** Builds kept (most recently used first): enough for the talk, a short cut and a dark/base variant. */
const KEEP = 4

interface BuildInputs {
  /** Project-relative path → SHA-256 of the content. */
  files: Record<string, string>
  options: Record<string, unknown>
}

/**
 * The files under `root/dir`, relative to `root`, sorted; SKIP applies below `dir` only (a deck or
 * threads folder may itself lie under a folder named exports or dist).
 */
export function walk(root: string, dir: string): string[] {
  const names = existsSync(join(root, dir)) ? readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).sort() : []
  return names.filter(n => !SKIP.test(n)).map(n => dir ? `${dir}/${n}` : n).filter(rel => statSync(join(root, rel), { throwIfNoEntry: false })?.isFile())
}

// Content hashes by path, inode, size, mtime and ctime: an export hashes each input once (the
// lint's key, the build's). Cleared before the check for inputs changed during the build.
const digests = new Map<string, string>()
function digest(file: string): string {
  const st = statSync(file)
  const id = `${file}\0${st.ino}\0${st.size}\0${st.mtimeMs}\0${st.ctimeMs}`
  if (!digests.has(id))
    digests.set(id, createHash('sha256').update(readFileSync(file)).digest('hex'))
  return digests.get(id)!
}

/** The inputs of a build of `entry`: `extraFiles` (project-relative) are the files its slides come from, or anything else to cover. */
export function buildInputs(root: string, entry: string, extraFiles: readonly string[], options: Record<string, unknown>): BuildInputs {
  // The project's folders, and the deck's own when its entry lives elsewhere (Slidev's user root
  // is the entry's folder: bench/reference, a generated deck in a temp folder).
  const deckRoot = relative(root, resolve(root, entry, '..')).split(sep).join('/')
  const bases = deckRoot ? ['', `${deckRoot}/`] : ['']
  const list = [
    ...bases.flatMap(b => INPUT_DIRS.flatMap(d => walk(root, b + d))),
    ...[...bases.flatMap(b => INPUT_FILES.map(f => b + f)), relative(root, resolve(root, entry)), ...extraFiles]
      .map(f => f.split(sep).join('/')).filter(f => statSync(join(root, f), { throwIfNoEntry: false })?.isFile()),
  ]
  return { files: Object.fromEntries([...new Set(list)].sort().map(f => [f, digest(join(root, f))])), options }
}

/** The cache key: one hash over the Node.js major, every input's path and content hash, and the options in key order. */
export function buildKey(inputs: BuildInputs): string {
  const h = createHash('sha256').update(`node ${process.versions.node.split('.')[0]}\n`)
  for (const [f, d] of Object.entries(inputs.files))
    h.update(`${f}\0${d}\n`)
  return h.update(JSON.stringify(inputs.options, Object.keys(inputs.options).sort())).digest('hex')
}

/** Why the inputs differ from an earlier build's: "pages/04-x.md changed", "build options changed (base)". */
function describeChanges(before: BuildInputs | undefined, now: BuildInputs): string {
  if (!before)
    return 'no earlier build of this deck'
  const options = Object.keys({ ...before.options, ...now.options }).filter(k => JSON.stringify(before.options[k]) !== JSON.stringify(now.options[k]))
  const changed = [
    ...options.length ? [`build options changed (${options.join(', ')})`] : [],
    ...Object.keys({ ...now.files, ...before.files }).filter(f => before.files[f] !== now.files[f]).map(f => `${f} ${!(f in now.files) ? 'removed' : f in before.files ? 'changed' : 'added'}`),
  ]
  if (!changed.length)
    return 'the Node.js major version changed'
  return changed.length > 3 ? `${changed.slice(0, 3).join(', ')} and ${changed.length - 3} more` : changed.join(', ')
}

export type CachedBuild = Awaited<ReturnType<typeof cachedBuild>>

interface BuildCacheOptions {
  /** The project folder (the cache lives in its .cache/). */
  root: string
  /** The deck's entry, absolute or relative to `root`, and the files its slides come from, relative to `root`. */
  entry: string
  deckFiles: readonly string[]
  options: Record<string, unknown>
  /** Build again even when a cached build matches. */
  rebuild?: boolean
  build: (outDir: string) => Promise<void>
}

/** A built site for these inputs: the cached one when the key matches, else a fresh build. A failed build empties the cache and rethrows. */
export async function cachedBuild(o: BuildCacheOptions) {
  const cacheRoot = join(o.root, CACHE_DIR)
  mkdirSync(cacheRoot, { recursive: true })
  sweepStale(cacheRoot) // the temp build of a run that died (SIGKILL)
  const inputs = buildInputs(o.root, o.entry, o.deckFiles, o.options)
  const key = buildKey(inputs)
  const dir = join(cacheRoot, key)
  // The site to serve; the progress line ("reusing the build of …", "rebuilt as … (why)"); `release`
  // to call when the render is done (it removes a build that was not kept).
  const result = (at: string, reused: boolean, message: string, release = () => {}) => ({ site: join(at, 'site'), key, reused, message, release })
  if (!o.rebuild && existsSync(join(dir, 'inputs.json'))) { // written last, before the folder moved into place
    utimesSync(dir, new Date(), new Date()) // most recently used: kept by the pruning below
    return result(dir, true, `reusing the build of ${key.slice(0, 12)} (nothing that feeds it changed)`)
  }
  const pointer = join(cacheRoot, `last-${relative(o.root, resolve(o.root, o.entry)).replace(/[^\w.-]+/g, '_')}.json`)
  let before: BuildInputs | undefined
  try {
    before = JSON.parse(readFileSync(pointer, 'utf8')) as BuildInputs
  }
  catch {} // none or unreadable: only the reason given below is less precise
  const why = o.rebuild ? 'rebuild asked for (--rebuild)' : describeChanges(before, inputs)
  // Slidev builds into the run's own temp folder (removed on exit or interruption, swept by the
  // next run after a SIGKILL), then the finished site moves into the cache.
  const work = ownedTempDir('deck-export-')
  const tmp = tempPathFor(dir)
  const release = own(tmp)
  try {
    await o.build(join(work.path, 'site'))
    cpSync(join(work.path, 'site'), join(tmp, 'site'), { recursive: true })
  }
  catch (e) {
    release()
    for (const n of readdirSync(cacheRoot).filter(n => !n.startsWith('.'))) // never reuse anything after a failed build
      rmSync(join(cacheRoot, n), { recursive: true, force: true })
    throw e
  }
  finally {
    work.remove()
  }
  digests.clear() // every input read again: an edit that kept size and times must not pass
  if (buildKey(buildInputs(o.root, o.entry, o.deckFiles, o.options)) !== key)
    return result(tmp, false, `rebuilt (${why}); an input changed during the build, so it is not kept`, release)
  const manifest = `${JSON.stringify({ key, entry: o.entry, ...inputs }, null, 1)}\n`
  writeFileSync(join(tmp, 'inputs.json'), manifest)
  rmSync(dir, { recursive: true, force: true }) // a --rebuild replaces the old one
  try {
    renameSync(tmp, dir)
  }
  catch { // another export put the same build in place first: use ours this once
    return result(tmp, false, `rebuilt as ${key.slice(0, 12)} (${why})`, release)
  }
  release()
  writeFileSync(pointer, manifest)
  const builds = readdirSync(cacheRoot).filter(n => /^[0-9a-f]{64}$/.test(n)).map(n => ({ n, t: statSync(join(cacheRoot, n)).mtimeMs }))
  for (const { n } of builds.sort((a, b) => b.t - a.t).slice(KEEP).filter(b => b.n !== key))
    rmSync(join(cacheRoot, n), { recursive: true, force: true })
  return result(dir, false, `rebuilt as ${key.slice(0, 12)} (${why})`)
}
