import { parseArgs } from 'node:util'
import { UsageError } from '../lib/args.ts'

/**
 * `npm run dev` arguments: the project's own `--remote PASSWORD` and `--remote-port N` are taken
 * out (Slidev never sees `--remote`, which would bind it to every interface, put the password in
 * `/@slidev/configs` and look the public IP up on the internet); the rest goes to Slidev.
 */
export interface DevArgs {
  /** Arguments for Slidev (always with an explicit --port). */
  slidev: string[]
  /** Port Slidev's loopback dev server uses (undefined: the first free one from 3030). */
  port?: number
  remote?: { password: string, port?: number }
}

function portNumber(flag: string, v: string | undefined): number {
  const n = Number(v)
  if (!v || !Number.isInteger(n) || n < 1 || n > 65535)
    throw new UsageError(`${flag} needs a port number (got ${v ?? 'nothing'})`)
  return n
}

export function parseDevArgs(argv: readonly string[]): DevArgs {
  // Not strict: Slidev's own options pass through; the tokens say which arguments are ours.
  const { tokens } = parseArgs({
    args: [...argv],
    strict: false,
    tokens: true,
    options: { 'remote': { type: 'string' }, 'remote-port': { type: 'string' }, 'port': { type: 'string', short: 'p' } },
  })
  const ours = new Map<string, string | undefined>()
  const taken = new Set<number>()
  for (const t of tokens) {
    if (t.kind !== 'option' || !['remote', 'remote-port', 'port'].includes(t.name))
      continue
    // A value that looks like an option is the next option, not this one's value.
    const value = t.value?.startsWith('-') && !t.inlineValue ? undefined : t.value
    ours.set(t.name, value)
    taken.add(t.index).add(value !== undefined && !t.inlineValue ? t.index + 1 : t.index)
  }
  const slidev = argv.filter((_, i) => !taken.has(i))
  const password = ours.get('remote')
  if (ours.has('remote') && !password)
    throw new UsageError('--remote needs a password: npm run dev -- --remote PASSWORD')
  const risky = password && slidev.find(a => /^--(?:bind|tunnel)(?:=|$)/.test(a))
  if (risky)
    throw new UsageError(`${risky} is not used with --remote: Slidev stays on loopback and the password-checking proxy serves the network`)
  const port = ours.has('port') ? portNumber('--port', ours.get('port')) : undefined
  const remotePort = ours.has('remote-port') ? portNumber('--remote-port', ours.get('remote-port')) : undefined
  return { slidev, port, remote: password === undefined ? undefined : { password, port: remotePort } }
}
