/**
 * `npm run dev` arguments: the project's own `--remote PASSWORD` and `--remote-port N` are taken
 * out (Slidev never sees `--remote`, which would bind it to every interface, put the password in
 * `/@slidev/configs` and look the public IP up on the internet); the rest goes to Slidev.
 */
export class DevUsageError extends Error {}

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
    throw new DevUsageError(`${flag} needs a port number (got ${v ?? 'nothing'})`)
  return n
}

export function parseDevArgs(argv: readonly string[]): DevArgs {
  const slidev: string[] = []
  let port: number | undefined
  let password: string | undefined
  let remotePort: number | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1
    const flag = eq > 0 ? arg.slice(0, eq) : arg
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined
    const value = () => inline ?? (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-') ? argv[++i] : undefined)
    if (flag === '--remote') {
      password = value()
      if (!password)
        throw new DevUsageError('--remote needs a password: npm run dev -- --remote PASSWORD')
    }
    else if (flag === '--remote-port') {
      remotePort = portNumber(flag, value())
    }
    else if (flag === '--port' || flag === '-p') {
      port = portNumber(flag, value())
    }
    else {
      slidev.push(arg)
    }
  }
  if (password !== undefined) {
    const risky = slidev.find(a => /^--(?:bind|tunnel)(?:=|$)/.test(a))
    if (risky)
      throw new DevUsageError(`${risky} is not used with --remote: Slidev stays on loopback and the password-checking proxy serves the network`)
  }
  return { slidev, port, remote: password === undefined ? undefined : { password, port: remotePort } }
}
