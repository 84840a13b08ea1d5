/** A command line a command does not understand: its entry point prints the message and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** Runs node's `util.parseArgs`, its errors as a UsageError with a short message ("unknown option '--fast'", "--out needs a value"). */
export function usage<R>(parse: () => R): R {
  try {
    return parse()
  }
  catch (e) {
    if (!(e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
      throw e
    const line = (e as Error).message.split('\n')[0]!.replace(/\. (To specify|This command).*/, '')
    const flag = /'(-[^' ]+)/.exec(line)?.[1]
    throw new UsageError(/argument (missing|is ambiguous)/.test(line) ? `${flag} needs a value` : line.replace(/^./, c => c.toLowerCase()))
  }
}

export function positiveInt(v: string, flag: string): number {
  const n = Number(v)
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`${flag} wants a positive whole number, got "${v}"`)
  return n
}

/** "12.3 s": how the commands print a duration given in milliseconds. */
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
