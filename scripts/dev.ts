/**
 * `npm run dev [-- slidev options]`: Slidev's dev server, then presenter mode (notes, next slide,
 * the 30-minute countdown) opened in the system browser. Slidev's own `--open` opens only the
 * audience view, so this waits for the presenter URL Slidev prints and opens that instead.
 * Without a display (SSH, CI) it prints the URL. Keyboard shortcuts (r, o, c, q) still work.
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import process from 'node:process'

const slidevBin = createRequire(import.meta.url).resolve('@slidev/cli/bin/slidev.mjs')
const child = spawn(process.execPath, [slidevBin, '--open=false', ...process.argv.slice(2)], {
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
    openInBrowser(url)
  }
})
child.on('exit', code => process.exit(code ?? 0))
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => child.kill(signal))

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
