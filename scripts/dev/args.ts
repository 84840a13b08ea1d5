import { parseArgs } from 'node:util'
import { UsageError } from '../lib/args.ts'

const OPTIONS = { 'remote': { type: 'string' }, 'remote-port': { type: 'string' }, 'port': { type: 'string', short: 'p' } } as const

/**
 * `npm run dev` arguments: `--port` is read and `--remote PASSWORD`, `--remote-port N` are taken
 * out (Slidev never sees `--remote`, which would bind it to every interface, put the password in
 * `/@slidev/configs` and look the public IP up on the internet); the rest goes to Slidev.
 */
export function parseDevArgs(argv: readonly string[]): { slidev: string[], port?: number, remote?: { password: string, port?: number } } {
  const ours = new Map<string, string | undefined>()
  const taken = new Set<number>()
  // Not strict: Slidev's own options pass through; the tokens say which arguments are ours.
  for (const t of parseArgs({ args: [...argv], strict: false, tokens: true, options: OPTIONS }).tokens) {
    if (t.kind !== 'option' || !(t.name in OPTIONS))
      continue
    // A value that looks like an option is the next option, not this one's value.
    const value = t.value?.startsWith('-') && !t.inlineValue ? undefined : t.value
    ours.set(t.name, value)
    taken.add(t.index).add(value !== undefined && !t.inlineValue ? t.index + 1 : t.index)
  }
  const password = ours.get('remote')
  if (ours.has('remote') && !password)
    throw new UsageError('--remote needs a password: npm run dev -- --remote PASSWORD')
  const slidev = argv.filter((_, i) => !taken.has(i))
  const risky = password && slidev.find(a => /^--(?:bind|tunnel)(?:=|$)/.test(a))
  if (risky)
    throw new UsageError(`${risky} is not used with --remote: Slidev stays on loopback and the password-checking proxy serves the network`)
  const port = (flag: string) => {
    const v = ours.get(flag)
    if (ours.has(flag) && !(v && /^\d{1,5}$/.test(v) && +v >= 1 && +v <= 65535))
      throw new UsageError(`--${flag} needs a port number (got ${v ?? 'nothing'})`)
    return v === undefined ? undefined : Number(v)
  }
  const remotePort = port('remote-port')
  return { slidev, port: port('port'), remote: password === undefined ? undefined : { password, port: remotePort } }
}
