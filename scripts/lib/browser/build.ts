import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const SLIDEV = resolve(dirname(fileURLToPath(import.meta.url)), '../../../node_modules/.bin/slidev')

/**
 * Runs `slidev build <entry> --out <outDir> --base /`; rejects with the end of the build's output on
 * failure. The public CLI, one process per build: the check and its fixture tests build many decks
 * in a row. (The exporter builds in-process, scripts/lib/slidev-adapter.ts, only because it needs
 * the print route and a base-aware download URL that the CLI cannot express.)
 */
export async function buildDeck(entry: string, outDir: string): Promise<void> {
  const run = promisify(execFile)(SLIDEV, ['build', resolve(entry), '--out', outDir, '--base', '/'], {
    cwd: dirname(resolve(entry)),
    env: { ...process.env, FORCE_COLOR: '0' },
    maxBuffer: 64 << 20,
  })
  const { code, output } = await run.then(r => ({ code: 0, output: r.stdout + r.stderr }), (e: { code?: unknown, stdout?: string, stderr?: string }) => ({ code: e.code, output: `${e.stdout ?? ''}${e.stderr ?? ''}` }))
  if (code !== 0 || !existsSync(join(outDir, 'index.html')))
    throw new Error(`slidev build failed (exit ${String(code)}):\n${output.split('\n').slice(-40).join('\n')}`)
}
