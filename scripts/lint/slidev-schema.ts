import { existsSync, readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { addonDir, packageDir } from './blockers.ts'

/**
 * What a deck can name, read from the installed files: layouts (the .vue files of Slidev's
 * built-in layouts, the theme's and the deck's `layouts/`), components (Slidev's built-ins, the
 * theme's, the deck's `components/`, Vue's own). Icons: icons.ts.
 */
export interface SlidevSchema {
  layouts: Set<string>
  /** Component names in PascalCase. */
  components: Set<string>
}

export function pascalCase(tag: string): string {
  return tag.split(/[-_]/).filter(Boolean).map(s => s[0]!.toUpperCase() + s.slice(1)).join('')
}

/** Vue's own built-in components, usable in any template. */
const VUE_BUILTINS = ['Transition', 'TransitionGroup', 'KeepAlive', 'Teleport', 'Suspense', 'Component', 'Slot', 'Template']

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
  const client = packageDir('@slidev/client', root)
  const themeRoot = addonDir('theme', theme, root) || undefined
  const layouts = new Set([client, themeRoot, root].flatMap(d => names(d && join(d, 'layouts'), /\.vue$/)))
  const components = new Set([
    ...VUE_BUILTINS,
    ...[client && join(client, 'builtin'), themeRoot && join(themeRoot, 'components'), join(root, 'components')]
      .flatMap(d => names(d, /\.(vue|md|[jt]sx?)$/, true).map(pascalCase)),
  ])
  return { layouts, components }
}
