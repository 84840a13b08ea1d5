/**
 * Re-exports in seconds: the production build the exporter renders from is kept under
 * `.cache/export-build/<key>/site` (`.cache/` is git-ignored) and reused while nothing that feeds
 * it has changed. The key is a SHA-256 over the content of every input (the deck's entry and the
 * files its slides come from, pages/, components/, layouts/, setup/, styles/, sources/, public/,
 * index.html, vite.config.ts, the lockfile, the build code itself) and the build options.
 *
 * Safety: a build is made in a temp folder and moved into place only once it succeeded, so a
 * half-written build is never found; a failed build empties the cache (the next export rebuilds
 * from scratch); a build during which an input changed is used once and not kept.
 */
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { isStale, own, ownedTempDir } from '../lib/cleanup.ts'

/** Folders (relative to the project root) whose every file feeds the build. */
const INPUT_DIRS = ['pages', 'components', 'layouts', 'setup', 'styles', 'sources', 'public']
/** Single files that feed it (missing ones are skipped). */
const INPUT_FILES = ['index.html', 'vite.config.ts', 'uno.config.ts', 'package-lock.json', 'package.json', 'scripts/lib/slidev-adapter.ts', 'scripts/dev/vite-write-guard.ts']

export const CACHE_DIR = '.cache/export-build'
/** Builds kept (most recently used first): enough for the talk, a short cut and a dark/base variant. */
const KEEP = 4

export interface BuildInputs {
  /** Project-relative path → SHA-256 of the content. */
  files: Record<string, string>
  /** The build options that change the output. */
  options: Record<string, unknown>
}

const SKIP = /(^|\/)(node_modules|\.git|\.cache|dist|exports)(\/|$)|(^|\/)\.DS_Store$|~$|\.swp$/

/** Appends the files under `root/dir` (paths relative to `root`, sorted, SKIP left out) to `out`. */
export function walk(root: string, dir: string, out: string[]): void {
  const names = existsSync(join(root, dir)) ? readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).sort() : []
  for (const n of names) {
    const rel = dir ? `${dir}/${n}` : n
    if (!SKIP.test(rel) && statSync(join(root, rel), { throwIfNoEntry: false })?.isFile())
      out.push(rel)
  }
}

/**
 * The inputs of a build: `root` is the project folder, `entry` the deck's entry, `deckFiles` the
 * files its slides come from (project-relative, e.g. a `src:` page outside pages/).
 */
export function buildInputs(root: string, entry: string, deckFiles: readonly string[], options: Record<string, unknown>): BuildInputs {
  const list: string[] = []
  // The project's folders, and the deck's own when its entry lives elsewhere (Slidev's user root
  // is the entry's folder: bench/reference, a generated deck in a temp folder).
  const deckRoot = relative(root, resolve(root, entry, '..')).split(sep).join('/')
  const bases = deckRoot ? ['', `${deckRoot}/`] : ['']
  for (const base of bases)
    INPUT_DIRS.forEach(d => walk(root, base + d, list))
  for (const f of [...bases.flatMap(b => INPUT_FILES.map(f => b + f)), relative(root, resolve(root, entry)), ...deckFiles]) {
    const rel = f.split(sep).join('/')
    if (statSync(join(root, rel), { throwIfNoEntry: false })?.isFile())
      list.push(rel)
  }
  const files: Record<string, string> = {}
  for (const f of [...new Set(list)].sort())
    files[f] = createHash('sha256').update(readFileSync(join(root, f))).digest('hex')
  return { files, options }
}

/** The cache key: one hash over every input's path and content hash, and the options. */
export function buildKey(inputs: BuildInputs): string {
  const h = createHash('sha256').update(`node ${process.versions.node.split('.')[0]}\n`)
  for (const [f, d] of Object.entries(inputs.files))
    h.update(`${f}\0${d}\n`)
  // Sorted keys: the same options in another order are the same build.
  return h.update(JSON.stringify(inputs.options, Object.keys(inputs.options).sort())).digest('hex')
}

/** Why the inputs differ from an earlier build's: "pages/04-x.md changed", "build options changed (base)". */
function describeChanges(before: BuildInputs | undefined, now: BuildInputs): string {
  if (!before)
    return 'no earlier build of this deck'
  const options = Object.keys({ ...before.options, ...now.options }).filter(k => JSON.stringify(before.options[k]) !== JSON.stringify(now.options[k]))
  const changed = [
    ...options.length ? [`build options changed (${options.join(', ')})`] : [],
    ...Object.keys(now.files).filter(f => before.files[f] !== now.files[f]).map(f => `${f} ${f in before.files ? 'changed' : 'added'}`),
    ...Object.keys(before.files).filter(f => !(f in now.files)).map(f => `${f} removed`),
  ]
  if (!changed.length)
    return 'the Node.js major version changed'
  return changed.length > 3 ? `${changed.slice(0, 3).join(', ')} and ${changed.length - 3} more` : changed.join(', ')
}

