/**
 * The export's lint in a worker thread: it runs on the second core while the build runs on this
 * one (on a cold export the lint's 1-1.5 s no longer add to the build's). The same module is the
 * worker's code; it answers with the problems already formatted, and the lint's notices (the
 * quotations it could not check, a placeholder address) but not its table of spoken minutes.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { loadDeck } from '../lib/deck.ts'
import { formatProblem } from '../lib/problem.ts'

interface LintAnswer { slides: number, problems: string[], notices: string[] }

/** Lints the deck at `entry` in a worker; rejects with the worker's error if the lint itself fails. */
export function lintInWorker(entry: string): Promise<LintAnswer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { lintEntry: entry } })
    worker.once('message', resolve)
    worker.once('error', e => reject(new Error(`the lint crashed: ${e.message}`, { cause: e })))
    worker.once('exit', code => reject(new Error(`the lint stopped (worker exit code ${code}) without an answer`)))
  })
}

const entry = (workerData as { lintEntry?: unknown } | null)?.lintEntry
if (!isMainThread && parentPort && typeof entry === 'string') {
  const { lintDeck } = await import('../lint/index.ts')
  const lint = await lintDeck(await loadDeck(entry))
  parentPort.postMessage({ slides: lint.slides, problems: lint.problems.map(formatProblem), notices: lint.report.filter(l => /^(lint|note): /.test(l)) } satisfies LintAnswer)
}
