import { readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Plugin } from 'vite'

export interface SlidevBuildOptions {
  entry: string
  outDir: string
  base: string
  /** URL the built site's "Download as PDF" button points to (absolute, includes the base), or false. */
  download: string | false
  /**
   * Keep Slidev's /print route in the build (it normally ships only when `download: true`), so the
   * exporter can render every slide from the production bundle in one Chromium page.
   */
  printRoute: boolean
  withoutNotes?: boolean
}

type BuildFn = (options: unknown, viteConfig: Record<string, unknown>, args: Record<string, unknown>) => Promise<void>

/**
 * Builds the deck with Slidev's own build (same Vite config, plugins and theme as `slidev build`),
 * called in-process so that two things the CLI cannot express are possible: a `download` URL that
 * honours the base path, and the print route without Slidev's build-time export (which launches
 * Playwright without an executable path on a fixed port).
 */
export async function slidevBuild(opts: SlidevBuildOptions): Promise<void> {
  const { resolveOptions } = await import('@slidev/cli')
  const build = await loadSlidevBuild()
  const options = await resolveOptions({
    entry: resolve(opts.entry),
    base: opts.base,
    download: opts.download === false ? undefined : opts.download,
    withoutNotes: opts.withoutNotes,
  } as Parameters<typeof resolveOptions>[0], 'build')
  const plugins: Plugin[] = []
  if (opts.printRoute) {
    plugins.push({
      name: 'deck:keep-print-route',
      enforce: 'post',
      config: () => ({ define: { __SLIDEV_FEATURE_PRINT__: 'true' } }),
    })
  }
  await build(options, {
    base: opts.base,
    logLevel: 'warn',
    plugins,
    // Rolldown's "[PLUGIN_TIMINGS]" advice is noise in the export's progress output.
    build: { outDir: resolve(opts.outDir), emptyOutDir: true, rolldownOptions: { checks: { pluginTimings: false } } },
  }, { entry: opts.entry })
}

/** Slidev's build command is not exported from its package entry; load it from the CLI's dist. */
async function loadSlidevBuild(): Promise<BuildFn> {
  const require = createRequire(join(process.cwd(), 'package.json'))
  const dist = join(dirname(require.resolve('@slidev/cli/package.json')), 'dist')
  const file = readdirSync(dist).find(f => /^build-[\w-]+\.mjs$/.test(f))
  if (!file)
    throw new Error(`Slidev's build module not found in ${dist} (is @slidev/cli 53 installed?)`)
  const mod = await import(pathToFileURL(join(dist, file)).href) as Record<string, unknown>
  const fn = mod.build ?? Object.values(mod).find(v => typeof v === 'function')
  if (typeof fn !== 'function')
    throw new Error(`${file} does not export Slidev's build function`)
  return fn as BuildFn
}
