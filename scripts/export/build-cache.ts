/**
 * Re-exports in seconds: the production build the exporter renders from is kept under
 * `.cache/export-build/<key>/site` (`.cache/` is git-ignored) and reused while nothing that feeds
 * it has changed. The key is a SHA-256 over the content of every input (the deck's entry and the
 * files its slides come from, pages/, components/, layouts/, setup/, styles/, sources/, public/,
 * index.html, vite.config.ts, the lockfile, the build code itself) and the build options.
 *
 * Safety: a build is written to a temp folder and renamed into place only once it succeeded, so a
 * half-written build is never found; a failed build empties the cache (the next export rebuilds
 * from scratch); a build during which an input changed is used once and not kept.
 */
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { own, ownedTempDir } from '../lib/cleanup.ts'

/** Folders (relative to the project root) whose every file feeds the build. */
export const INPUT_DIRS = ['pages', 'components', 'layouts', 'setup', 'styles', 'sources', 'public'] as const
/** Single files that feed it (missing ones are skipped). */
export const INPUT_FILES = [
  'index.html',
  'vite.config.ts',
  'uno.config.ts',
  'package-lock.json',
  'package.json',
  'scripts/lib/slidev-adapter.ts',
  'scripts/dev/vite-write-guard.ts',
] as const

export const CACHE_DIR = '.cache/export-build'
/** Builds kept (most recently used first): enough for the talk, a short cut and a dark/base variant. */
const KEEP = 4

export interface BuildInputs {
  /** Project-relative path → SHA-256 of the content. */
  files: Record<string, string>
  /** The build options that change the output. */
  options: Record<string, unknown>
}

export interface CacheManifest extends BuildInputs {
  key: string
  entry: string
  builtAt: string
}

const SKIP = /(^|\/)(node_modules|\.git|\.cache|dist|exports)(\/|$)|(^|\/)\.DS_Store$|~$|\.swp$/

/** Appends the files under `root/dir` (paths relative to `root`, sorted, SKIP left out) to `out`. */
export function walk(root: string, dir: string, out: string[]): void {
  let names: string[]
  try {
    names = readdirSync(join(root, dir))
  }
  catch {
    return
  }
  for (const n of names.sort()) {
    const rel = dir ? `${dir}/${n}` : n
    if (SKIP.test(rel))
      continue
    const st = statSync(join(root, rel), { throwIfNoEntry: false })
    if (!st)
      continue
    if (st.isDirectory())
      walk(root, rel, out)
    else if (st.isFile())
      out.push(rel)
  }
}

function sha(buf: Buffer | string): string {
  return createHash('sha256').update(buf).digest('hex')
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
  for (const base of deckRoot ? ['', deckRoot] : ['']) {
    for (const d of INPUT_DIRS)
      walk(root, base ? `${base}/${d}` : d, list)
  }
  for (const f of [...INPUT_FILES, ...(deckRoot ? INPUT_FILES.map(f => `${deckRoot}/${f}`) : []), relative(root, resolve(root, entry)), ...deckFiles]) {
    const rel = f.split(sep).join('/')
    if (existsSync(join(root, rel)) && statSync(join(root, rel)).isFile())
      list.push(rel)
  }
  const files: Record<string, string> = {}
  for (const f of [...new Set(list)].sort())
    files[f] = sha(readFileSync(join(root, f)))
  return { files, options }
}

/** The cache key: one hash over every input's path and content hash, and the options. */
export function buildKey(inputs: BuildInputs): string {
  const h = createHash('sha256')
  h.update(`node ${process.versions.node.split('.')[0]}\n`)
  for (const [f, d] of Object.entries(inputs.files))
    h.update(`${f}\0${d}\n`)
  h.update(JSON.stringify(sortKeys(inputs.options)))
  return h.digest('hex')
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)))
}

/** Why the inputs differ from an earlier build's: "pages/04-x.md changed", "options changed (…)". */
export function describeChanges(before: BuildInputs | undefined, now: BuildInputs): string {
  if (!before)
    return 'no earlier build of this deck'
  const changed: string[] = []
  for (const [f, d] of Object.entries(now.files)) {
    if (!(f in before.files))
      changed.push(`${f} added`)
    else if (before.files[f] !== d)
      changed.push(`${f} changed`)
  }
  for (const f of Object.keys(before.files)) {
    if (!(f in now.files))
      changed.push(`${f} removed`)
  }
  const opts = JSON.stringify(sortKeys(before.options)) !== JSON.stringify(sortKeys(now.options))
  if (opts) {
    const diff = Object.keys({ ...before.options, ...now.options }).filter(k => JSON.stringify(before.options[k]) !== JSON.stringify(now.options[k]))
    changed.unshift(`build options changed (${diff.join(', ')})`)
  }
  if (!changed.length)
    return 'the Node.js major version changed'
  return changed.length > 3 ? `${changed.slice(0, 3).join(', ')} and ${changed.length - 3} more` : changed.join(', ')
}

export interface CachedBuild {
  /** The built site to serve. */
  site: string
  key: string
  reused: boolean
  /** For the progress line: "reusing the build of 1a2b3c4d5e6f" or "rebuilding: …". */
  message: string
  /** Call when the render is done (removes a build that was not kept). */
  release: () => void
}

