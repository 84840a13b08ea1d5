import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { compileScript, parse } from 'vue/compiler-sfc'
import { tags } from './html.ts'
import { addonDir, packageDir } from './blockers.ts'
import { frontmatterKeyLine, lineAt, scannable, type DeckSlide } from '../lib/deck.ts'
import type { Problem } from '../lib/problem.ts'

/** What a deck can name: layouts, components (PascalCase), the icons of an installed Iconify collection ("carbon"), the deck's components' required props. */
export interface ComponentCatalog { layouts?: Set<string>, components: Set<string>, icons: (collection: string) => Set<string> | undefined, required?: Map<string, string[]> }

export const pascalCase = (tag: string) => tag.split(/[-_]/).filter(Boolean).map(s => s[0]!.toUpperCase() + s.slice(1)).join('')
const kebab = (s: string) => s.replace(/([a-z\d])([A-Z])/g, '$1-$2').toLowerCase()

/** Vue's own built-in components, usable in any template. */
const VUE_BUILTINS = ['Transition', 'TransitionGroup', 'KeepAlive', 'Teleport', 'Suspense', 'Component', 'Slot', 'Template']

/** Source files (name → path) in a folder, and in its subfolders if `deep`. */
function files(dir: string | undefined, ext: RegExp, deep = false): [string, string][] {
  return dir && existsSync(dir)
    ? readdirSync(dir, { recursive: deep, encoding: 'utf8' }).filter(f => ext.test(f) && !f.includes('.test.')).map(f => [basename(f).replace(ext, ''), join(dir, f)])
    : []
}

/** The catalog of a deck rooted at `root` that uses `theme`, read from Slidev's, the theme's and the deck's files. */
export function loadSchema(root: string, theme: unknown = 'default'): Required<ComponentCatalog> {
  const client = packageDir('@slidev/client', root)
  const themeRoot = addonDir('theme', typeof theme === 'string' ? theme : 'default', root) || undefined
  const layouts = new Set([client, themeRoot, root].flatMap(d => files(d && join(d, 'layouts'), /\.vue$/).map(f => f[0])))
  const components = new Set([
    ...VUE_BUILTINS,
    ...[client && join(client, 'builtin'), themeRoot && join(themeRoot, 'components'), join(root, 'components')]
      .flatMap(d => files(d, /\.(vue|md|[jt]sx?)$/, true).map(f => pascalCase(f[0]))),
  ])
  const required = new Map(files(join(root, 'components'), /\.vue$/).map(([n, f]) => [pascalCase(n), requiredProps(readFileSync(f, 'utf8'), f)]))
  const icons = new Map<string, Set<string> | undefined>() // a collection's JSON is read once per lint
  return { layouts, components, icons: c => icons.has(c) ? icons.get(c) : icons.set(c, iconNames(root, c)).get(c), required }
}

/** Icon names (aliases included) of the Iconify collection `prefix`, found where Slidev's unplugin-icons finds it; undefined when not installed. */
export function iconNames(root: string, prefix: string): Set<string> | undefined {
  const [one, all] = [packageDir(`@iconify-json/${prefix}`, root), packageDir('@iconify/json', root)]
  const file = [one && join(one, 'icons.json'), all && join(all, 'json', `${prefix}.json`)].find(f => f && existsSync(f))
  const json = file ? JSON.parse(readFileSync(file, 'utf8')) as { icons?: object, aliases?: object } : undefined
  return json && new Set([...Object.keys(json.icons ?? {}), ...Object.keys(json.aliases ?? {})])
}

