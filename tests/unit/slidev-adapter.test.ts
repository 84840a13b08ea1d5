/**
 * Every Slidev internal that scripts/lib/slidev-adapter.ts relies on, checked against the
 * installed Slidev: after an upgrade, a failure here names what changed.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { holdPreloadAll, MERMAID_ERROR_BOX, PRELOAD_ALL, PRINT_ROUTE_FLAG, slidevBuildModule } from '../../scripts/lib/slidev-adapter.ts'

const require = createRequire(import.meta.url)
const cliDir = dirname(require.resolve('@slidev/cli/package.json'))
const clientDir = dirname(require.resolve('@slidev/client/package.json'))
const client = (file: string) => readFileSync(join(clientDir, file), 'utf8')

describe('the Slidev internals the adapter relies on', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('the CLI\'s build module exports build(), and is the one `slidev build` loads', async () => {
    const file = slidevBuildModule()
    const mod = await import(pathToFileURL(file).href) as Record<string, unknown>
    expect(typeof mod.build, 'Slidev\'s build module no longer exports build()').toBe('function')
    expect(readFileSync(join(cliDir, 'dist/cli.mjs'), 'utf8'), `\`slidev build\` no longer loads ${basename(file)}`).toContain(`import("./${basename(file)}")`)
  })

  it('the print route is shipped only where the print flag is true, and Slidev defines that flag', () => {
    expect(client('setup/routes.ts'), `Slidev's /print route is no longer gated by ${PRINT_ROUTE_FLAG} (client setup/routes.ts)`)
      .toMatch(new RegExp(`if \\(${PRINT_ROUTE_FLAG}\\) \\{\\s*routes\\.push\\(\\s*\\{\\s*name: 'print'`))
    const dist = join(cliDir, 'dist')
    const node = readdirSync(dist).map(f => readFileSync(join(dist, f), 'utf8')).join('\n')
    expect(node, `Slidev's Vite config no longer defines ${PRINT_ROUTE_FLAG}`).toContain(`${PRINT_ROUTE_FLAG}:`)
  })

  it('the Mermaid component shows its error in a box with the classes the checks look for', () => {
    const box = /<pre v-if="error"[^>]*\bclass="([^"]*)"/.exec(client('builtin/Mermaid.vue'))?.[1]
    expect(box, 'Slidev\'s Mermaid component (builtin/Mermaid.vue) no longer shows a failed diagram in <pre v-if="error" class="…">').toBeDefined()
    const [tag, ...classes] = MERMAID_ERROR_BOX.split('.')
    expect(tag).toBe('pre')
    for (const c of classes)
      expect(box?.split(/\s+/), `Slidev's Mermaid error box lost the class "${c}" (it has "${box}")`).toContain(c)
  })

  it('the "preload all slides" timer is the one holdPreloadAll drops, and only it', () => {
    const timers = [...client('internals/SlidesShow.vue').matchAll(/setTimeout\(\s*(\(\)\s*=>\s*\{[^}]*\})\s*,\s*(\d+)\s*\)/g)]
    const held = timers.filter(([, fn, ms]) => Number(ms) === PRELOAD_ALL.delay && new RegExp(PRELOAD_ALL.callback).test(fn!))
    expect(held.map(t => t[1]), 'Slidev\'s "preload all slides" timer (internals/SlidesShow.vue) changed: holdPreloadAll no longer recognises it').toHaveLength(1)
    expect(held[0]![1], 'the timer holdPreloadAll recognises no longer preloads the slides').toMatch(/forEach\(preloadRoute\)/)

    // In the page, as built (minified) and as written; every other timer runs.
    const setTimeout = vi.fn(() => 7)
    vi.stubGlobal('window', { setTimeout })
    holdPreloadAll(PRELOAD_ALL)
    // eslint-disable-next-line no-new-func
    const asFunction = (src: string) => new Function(`return ${src}`)() as () => void
    for (const src of [held[0]![1]!, held[0]![1]!.replace(/\s+/g, '').replace(/routes/g, 't').replace(/preloadRoute/g, 'f')])
      expect(window.setTimeout(asFunction(src), PRELOAD_ALL.delay)).toBe(0)
    expect(window.setTimeout(asFunction('() => { routes.forEach(preloadRoute) }'), 300)).toBe(7)
    expect(window.setTimeout(asFunction('() => { update() }'), PRELOAD_ALL.delay)).toBe(7)
    expect(setTimeout).toHaveBeenCalledTimes(2)
  })
})
