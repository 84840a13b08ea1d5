import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * What a deck can name, read from the installed files: layouts (the .vue files of Slidev's
 * built-in layouts, the theme's and the deck's `layouts/`), components (Slidev's built-ins, the
 * theme's, the deck's `components/`, Vue's own) and installed Iconify collections.
 */
export interface SlidevSchema {
  layouts: Set<string>
  /** Component names in PascalCase. */
  components: Set<string>
  /** Installed Iconify collections, e.g. "carbon" → its icon names (read on first use). */
  iconCollections: Map<string, Set<string> | undefined>
  /** The node_modules/@iconify-json folder the collections were found in. */
  iconRoot: string | undefined
}

export function pascalCase(tag: string): string {
  return tag.split(/[-_]/).filter(Boolean).map(s => s[0]!.toUpperCase() + s.slice(1)).join('')
}

/** Vue's own built-in components, usable in any template. */
const VUE_BUILTINS = ['Transition', 'TransitionGroup', 'KeepAlive', 'Teleport', 'Suspense', 'Component', 'Slot', 'Template']

/** The repository this lint lives in: its node_modules serve decks that have none of their own. */
const LINT_REPO = fileURLToPath(new URL('../../..', import.meta.url))

/** Where an installed package lives, seen from the deck's folder, else from the lint's repository. */
function packageDir(root: string, name: string): string | undefined {
  for (const from of [root, LINT_REPO]) {
    try {
      return dirname(createRequire(join(from, 'package.json')).resolve(`${name}/package.json`))
    }
    catch {
      // A package whose `exports` hides package.json: its folder, if it is there.
      if (existsSync(join(from, 'node_modules', name)))
        return join(from, 'node_modules', name)
    }
  }
  return undefined
}

/** Where the theme lives: `default` → @slidev/theme-default, `foo` → @slidev/theme-foo or slidev-theme-foo, or a path. */
export function themeDir(root: string, theme: string): string | undefined {
  if (theme.startsWith('.') || theme.startsWith('/'))
    return existsSync(join(root, theme)) ? join(root, theme) : undefined
  const names = theme.startsWith('@') || theme.includes('theme-') ? [theme] : [`@slidev/theme-${theme}`, `slidev-theme-${theme}`]
  return theme === 'none' ? undefined : names.map(n => packageDir(root, n)).find(Boolean)
}

/** Names (without extension) of the source files in a folder, and in its subfolders if `deep`. */
function names(dir: string | undefined, ext: RegExp, deep = false): string[] {
  if (!dir || !existsSync(dir))
    return []
  return readdirSync(dir, { recursive: deep, encoding: 'utf8' })
    .filter(f => ext.test(f) && !f.includes('.test.'))
    .map(f => basename(f).replace(ext, ''))
}

/** Reads the schema for a deck rooted at `root` that uses `theme`. */
export function loadSchema(root: string, theme = 'default'): SlidevSchema {
  const client = packageDir(root, '@slidev/client')
  const themeRoot = themeDir(root, theme)
  const layouts = new Set([client, themeRoot, root].flatMap(d => names(d && join(d, 'layouts'), /\.vue$/)))
  const components = new Set([
    ...VUE_BUILTINS,
    ...[client && join(client, 'builtin'), themeRoot && join(themeRoot, 'components'), join(root, 'components')]
      .flatMap(d => names(d, /\.(vue|md|[jt]sx?)$/, true).map(pascalCase)),
  ])
  // The node_modules folders Node would search from the deck, then the lint's own.
  const modules = [...createRequire(join(root, 'package.json')).resolve.paths('x') ?? [], join(LINT_REPO, 'node_modules')]
  const iconRoot = modules.map(d => join(d, '@iconify-json')).find(existsSync)
  const iconCollections = new Map<string, Set<string> | undefined>(iconRoot ? readdirSync(iconRoot).map(c => [c, undefined]) : [])
  return { layouts, components, iconCollections, iconRoot }
}

/** Icon names of an installed Iconify collection (undefined when it cannot be read). */
export function iconNames(schema: SlidevSchema, collection: string): Set<string> | undefined {
  if (!schema.iconRoot || !schema.iconCollections.has(collection))
    return undefined
  let names = schema.iconCollections.get(collection)
  if (!names) {
    try {
      const json = JSON.parse(readFileSync(join(schema.iconRoot, collection, 'icons.json'), 'utf8')) as {
        icons?: Record<string, unknown>
        aliases?: Record<string, unknown>
      }
      names = new Set([...Object.keys(json.icons ?? {}), ...Object.keys(json.aliases ?? {})])
      schema.iconCollections.set(collection, names)
    }
    catch {
      return undefined
    }
  }
  return names
}