export interface BuildCacheOptions {
  /** The project folder (the cache lives in its .cache/). */
  root: string
  /** The deck's entry, absolute or relative to `root`. */
  entry: string
  /** The files the deck's slides come from, absolute or relative to `root`. */
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
  sweepDeadTemps(cacheRoot)
  const inputs = buildInputs(o.root, o.entry, o.deckFiles, o.options)
  const key = buildKey(inputs)
  const short = key.slice(0, 12)
  const dir = join(cacheRoot, key)
  const entryName = relative(o.root, resolve(o.root, o.entry)).replace(/[^\w.-]+/g, '_')
  const pointer = join(cacheRoot, `last-${entryName}.json`)
  if (!o.rebuild && isComplete(dir)) {
    touch(dir)
    return { site: join(dir, 'site'), key, reused: true, message: `reusing the build of ${short} (nothing that feeds it changed)`, release: () => {} }
  }
  const before = readManifest(pointer)
  const why = o.rebuild ? 'rebuild asked for (--rebuild)' : describeChanges(before, inputs)
  // Slidev builds into the run's own temp folder (removed on exit or interruption, swept by the
  // next run after a SIGKILL), then the finished site moves into the cache.
  const work = ownedTempDir('deck-export-')
  const tmp = join(cacheRoot, `.tmp-${process.pid}-${Date.now().toString(36)}`)
  const releaseTmp = own(tmp)
  try {
    await o.build(join(work.path, 'site'))
    mkdirSync(tmp, { recursive: true })
    try {
      renameSync(join(work.path, 'site'), join(tmp, 'site'))
    }
    catch {
      cpSync(join(work.path, 'site'), join(tmp, 'site'), { recursive: true })
    }
  }
  catch (e) {
    releaseTmp()
    clearCache(cacheRoot) // never reuse anything after a failed build
    throw e
  }
  finally {
    work.remove()
  }
  const after = buildKey(buildInputs(o.root, o.entry, o.deckFiles, o.options))
  const manifest: CacheManifest = { key, entry: o.entry, builtAt: new Date().toISOString(), ...inputs }
  if (after !== key) {
    // An input changed while it built: use this build once, do not keep it under either key.
    return { site: join(tmp, 'site'), key, reused: false, message: `rebuilt (${why}); an input changed during the build, so it is not kept`, release: releaseTmp }
  }
  writeFileSync(join(tmp, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`)
  rmSync(dir, { recursive: true, force: true }) // a --rebuild replaces the old one
  try {
    renameSync(tmp, dir)
  }
  catch {
    // Another export put the same build in place first: use ours this once.
    return { site: join(tmp, 'site'), key, reused: false, message: `rebuilt as ${short} (${why})`, release: releaseTmp }
  }
  releaseTmp()
  writeAtomic(pointer, `${JSON.stringify(manifest)}\n`)
  prune(cacheRoot, key)
  return { site: join(dir, 'site'), key, reused: false, message: `rebuilt as ${short} (${why})`, release: () => {} }
}

function isComplete(dir: string): boolean {
  return existsSync(join(dir, 'manifest.json')) && existsSync(join(dir, 'site', 'index.html'))
}

function readManifest(file: string): CacheManifest | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CacheManifest
  }
  catch {
    return undefined
  }
}

function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`
  writeFileSync(tmp, text)
  renameSync(tmp, file)
}

function touch(dir: string): void {
  try {
    const m = join(dir, 'manifest.json')
    writeAtomic(m, readFileSync(m, 'utf8'))
  }
  catch {}
}

/** Removes every cached build (after a failed build). */
export function clearCache(cacheRoot: string): void {
  for (const n of readdirSync(cacheRoot, { withFileTypes: true })) {
    if (/^\.tmp-(\d+)-/.test(n.name) && pidAlive(Number(/^\.tmp-(\d+)-/.exec(n.name)![1])) && Number(/^\.tmp-(\d+)-/.exec(n.name)![1]) !== process.pid)
      continue // another export's build in progress
    rmSync(join(cacheRoot, n.name), { recursive: true, force: true })
  }
}

/** Keeps the KEEP most recently used builds. */
function prune(cacheRoot: string, keep: string): void {
  const builds = readdirSync(cacheRoot, { withFileTypes: true })
    .filter(d => d.isDirectory() && /^[0-9a-f]{64}$/.test(d.name))
    .map(d => ({ name: d.name, t: statSync(join(cacheRoot, d.name, 'manifest.json'), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => b.t - a.t)
  for (const b of builds.slice(KEEP)) {
    if (b.name !== keep)
      rmSync(join(cacheRoot, b.name), { recursive: true, force: true })
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  }
  catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Temp builds of runs that died (SIGKILL) are removed. */
function sweepDeadTemps(cacheRoot: string): void {
  for (const n of readdirSync(cacheRoot)) {
    const m = /^\.tmp-(\d+)-/.exec(n) ?? /\.tmp-(\d+)$/.exec(n)
    if (m && !pidAlive(Number(m[1])))
      rmSync(join(cacheRoot, n), { recursive: true, force: true })
  }
}
