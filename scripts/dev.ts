/**
 * `npm run dev [-- slidev options]`: Slidev's dev server, then presenter mode opened in the system
 * browser (Slidev's `--open` opens the audience view), or its URL printed without a display.
 * `-- --remote PASSWORD [--remote-port 3031]`: also the password-checking proxy for a phone or a
 * second screen on the LAN (scripts/dev/proxy.ts); Slidev stays on loopback.
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { getPort } from 'get-port-please'
import { UsageError } from './lib/args.ts'
import { parseDevArgs } from './dev/args.ts'
import { printRemoteUrls, startRemoteProxy } from './dev/proxy.ts'

function openInBrowser(url: string): void {
  if ((process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) || process.env.CI)
    return console.log(`\n  No display: open presenter mode yourself at ${url}\n`)
  spawn(process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open', [url], { stdio: 'ignore', detached: true })
    .on('error', () => console.log(`\n  Could not open a browser: open presenter mode at ${url}\n`))
    .unref()
}

async function main(): Promise<void> {
  const args = parseDevArgs(process.argv.slice(2))
  // The first free port from 3030, as Slidev picks it; the proxy takes the next one.
  const port = args.port ?? await getPort({ port: 3030, portRange: [3030, 4000], host: 'localhost', random: false })
  const proxy = args.remote && await startRemoteProxy({
    password: args.remote.password,
    target: `http://localhost:${port}`,
    port: args.remote.port ?? await getPort({ port: port + 1, portRange: [port + 1, port + 200], host: '0.0.0.0', random: false }),
  })
  const slidev = createRequire(import.meta.url).resolve('@slidev/cli/bin/slidev.mjs')
  const child = spawn(process.execPath, [slidev, '--open=false', '--port', String(port), ...args.slidev], {
    stdio: ['inherit', 'pipe', 'inherit'],
    env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : process.env.FORCE_COLOR },
  })
  let opened = false
  child.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk)
    // "  presenter mode      > http://localhost:3030/presenter/" (colours stripped)
    const url = /presenter mode\s*>\s*(\S+)/.exec(chunk.toString().replace(/\x1B\[[0-9;]*m/g, ''))?.[1]
    if (url && !opened) {
      opened = true
      if (proxy)
        printRemoteUrls(proxy.port)
      openInBrowser(url)
    }
  })
  child.on('exit', async (code) => {
    await proxy?.close()
    process.exit(code ?? 0)
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => child.kill(signal))
}

main().catch((e: unknown) => {
  console.error(e instanceof UsageError ? `\n${e.message}\n` : e)
  process.exit(e instanceof UsageError ? 2 : 1)
})
