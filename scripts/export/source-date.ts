import { execFileSync } from 'node:child_process'

/**
 * The date an export stamps into its files, so that two exports of one commit are identical:
 * SOURCE_DATE_EPOCH when set (the reproducible-builds convention), else the last commit's date
 * in `cwd`'s repository, else the Unix epoch (outside git).
 */
export function sourceDate(cwd = process.cwd(), env = process.env): Date {
  const fromEnv = env.SOURCE_DATE_EPOCH
  if (fromEnv !== undefined && /^\d+$/.test(fromEnv.trim()))
    return new Date(Number(fromEnv.trim()) * 1000)
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%ct'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    if (/^\d+$/.test(out))
      return new Date(Number(out) * 1000)
  }
  catch {}
  return new Date(0)
}
