import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import { getDefaultConfig } from '@slidev/parser'
import { addonDir, packageDir } from './blockers.ts'

/**
 * What Slidev itself knows, read from the installed packages rather than listed by hand:
 * headmatter and frontmatter options (from @slidev/types and the parser's defaults), layouts
 * and their props (from the theme, @slidev/client and the deck's `layouts/`), built-in
 * components (icons: icons.ts).
 */
export interface SlidevSchema {
  headmatterKeys: Set<string>
  frontmatterKeys: Set<string>
  /** Custom frontmatter keys the deck's own components, layouts and setup read (`frontmatter.x`). */
  deckFrontmatterKeys: Set<string>
  /** layout name → props it declares (frontmatter keys it understands). */
  layouts: Map<string, Set<string>>
  /** Component names in PascalCase. */
  components: Set<string>
}

/** Top-level property names of `interface Name` in a .d.ts text, following `extends` inside the file. */
export function interfaceMembers(dts: string, name: string, seen = new Set<string>()): Set<string> {
  const out = new Set<string>()
  if (seen.has(name))
    return out
  seen.add(name)
  const head = new RegExp(`interface\\s+${name}\\b([^{]*)\\{`).exec(dts)
  if (!head)
    return out
  // `extends A, Omit<B, 'x' | 'y'>`: follow A and B, dropping the omitted keys.
  const ext = head[1] ?? ''
  for (const m of ext.matchAll(/(?:Omit<\s*(?:Required<\s*)?(\w+)>?\s*,\s*([^>]+)>|\b([A-Z]\w*)\b)/g)) {
    if (m[1]) {
      const omitted = new Set([...(m[2] ?? '').matchAll(/'(\w+)'/g)].map(x => x[1]))
      for (const k of interfaceMembers(dts, m[1], seen)) if (!omitted.has(k)) out.add(k)
    }
    else if (m[3] && m[3] !== 'Omit' && m[3] !== 'Required') {
      for (const k of interfaceMembers(dts, m[3], seen)) out.add(k)
    }
  }
  let depth = 1
  let i = head.index + head[0].length
  let lineStart = i
  for (; i < dts.length && depth > 0; i++) {
    const c = dts[i]
    if (c === '{' || c === '(' || c === '[' || c === '<')
      depth++
    else if (c === '}' || c === ')' || c === ']' || (c === '>' && dts[i - 1] !== '=')) {
      depth--
    }
    else if (c === '\n') {
      lineStart = i + 1
      continue
    }
    if (depth === 1 && (c === ':' || c === '?')) {
      const m = /^\s*(?:readonly\s+)?['"]?([A-Za-z_$][\w$]*)['"]?\s*\??$/.exec(dts.slice(lineStart, i))
      if (m?.[1])
        out.add(m[1])
    }
  }
  return out
}

/** Prop names a Vue SFC declares with `defineProps<{…}>()` or `defineProps({…})` (or `props: {…}`). */
export function vueProps(sfc: string): Set<string> {
  const out = new Set<string>()
  const m = /defineProps\s*(?:<\s*\{|\(\s*\{)|\bprops\s*:\s*\{/.exec(sfc)
  if (!m)
    return out
  let depth = 1
  let i = m.index + m[0].length
  let lineStart = i
  for (; i < sfc.length && depth > 0; i++) {
    const c = sfc[i]
    if (c === '{' || c === '(' || c === '[')
      depth++
    else if (c === '}' || c === ')' || c === ']')
      depth--
    else if (c === '\n' || c === ',')
      lineStart = i + 1
    else if (depth === 1 && (c === ':' || c === '?')) {
      const k = /^\s*['"]?([A-Za-z_$][\w$-]*)['"]?\s*\??$/.exec(sfc.slice(lineStart, i))
      if (k?.[1])
        out.add(k[1])
    }
  }
  return out
}

export function pascalCase(tag: string): string {
  return tag.split(/[-_]/).filter(Boolean).map(s => s[0]!.toUpperCase() + s.slice(1)).join('')
}

/** Vue's own built-in components, usable in any template. */
export const VUE_BUILTINS = ['Transition', 'TransitionGroup', 'KeepAlive', 'Teleport', 'Suspense', 'Component', 'Slot', 'Template']

function listSources(dir: string, exts: string[], deep = true): string[] {
  if (!existsSync(dir))
    return []
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory() && deep)
      out.push(...listSources(join(dir, e.name), exts, deep))
    else if (exts.includes(extname(e.name)) && !e.name.includes('.test.'))
      out.push(join(dir, e.name))
  }
  return out
}

let typesCache: string | undefined
function slidevTypes(root: string): string {
  if (typesCache === undefined) {
    const dir = packageDir('@slidev/types', root)
    const file = dir && [join(dir, 'dist/index.d.mts'), join(dir, 'dist/index.d.ts')].find(existsSync)
    typesCache = file ? readFileSync(file, 'utf8') : ''
  }
  return typesCache
}

/** Names `x` in `frontmatter.x` / `frontmatter?.x` anywhere in the given source folders. */
export function frontmatterKeysUsedIn(dirs: string[]): Set<string> {
  const out = new Set<string>()
  for (const dir of dirs) {
    for (const f of listSources(dir, ['.mjs', '.js', '.ts', '.vue'])) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bfrontmatter\??\.([A-Za-z_]\w*)/g)) out.add(m[1]!)
    }
  }
  return out
}

/** Reads the schema for a deck rooted at `root` that uses `theme`. */
export function loadSchema(root: string, theme = 'default'): SlidevSchema {
  const dts = slidevTypes(root)
  const client = packageDir('@slidev/client', root)
  const cli = packageDir('@slidev/cli', root)
  // Keys Slidev's own code reads from a slide's frontmatter without declaring them in the
  // types (e.g. `keywords`, `timesplit`, `lang`), found by scanning its sources.
  const used = frontmatterKeysUsedIn([cli && join(cli, 'dist'), client].filter((d): d is string => !!d))
  const frontmatterKeys = new Set([...interfaceMembers(dts, 'Frontmatter'), ...used])
  const headmatterKeys = new Set([
    ...Object.keys(getDefaultConfig()),
    ...interfaceMembers(dts, 'Headmatter'),
    ...interfaceMembers(dts, 'HeadmatterConfig'),
    ...frontmatterKeys,
    'config', // resolveConfig() merges `headmatter.config` too
    'talk', // the room budgets (scripts/lib/talk.ts)
  ])

  const theme_ = addonDir('theme', theme, root)
  const layoutDirs = [client && join(client, 'layouts'), theme_ && join(theme_, 'layouts'), join(root, 'layouts')]
  const layouts = new Map<string, Set<string>>()
  for (const dir of layoutDirs) {
    if (!dir)
      continue
    for (const f of listSources(dir, ['.vue'], false)) {
      const name = basename(f, '.vue')
      const props = layouts.get(name) ?? new Set<string>()
      for (const p of vueProps(readFileSync(f, 'utf8'))) props.add(p)
      layouts.set(name, props)
    }
  }

  const componentDirs = [client && join(client, 'builtin'), theme_ && join(theme_, 'components'), join(root, 'components')]
  const components = new Set<string>(VUE_BUILTINS)
  for (const dir of componentDirs) {
    if (!dir)
      continue
    for (const f of listSources(dir, ['.vue', '.md', '.ts', '.js', '.tsx', '.jsx']))
      components.add(pascalCase(basename(f).replace(/\.[^.]+$/, '')))
  }

  const deckFrontmatterKeys = frontmatterKeysUsedIn(['components', 'layouts', 'setup'].map(d => join(root, d)).filter(existsSync))
  return { headmatterKeys, frontmatterKeys, deckFrontmatterKeys, layouts, components }
}
