import { existsSync, readFileSync } from 'node:fs'
import { createRequire, isBuiltin } from 'node:module'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { frontmatterKeyLine, type Deck } from '../lib/deck.ts'
import type { Problem } from '../lib/problem.ts'

/** This repository: Slidev runs from here on another deck and finds packages here too, as a global install would. */
const SELF = fileURLToPath(new URL('../..', import.meta.url))

/** The folder of package `name` where Node looks for it from folder `from` (its `node_modules` and those above). */
const findPackage = (name: string, from: string) =>
  createRequire(join(from, 'lint.js')).resolve.paths(name)?.map(d => join(d, name)).find(d => existsSync(join(d, 'package.json')))

/** A package from the deck's folder up, else from Slidev's own install (as Slidev resolves it). */
export const packageDir = (name: string, root: string) => findPackage(name, root) ?? findPackage(name, SELF)

/** The folder of a theme or addon as Slidev's resolver finds it (a path, or `x`: @slidev/theme-x, slidev-theme-x, x); '' for `none`, undefined when missing. */
export function addonDir(type: 'theme' | 'addon', name: string, root: string): string | undefined {
  if (name === 'none')
    return ''
  if (/^[./]|^@\//.test(name) || (!name.startsWith('@') && name.includes('/'))) {
    const dir = resolve(root, name.replace(/^@\//, ''))
    return existsSync(dir) ? dir : undefined
  }
  const names = name.startsWith('@') || name.includes('/') ? [name] : [`@slidev/${type}-${name}`, `slidev-${type}-${name}`, name]
  return names.map(n => packageDir(n, root)).find(Boolean)
}

/** The number of the slide at `file`:`line`: the last one at or before it in deck order, counting the `src:` stanzas that imported it. */
export function slideAt(deck: Deck, file: string, line: number): number {
  return [...deck.slides].reverse().find(s => [{ file: s.file, line: s.line }, ...s.importChain.map(c => ({ file: relative(deck.root, c.filepath), line: c.start + 1 }))]
    .some(p => p.file === file && p.line <= line))?.no ?? 1
}

/**
 * What stops `slidev build` before any slide renders: a missing `src:` import, invalid YAML, a
 * theme or addon that is not installed, a package `vite.config` imports that Node cannot find.
 */
export function checkBlockers(deck: Deck): Problem[] {
  const out: Problem[] = [
    ...deck.errors.map(e => ({ file: e.file, line: e.line, no: slideAt(deck, e.file, e.line), check: 'deck', message: e.message.replaceAll(`${deck.root}/`, '') })),
    ...deck.slides.flatMap(s => s.yamlErrors.map(e => ({ file: s.file, line: e.line, no: s.no, check: 'frontmatter', message: `frontmatter is not valid YAML: ${e.message}` }))),
  ]
  const first = deck.slides[0]!
  const at = (key: string, message: string) => out.push({ file: first.file, line: frontmatterKeyLine(first, key), no: 1, check: 'install', message })
  const addons = Array.isArray(deck.headmatter.addons) ? deck.headmatter.addons : []
  for (const [type, name] of [['theme', deck.headmatter.theme ?? 'default'] as const, ...addons.map(a => ['addon', a] as const)]) {
    const key = type === 'addon' ? 'addons' : type
    if (typeof name !== 'string')
      at(key, `slidev build stops: ${type} must be a name, got ${JSON.stringify(name)}`)
    else if (addonDir(type, name, deck.root) === undefined)
      at(key, `slidev build stops: the ${type} "${name}" is not installed (npm i -D ${/^[@./]|\//.test(name) ? name : `@slidev/${type}-${name}`}${type === 'theme' ? ', or theme: default' : ''})`)
  }
  for (const file of ['vite.config.ts', 'vite.config.mts', 'vite.config.js', 'vite.config.mjs'].filter(f => existsSync(join(deck.root, f)))) {
    const text = readFileSync(join(deck.root, file), 'utf8')
    for (const m of text.matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"./][^'"]*)['"]/g)) {
      const name = m[1]!.split('/').slice(0, m[1]!.startsWith('@') ? 2 : 1).join('/')
      if (!isBuiltin(name) && !findPackage(name, deck.root))
        out.push({ file, line: text.slice(0, m.index).split('\n').length, no: 1, check: 'install', message: `package "${name}" is not installed in the deck's folder (npm i -D ${name}): Vite cannot load ${file}` })
    }
  }
  return out
}
