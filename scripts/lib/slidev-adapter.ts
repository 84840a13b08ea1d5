/**
 * The only place that relies on Slidev internals (everything else uses its CLI, its documented
 * options, URLs like `/<n>?clicks=k`, the keyboard and `@slidev/client`'s exports). Each use says
 * why no public interface does the job; tests/unit/slidev-adapter.test.ts checks every assumption
 * against the installed Slidev and names what changed.
 */
import { readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

/** Slidev's Mermaid component (builtin/Mermaid.vue) shows this box instead of a diagram that failed; it has no data attribute. */
export const MERMAID_ERROR_BOX = 'pre.pa-3.text-wrap'

/** Slidev's compile-time flag for its /print route, true only with `download: true` (which also runs its Playwright export). */
export const PRINT_ROUTE_FLAG = '__SLIDEV_FEATURE_PRINT__'

/** Slidev's build module in its dist: the package entry exports resolveOptions and createServer, not build. */
export function slidevBuildModule(): string {
  const dist = join(dirname(createRequire(join(process.cwd(), 'package.json')).resolve('@slidev/cli/package.json')), 'dist')
  const file = readdirSync(dist).find(f => /^build-[\w-]+\.mjs$/.test(f))
  if (!file)
    throw new Error(`Slidev's build module (build-*.mjs) is no longer in ${dist}`)
  return join(dist, file)
}

export interface SlidevBuildOptions {
  entry: string
  outDir: string
  base: string
  /** URL the built site's "Download as PDF" button points to (absolute, includes the base), or false. */
  download: string | false
  /** Keep Slidev's /print route, so the exporter renders every slide from the production bundle in one page. */
  printRoute: boolean
  withoutNotes?: boolean
}

/**
 * Slidev's own build (same Vite config, plugins and theme as `slidev build`), in-process because
 * the CLI cannot express a download URL that honours the base, nor the print route without the
 * build-time export (`download: true` launches Playwright without an executable path on a fixed port).
 */
export async function slidevBuild(opts: SlidevBuildOptions): Promise<void> {
  const { resolveOptions } = await import('@slidev/cli')
  const { build } = await import(pathToFileURL(slidevBuildModule()).href) as { build?: (o: unknown, vite: object, args: object) => Promise<void> }
  if (typeof build !== 'function')
    throw new Error('Slidev\'s build module no longer exports build()')
  const options = await resolveOptions({ entry: resolve(opts.entry), base: opts.base, download: opts.download || undefined, withoutNotes: opts.withoutNotes } as Parameters<typeof resolveOptions>[0], 'build')
  await build(options, {
    base: opts.base,
    logLevel: 'warn',
    plugins: opts.printRoute ? [{ name: 'deck:keep-print-route', enforce: 'post', config: () => ({ define: { [PRINT_ROUTE_FLAG]: 'true' } }) }] : [],
    // Rolldown's "[PLUGIN_TIMINGS]" advice is noise in the export's progress output.
    build: { outDir: resolve(opts.outDir), emptyOutDir: true, rolldownOptions: { checks: { pluginTimings: false } } },
  }, { entry: opts.entry })
}

/**
 * Slidev mounts every slide 3 s after load ("preload all", internals/SlidesShow.vue), which would
 * blur which slide a console error or request came from; no option turns off that one timer (a
 * slide's `preload: false` also stops the neighbours' preload). Its delay, and its callback as
 * minified (a bare forEach).
 */
export const PRELOAD_ALL = { delay: 3000, callback: String.raw`^\(\)\s*=>\s*\{?\s*[\w$]+\.forEach\([\w$]+\)\s*;?\s*\}?$` }

/** Page init script (`context.addInitScript(holdPreloadAll, PRELOAD_ALL)`): drops only that timer. */
export function holdPreloadAll({ delay, callback }: typeof PRELOAD_ALL): void {
  const original = window.setTimeout
  window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) =>
    ms === delay && typeof fn === 'function' && new RegExp(callback).test(fn.toString()) ? 0 : original(fn, ms, ...rest)) as typeof window.setTimeout
}
