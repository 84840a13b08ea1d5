import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { x } from 'tinyexec'

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

/**
 * Runs `slidev build <entry> --out <outDir> --base /`; rejects with the build's output on failure.
 * The public CLI, one process per build: the check and its fixture tests build many decks in a
 * row. (The exporter builds in-process, scripts/lib/export/slidev-build.ts, only because it needs
 * the print route and a base-aware download URL that the CLI cannot express.)
 */
export async function buildDeck(entry: string, outDir: string): Promise<void> {
  const bin = join(REPO, 'node_modules/.bin/slidev')
  if (!existsSync(bin))
    throw new Error(`slidev not found at ${bin}: run npm ci`)
  const r = await x(bin, ['build', resolve(entry), '--out', outDir, '--base', '/'], {
    nodeOptions: { cwd: dirname(resolve(entry)), stdio: ['ignore', 'pipe', 'pipe'], env: { FORCE_COLOR: '0' } },
  })
  if (r.exitCode !== 0 || !existsSync(join(outDir, 'index.html')))
    throw new Error(`slidev build failed (exit ${r.exitCode}):\n${`${r.stdout}${r.stderr}`.split('\n').slice(-40).join('\n')}`)
}