export interface CachedBuild {
  /** The built site to serve. */
  site: string
  key: string
  reused: boolean
  /** For the progress line: "reusing the build of 1a2b3c4d5e6f" or "rebuilt as …: why". */
  message: string
  /** Call when the render is done (removes a build that was not kept). */
  release: () => void
}

export interface BuildCacheOptions {
  /** The project folder (the cache lives in its .cache/). */
  root: string
  /** The deck's entry, absolute or relative to `root`. */
  entry: string
  /** The files the deck's slides come from, relative to `root`. */
  deckFiles: readonly string[]
  options: Record<string, unknown>
  /** Ignore a cached build (it is replaced by the new one). */
  rebuild?: boolean
  /** Builds the site into the given folder. */
  build: (outDir: string) => Promise<void>
}

/**
 * Returns a built site for these inputs: the cached one when the key matches, else a fresh build
 * (kept for next time when no input changed while it ran). A failed build empties the cache and
 * rethrows.
 */
export async function cachedBuild(o: BuildCacheOptions): Promise<CachedBuild> {
  const cacheRoot = join(o.root, CACHE_DIR)
  mkdirSync(cacheRoot, { recursive: true })
  for (const n of readdirSync(cacheRoot)) {
    const pid = /^\.tmp-(\d+)-/.exec(n)?.[1] // the temp build of a run that died (SIGKILL)
    if (pid && isStale(Number(pid)))
      rmSync(join(cacheRoot, n), { recursive: true, force: true })
  }
  const inputs = buildInputs(o.root, o.entry, o.deckFiles, o.options)
  const key = buildKey(inputs)
  const dir = join(cacheRoot, key)
  const result = (site: string, reused: boolean, message: string, release = () => {}) => ({ site: join(site, 'site'), key, reused, message, release })
  if (!o.rebuild && existsSync(join(dir, 'inputs.json')) && existsSync(join(dir, 'site', 'index.html'))) {
    utimesSync(dir, new Date(), new Date()) // most recently used: kept by the pruning below
    return result(dir, true, `reusing the build of ${key.slice(0, 12)} (nothing that feeds it changed)`)
  }
  const pointer = join(cacheRoot, `last-${relative(o.root, resolve(o.root, o.entry)).replace(/[^\w.-]+/g, '_')}.json`)
  const before = readPointer(pointer)
  const why = o.rebuild ? 'rebuild asked for (--rebuild)' : describeChanges(before, inputs)
  // Slidev builds into the run's own temp folder (removed on exit or interruption, swept by the
  // next run after a SIGKILL), then the finished site moves into the cache.
  const work = ownedTempDir('deck-export-')
  const tmp = join(cacheRoot, `.tmp-${process.pid}-${Date.now().toString(36)}`)
  const release = own(tmp)
  try {
    await o.build(join(work.path, 'site'))
    mkdirSync(tmp)
    try {
      renameSync(join(work.path, 'site'), join(tmp, 'site'))
    }
    catch { // another filesystem
      cpSync(join(work.path, 'site'), join(tmp, 'site'), { recursive: true })
    }
  }
  catch (e) {
    release()
    for (const n of readdirSync(cacheRoot).filter(n => !n.startsWith('.tmp-'))) // never reuse anything after a failed build
      rmSync(join(cacheRoot, n), { recursive: true, force: true })
    throw e
  }
  finally {
    work.remove()
  }
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
  writeFileSync(`${pointer}.${process.pid}`, manifest)
  renameSync(`${pointer}.${process.pid}`, pointer)
  const builds = readdirSync(cacheRoot).filter(n => /^[0-9a-f]{64}$/.test(n)).map(n => ({ n, t: statSync(join(cacheRoot, n)).mtimeMs }))
  for (const { n } of builds.sort((a, b) => b.t - a.t).slice(KEEP).filter(b => b.n !== key))
    rmSync(join(cacheRoot, n), { recursive: true, force: true })
  return result(dir, false, `rebuilt as ${key.slice(0, 12)} (${why})`)
}

/** The inputs of the last build of this entry (only to say why it rebuilt): none when unreadable. */
function readPointer(file: string): BuildInputs | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BuildInputs
  }
  catch {
    return undefined
  }
}
