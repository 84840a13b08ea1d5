/**
 * `npm run dev [-- slidev options]`: Slidev's dev server, then presenter mode (notes, next slide,
 * the 30-minute countdown) opened in the system browser. Slidev's own `--open` opens only the
 * audience view, so this waits for the presenter URL Slidev prints and opens that instead.
 * Without a display (SSH, CI) it prints the URL. Keyboard shortcuts (r, o, q) still work.
 *
 * `npm run dev -- --remote PASSWORD [--remote-port 3031]`: the same, and for a phone or a second
 * screen on the LAN a password-checking proxy (scripts/dev/proxy.ts) in front of Slidev,
 * which itself stays on loopback. Slidev is never given `--remote`. The proxy's URL (LAN address
 * found locally) and a QR code are printed once Slidev is ready.
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import process from 'node:process'
import { renderUnicodeCompact } from 'uqr'
import { UsageError } from './lib/args.ts'
import { parseDevArgs } from './dev/args.ts'
import { lanAddresses } from './dev/lan.ts'
import type { RemoteProxy } from './dev/proxy.ts'
import { startRemoteProxy } from './dev/proxy.ts'

function portFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const s = createServer()
    s.once('error', () => resolvePromise(false))
    s.listen(port, host, () => s.close(() => resolvePromise(true)))
  })
}

async function freePort(from: number, host: string, not?: number): Promise<number> {
  for (let p = from; p < from + 200; p++) {
    if (p !== not && await portFree(p, host))
      return p
  }
  throw new UsageError(`no free port in ${from}-${from + 199} on ${host}`)
}

function printRemote(proxyPort: number): void {
  const lan = lanAddresses()
  const dim = (s: string) => (process.stdout.isTTY ? `\x1B[2m${s}\x1B[22m` : s)
  if (lan.length === 0) {
    console.log(`\n  remote (LAN)        > no network address found: connect to the network, then open http://<laptop address>:${proxyPort}/presenter/`)
    return
  }
  const url = `http://${lan[0]!.address}:${proxyPort}/presenter/`
  console.log(`\n  remote (LAN)        > ${url}   ${dim('(password asked on the page; audience view: /)')}`)
  for (const other of lan.slice(1))
    console.log(`  ${dim(`also on ${other.name}`.padEnd(20))}> http://${other.address}:${proxyPort}/presenter/`)
  console.log(`\n${renderUnicodeCompact(url).split('\n').map(l => `  ${l}`).join('\n')}\n`)
}

async function main(): Promise<void> {
  const args = parseDevArgs(process.argv.slice(2))
  const port = args.port ?? await freePort(3030, 'localhost')
  let proxy: RemoteProxy | undefined
  if (args.remote) {
    const proxyPort = args.remote.port ?? await freePort(port + 1, '0.0.0.0', port)
    proxy = await startRemoteProxy({ password: args.remote.password, target: `http://localhost:${port}`, port: proxyPort })
  }

  const slidevBin = createRequire(import.meta.url).resolve('@slidev/cli/bin/slidev.mjs')
  const child = spawn(process.execPath, [slidevBin, '--open=false', '--port', String(port), ...args.slidev], {
    stdio: ['inherit', 'pipe', 'inherit'],
    env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : process.env.FORCE_COLOR },
  })

  let opened = false
  child.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk)
    // "  presenter mode      > http://localhost:3030/presenter/" (colours stripped)
    const line = chunk.toString().replace(/\x1B\[[0-9;]*m/g, '')
    const url = /presenter mode\s*>\s*(\S+)/.exec(line)?.[1]
    if (url && !opened) {
      opened = true
      if (proxy)
        printRemote(proxy.port)
      openInBrowser(url)
    }
  })
  child.on('exit', (code) => {
    void (proxy?.close() ?? Promise.resolve()).finally(() => process.exit(code ?? 0))
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => child.kill(signal))
}

function openInBrowser(url: string): void {
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open'
  if (!hasDisplay || process.env.CI) {
    console.log(`\n  No display: open presenter mode yourself at ${url}\n`)
    return
  }
  spawn(opener, [url], { stdio: 'ignore', detached: true })
    .on('error', () => console.log(`\n  Could not open a browser: open presenter mode at ${url}\n`))
    .unref()
}

main().catch((e: unknown) => {
  console.error(e instanceof UsageError ? `\n${e.message}\n` : e)
  process.exit(e instanceof UsageError ? 2 : 1)
})
