import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The mailing-list threads every quotation on a slide must come from (../shared/seeds/*.txt).
 */
export interface Seed {
  /** File name, e.g. "000_9c795dc5fff51785.txt". */
  name: string
  text: string
  /** Whitespace-normalised text. */
  flat: string
  /**
   * Whitespace-normalised text with the e-mail reply markers (`>`, `> >`) removed from line
   * starts, so that words a message quotes from an earlier one can be quoted too.
   */
  flatUnquoted: string
}

/** Collapses every run of whitespace to one space and trims. */
export function normalizeWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

/** Removes e-mail reply markers ("> ", ">> ", "> > ") from the start of every line. */
export function stripReplyMarkers(s: string): string {
  return s.replace(/^[ \t]*(?:>[ \t]?)+/gm, '')
}

export function makeSeed(name: string, text: string): Seed {
  return { name, text, flat: normalizeWhitespace(text), flatUnquoted: normalizeWhitespace(stripReplyMarkers(text)) }
}

/** The repository root: the nearest folder at or above `from` holding a package.json. */
export function findRepoRoot(from: string): string {
  let dir = resolve(from)
  for (;;) {
    if (existsSync(join(dir, 'package.json')))
      return dir
    const up = dirname(dir)
    if (up === dir)
      return fileURLToPath(new URL('../..', import.meta.url))
    dir = up
  }
}

/** Where the seeds live: $SEEDS_DIR, else `../shared/seeds` next to the repository. */
export function seedsDir(from: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  if (env.SEEDS_DIR)
    return resolve(env.SEEDS_DIR)
  return resolve(findRepoRoot(from), '../shared/seeds')
}

/** Loads every `*.txt` in `dir`, sorted by name. Throws a clear error if the folder is missing or empty. */
export function loadSeeds(dir: string): Seed[] {
  if (!existsSync(dir))
    throw new Error(`seeds folder not found: ${dir} (set SEEDS_DIR to the folder holding the thread .txt files)`)
  const names = readdirSync(dir).filter(n => n.endsWith('.txt')).sort()
  if (!names.length)
    throw new Error(`no seed threads (*.txt) in ${dir}`)
  return names.map(n => makeSeed(n, readFileSync(join(dir, n), 'utf8')))
}

export type QuoteMatch =
  | { found: true, seed: Seed }
  | { found: false, /** The longest start of the quotation found in some seed ('' if not even the first word). */ matchedPrefix: string }

/**
 * Whether `quote`, whitespace-normalised, occurs verbatim in one seed. Nothing else is
 * normalised: quotes, dashes, case and typos must be as in the thread.
 */
export function findQuote(seeds: Seed[], quote: string): QuoteMatch {
  const q = normalizeWhitespace(quote)
  const inSome = (s: string) => seeds.some(seed => seed.flat.includes(s) || seed.flatUnquoted.includes(s))
  const seed = seeds.find(s => s.flat.includes(q) || s.flatUnquoted.includes(q))
  if (q && seed)
    return { found: true, seed }
  // Longest prefix that still occurs somewhere (occurrence is monotonic in the prefix length).
  let lo = 0
  let hi = q.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (inSome(q.slice(0, mid)))
      lo = mid
    else hi = mid - 1
  }
  return { found: false, matchedPrefix: q.slice(0, lo) }
}
