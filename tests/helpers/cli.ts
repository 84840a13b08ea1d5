import { spawn } from 'node:child_process'
import { join } from 'node:path'

export interface Run { code: number | null, stdout: string, stderr: string }

const ROOT = join(import.meta.dirname, '../..')

/**
 * Runs one of the project's TypeScript commands (`scripts/lint.ts` …) from the repository root
 * with the project's Node 22 (it runs TypeScript by stripping the types), as `npm run` does, and collects what it prints.
 */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/node'), [script, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString() })
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
    child.on('error', reject)
    child.on('close', code => resolve({ code, stdout, stderr }))
  })
}

/** Runs `fn` on every item, two at a time: the machine has two cores. */
export async function twoAtATime<T>(items: T[], fn: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items]
  await Promise.all([0, 1].map(async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift())
      await fn(item)
  }))
}

/** `scripts/lint.ts` as the fixture tests run it: quotations checked against `threads` (default: the invented thread of tests/fixtures/threads). */
export const lintCli = (args: string[], threads = 'tests/fixtures/threads') => runScript('scripts/lint.ts', args, { THREADS_DIR: threads })

/** The problem lines of a command's output: "file:LINE (slide N): …" or "file:LINE (registry): …". */
export const problemLines = (stdout: string) => stdout.split('\n').filter(l => /^\S+:\d+ \((slide \d+|registry)\): /.test(l))
