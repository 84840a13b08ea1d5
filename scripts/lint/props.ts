import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { compileScript, parse } from 'vue/compiler-sfc'
import { tags } from './html.ts'
import { pascalCase } from './slidev-schema.ts'
import { lineAt, scannable, type DeckSlide } from '../lib/deck.ts'
import type { Problem } from '../lib/problem.ts'

/**
 * Required props of a Vue SFC, read the way Vue reads them: compiled with Vue's own script
 * compiler (type-based `defineProps<{ a: string }>()` and runtime objects alike), then the
 * `required: true` entries of the compiled `props` option.
 */
export function requiredProps(sfc: string, filename: string): string[] {
  const { descriptor } = parse(sfc, { filename })
  if (!descriptor.script && !descriptor.scriptSetup)
    return []
  let code: string
  try {
    code = compileScript(descriptor, { id: basename(filename), fs: { fileExists: () => false, readFile: () => undefined } }).content
  }
  catch {
    return [] // a component that does not compile is the build's and the type check's business
  }
  const props = /\bprops:\s*\{([\s\S]*?)\n\s{0,4}\},?\n/.exec(code)?.[1] ?? ''
  return [...props.matchAll(/(?:^|[\s,{])["']?([\w$-]+)["']?\s*:\s*\{[^{}]*\brequired:\s*true/g)].map(m => m[1]!)
}

/** The deck's own components (`components/*.vue`) that have required props: name → props. */
export function componentsWithRequiredProps(root: string): Map<string, string[]> {
  const out = new Map<string, string[]>()
  const dir = join(root, 'components')
  let names: string[] = []
  try {
    names = readdirSync(dir).filter(n => n.endsWith('.vue'))
  }
  catch {}
  for (const n of names) {
    const req = requiredProps(readFileSync(join(dir, n), 'utf8'), join(dir, n))
    if (req.length)
      out.set(pascalCase(n.replace(/\.vue$/, '')), req)
  }
  return out
}

const kebab = (s: string) => s.replace(/([a-z\d])([A-Z])/g, '$1-$2').toLowerCase()

/**
 * Every use of a deck component passes its required props (as `a="…"`, `:a="…"`, `v-bind:a`, in
 * camelCase or kebab-case, or through `v-bind="obj"`). In a production build Vue does not check
 * props, so a missing one renders silently wrong (an empty caption): the lint is where it is caught.
 */
export function checkRequiredProps(slides: DeckSlide[], required: Map<string, string[]>): Problem[] {
  const out: Problem[] = []
  if (required.size === 0)
    return out
  for (const s of slides) {
    for (const tag of tags(scannable(s.body))) {
      const props = tag.closing ? undefined : required.get(pascalCase(tag.name))
      if (!props)
        continue
      const given = new Set([...tag.attrs.keys()].map(a => kebab(a.replace(/^(?::|v-bind:)/, ''))))
      if (given.has('v-bind'))
        continue
      const missing = props.filter(p => !given.has(kebab(p)))
      if (missing.length)
        out.push({ file: s.file, line: lineAt(s, tag.start), no: s.no, check: 'props', message: `<${tag.name}> is missing its required prop${missing.length > 1 ? 's' : ''} ${missing.map(p => `"${p}"`).join(', ')}` })
    }
  }
  return out
}
