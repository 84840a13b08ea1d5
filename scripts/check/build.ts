import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { x } from 'tinyexec'

const SLIDEV = resolve(dirname(fileURLToPath(import.meta.url)), '../../node_modules/.bin/slidev')

/**
 * Runs `slidev build <entry> --out <outDir> --base /`; rejects with the end of the build's output on
 * failure. The public CLI, one process per build: the check and its fixture tests build many decks
 * in a row. (The exporter builds in-process, scripts/lib/slidev-adapter.ts, only because it needs
 * the print route and a base-aware download URL that the CLI cannot express.)
 */
export async function buildDeck(entry: string, outDir: string): Promise<void> {
  if (!existsSync(SLIDEV))
    throw new Error(`slidev not found at ${SLIDEV}: run npm ci`)
  const r = await x(SLIDEV, ['build', resolve(entry), '--out', outDir, '--base', '/'], {
    nodeOptions: { cwd: dirname(resolve(entry)), stdio: ['ignore', 'pipe', 'pipe'], env: { FORCE_COLOR: '0' } },
  })
  if (r.exitCode !== 0 || !existsSync(join(outDir, 'index.html')))
    throw new Error(`slidev build failed (exit ${r.exitCode}):\n${`${r.stdout}${r.stderr}`.split('\n').slice(-40).join('\n')}`)
}