/** Required props of a Vue SFC: the `required: true` entries of the `props` option that Vue's own compiler makes of `defineProps` (typed or not). */
export function requiredProps(sfc: string, filename: string): string[] {
  const { descriptor } = parse(sfc, { filename })
  let code = ''
  try {
    if (descriptor.script || descriptor.scriptSetup)
      code = compileScript(descriptor, { id: basename(filename), fs: { fileExists: () => false, readFile: () => undefined } }).content
  }
  catch {} // a component that does not compile is the build's and the type check's business
  const props = /\bprops:\s*\{([\s\S]*?)\n\s{0,4}\},?\n/.exec(code)?.[1] ?? ''
  return [...props.matchAll(/(?:^|[\s,{])["']?([\w$-]+)["']?\s*:\s*\{[^{}]*\brequired:\s*true/g)].map(m => m[1]!)
}

/** Tags that contain a dash but are standard SVG elements, not components. */
const SVG_DASHED = new Set(['font-face', 'font-face-src', 'font-face-uri', 'font-face-format', 'font-face-name', 'missing-glyph', 'color-profile'])

/** Whether a tag is a component reference: PascalCase (`<MailQuote>`), kebab-case (`<mail-quote>`) or an icon (`<mdi:home>`). */
export function isComponentTag(name: string): boolean {
  return /^[A-Z]/.test(name) || name.includes(':') || (name.includes('-') && !SVG_DASHED.has(name.toLowerCase()))
}

/**
 * Every layout, component and icon a slide names exists (other frontmatter keys are the layout's
 * business), and every use of a deck component passes its required props: a production build
 * does not check props, so a missing one renders silently wrong (an empty caption).
 */
export function checkComponents(slides: DeckSlide[], catalog: ComponentCatalog): Problem[] {
  const out: Problem[] = []
  for (const s of slides) {
    const add = (line: number, check: string, message: string) => out.push({ file: s.file, line, no: s.no, check, message })
    const layout = s.frontmatter.layout
    if (catalog.layouts && layout !== undefined && !catalog.layouts.has(layout as string)) {
      const known = [...catalog.layouts].filter(n => !['404', 'error'].includes(n)).sort().join(', ')
      add(frontmatterKeyLine(s, 'layout'), 'frontmatter', typeof layout === 'string' ? `unknown layout "${layout}" (known layouts: ${known})` : `layout must be a name, got ${JSON.stringify(layout)}`)
    }
    for (const tag of tags(scannable(s.body))) {
      const at = (check: string, message: string) => add(lineAt(s, tag.start), check, message)
      if (tag.closing || !isComponentTag(tag.name))
        continue
      if (catalog.components.has(pascalCase(tag.name))) {
        const given = new Set([...tag.attrs.keys()].map(a => kebab(a.replace(/^(?::|v-bind:)/, ''))))
        const missing = given.has('v-bind') ? [] : (catalog.required?.get(pascalCase(tag.name)) ?? []).filter(p => !given.has(kebab(p)))
        if (missing.length)
          at('props', `<${tag.name}> is missing its required prop${missing.length > 1 ? 's' : ''} ${missing.map(p => `"${p}"`).join(', ')}`)
        continue
      }
      const lower = tag.name.toLowerCase()
      // `<prefix:name>` is an icon; `<a-b-c>` is one when a collection `a` or `a-b` is installed.
      const splits = lower.includes(':') ? [lower.indexOf(':')] : [...lower.matchAll(/-/g)].map(m => m.index)
      const split = splits.find(i => catalog.icons(lower.slice(0, i)))
      const [collection, icon] = split === undefined ? [lower.split(':')[0]] : [lower.slice(0, split), lower.slice(split + 1)]
      if (split !== undefined && !catalog.icons(collection!)!.has(icon!))
        at('components', `unknown icon <${tag.name}>: "${icon}" is not in the ${collection} icon set`)
      else if (split === undefined && lower.includes(':'))
        at('components', `icon <${tag.name}>: the icon collection "${collection}" is not installed (npm i -D @iconify-json/${collection})`)
      else if (split === undefined)
        at('components', `unknown component <${tag.name}>: not in components/, Slidev's or Vue's built-ins`)
    }
  }
  return out
}
