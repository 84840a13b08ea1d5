/**
 * `npm run dev -- --remote PASSWORD`, end to end: scripts/dev.ts starts a real Slidev dev server
 * (once, on a free loopback port) on a copy of tests/fixtures/remote-deck that uses the project's
 * vite.config.ts, and the remote proxy on another free port. Everything below is real HTTP to
 * 127.0.0.1: the proxy port stands for "the network", the Slidev port for "the laptop itself".
 */
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { launchChromium } from '../scripts/lib/chromium.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '..')
const PASSWORD = 'Corr3ct-Horse-remote'
const NOTE = 'REMOTE-NOTE-PHRASE-4d1c'
const SOURCE_TEXT = 'Hello from the fixture'

interface Res { status: number, headers: Record<string, string | string[] | undefined>, body: string }

function request(port: number, path: string, opts: { method?: string, headers?: Record<string, string>, body?: string, host?: string } = {}): Promise<Res> {
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest({ host: opts.host ?? '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.setTimeout(60_000, () => req.destroy(new Error(`timeout ${path}`)))
    req.end(opts.body)
  })
}

/** A WebSocket handshake like Vite's client makes; resolves with the status the server answers. */
function upgrade(port: number, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      path: '/',
      headers: {
        'Connection': 'Upgrade',
        'Upgrade': 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        'Sec-WebSocket-Protocol': 'vite-hmr',
        ...headers,
      },
    })
    req.on('upgrade', (res, socket) => {
      socket.destroy()
      resolvePromise(res.statusCode ?? 0)
    })
    req.on('response', (res) => {
      res.resume()
      resolvePromise(res.statusCode ?? 0)
    })
    req.on('error', reject)
    req.end()
  })
}

function freePort(): Promise<number> {
  return new Promise((resolvePromise) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolvePromise(port))
    })
  })
}

let dir: string
let deck: string
let original: string
let slidevPort: number
let proxyPort: number
let dev: ChildProcess
let output = ''

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'deck-remote-test-'))
  cpSync(join(ROOT, 'tests/fixtures/remote-deck'), dir, { recursive: true })
  // The project's own vite.config.ts (write guard, MCP off) applies to the fixture deck.
  writeFileSync(join(dir, 'vite.config.ts'), `export { default } from ${JSON.stringify(join(ROOT, 'vite.config.ts'))}\n`)
  deck = join(dir, 'slides.md')
  original = readFileSync(deck, 'utf8')
  slidevPort = await freePort()
  proxyPort = await freePort()
  // Slidev 53 needs Node 22: the `node` package's binary first on PATH, as under `npm run`.
  const env: NodeJS.ProcessEnv = { ...process.env, CI: '1', PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` }
  delete env.DISPLAY
  delete env.WAYLAND_DISPLAY
  dev = spawn(join(ROOT, 'node_modules/.bin/node'), ['scripts/dev.ts', deck, '--port', String(slidevPort), '--remote-port', String(proxyPort), '--remote', PASSWORD], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  dev.stderr!.on('data', (c: Buffer) => { output += c.toString() })
  await new Promise<void>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev server not ready:\n${output}`)), 240_000)
    dev.on('exit', code => reject(new Error(`dev exited ${code}:\n${output}`)))
    dev.stdout!.on('data', (c: Buffer) => {
      output += c.toString()
      // Slidev's banner ends with its shortcuts line, which can arrive after the proxy's lines
      if (/remote \(LAN\)\s*>/.test(output) && output.includes('No display') && /shortcuts\s/.test(output.replace(/\x1B\[[0-9;]*m/g, ''))) {
        clearTimeout(timer)
        resolvePromise()
      }
    })
  })
})

afterAll(async () => {
  if (dev && dev.exitCode === null) {
    const exited = new Promise(r => dev.once('exit', r))
    dev.kill('SIGTERM')
    await Promise.race([exited, new Promise(r => setTimeout(r, 10_000))])
  }
  if (dir)
    rmSync(dir, { recursive: true, force: true })
})

/** Nothing secret in a response: no note, no slide source, no file path, no password. */
function expectNoLeak(r: Res, where: string): void {
  const all = `${JSON.stringify(r.headers)}\n${r.body}`
  for (const secret of [NOTE, SOURCE_TEXT, PASSWORD, dir, ROOT])
    expect(all.includes(secret), `${where} leaks ${secret}`).toBe(false)
}

describe('the command', () => {
  it('prints the proxy URL on a LAN address and a QR code, never the password; Slidev gets no --remote', () => {
    const plain = output.replace(/\x1B\[[0-9;]*m/g, '')
    expect(plain).toMatch(new RegExp(`remote \\(LAN\\)\\s*> http://(?!127\\.)\\d+\\.\\d+\\.\\d+\\.\\d+:${proxyPort}/presenter/`))
    expect(plain).toMatch(/[█▀▄]{10,}/)
    expect(plain).not.toContain(PASSWORD)
    expect(plain).toContain('pass --remote to enable') // Slidev's own remote is off
    expect(plain).not.toContain('password=')
  })
})

describe('through the proxy, without the password', () => {
  const routes = ['/', '/1', '/2', '/presenter/', '/presenter/1', '/notes', '/overview/', '/entry', '/index.html',
    '/@slidev/configs', '/@slidev/slides', '/__slidev/slides/1.json', '/@vite/client', '/slides.md',
    '/__mcp', '/__open-in-editor?file=slides.md', '/__remote/login', '/__remote/login?next=//evil.example/']

  it('answers 401 to every route and leaks nothing', async () => {
    routes.push(`/@fs${deck}`)
    for (const route of routes) {
      for (const accept of ['text/html', '*/*']) {
        const r = await request(proxyPort, route, { headers: { accept } })
        expect([401, 403], `${route} (${accept}) answered ${r.status}`).toContain(r.status)
        expectNoLeak(r, route)
      }
    }
  })

  it('refuses writes, MCP and a wrong password; the WebSocket upgrade is refused', async () => {
    const write = await request(proxyPort, '/__slidev/slides/1.json', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ content: '# pwned' }) })
    expect(write.status).toBe(401)
    const mcp = await request(proxyPort, '/__mcp', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept': 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'slidev-goto-slide', arguments: { no: 3 } } }),
    })
    expect(mcp.status).toBe(401)
    const wrong = await request(proxyPort, '/__remote/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'password=s3cret' })
    expect(wrong.status).toBe(401)
    expect(wrong.headers['set-cookie']).toBeUndefined()
    for (const r of [write, mcp, wrong])
      expectNoLeak(r, 'refusal')
    expect(await upgrade(proxyPort)).toBe(401)
    expect(await upgrade(proxyPort, { Cookie: 'deck_remote=forged-token' })).toBe(401)
    expect(readFileSync(deck, 'utf8')).toBe(original)
  })
})

describe('through the proxy, with the password', () => {
  let cookie = ''
  beforeAll(async () => {
    const r = await request(proxyPort, '/__remote/login?next=/presenter/1', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `password=${encodeURIComponent(PASSWORD)}` })
    expect(r.status).toBe(303)
    expect(r.headers.location).toBe('/presenter/1')
    const set = String(r.headers['set-cookie'])
    expect(set).toMatch(/HttpOnly/i)
    expect(set).toMatch(/SameSite=Strict/i)
    expect(set).not.toContain(PASSWORD)
    cookie = set.split(';')[0]!
  })

  it('serves the app; configs hold no password; the notes JSON has the note but no source or path', async () => {
    const page = await request(proxyPort, '/presenter/1', { headers: { cookie, accept: 'text/html' } })
    expect(page.status).toBe(200)
    const configs = await request(proxyPort, '/@slidev/configs', { headers: { cookie } })
    expect(configs.status).toBe(200)
    expect(configs.body).not.toContain(PASSWORD)
    expect(configs.body).not.toMatch(/"remote":"/)
    const info = await request(proxyPort, '/__slidev/slides/1.json', { headers: { cookie } })
    expect(info.status).toBe(200)
    expect(info.body).toContain(NOTE)
    expect(info.body).not.toContain(dir)
    expect(info.body).not.toContain(SOURCE_TEXT)
  })

  it('refuses every write and MCP even when logged in; the WebSocket needs a same-origin Origin', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const r = await request(proxyPort, '/__slidev/slides/1.json', { method, headers: { cookie, 'content-type': 'text/plain' }, body: JSON.stringify({ content: '# pwned', note: 'pwned' }) })
      expect(r.status, method).toBe(403)
    }
    expect((await request(proxyPort, '/__mcp', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' })).status).toBe(403)
    expect((await request(proxyPort, '/__mcp', { headers: { cookie } })).status).toBe(403)
    expect((await request(proxyPort, '/__open-in-editor?file=slides.md', { headers: { cookie } })).status).toBe(403)
    // Slidev's snapshots (written to disk) and drawings: refused; the presenter's position only
    // from this origin.
    const json = { cookie, 'content-type': 'application/json', 'origin': `http://127.0.0.1:${proxyPort}` }
    expect((await request(proxyPort, '/@server-reactive/snapshots?diff', { method: 'POST', headers: json, body: '{"data":{}}' })).status).toBe(403)
    expect((await request(proxyPort, '/@server-reactive/drawings?diff', { method: 'POST', headers: json, body: '{"data":{}}' })).status).toBe(403)
    expect((await request(proxyPort, '/@server-reactive/nav', { method: 'POST', headers: { ...json, origin: 'https://evil.example' }, body: '{"patch":{"page":3}}' })).status).toBe(403)
    expect((await request(proxyPort, '/@server-reactive/nav', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{"patch":{"page":3}}' })).status).toBe(403)
    expect(await upgrade(proxyPort, { Cookie: cookie, Origin: 'https://evil.example' })).toBe(403)
    expect(readFileSync(deck, 'utf8')).toBe(original)
  })

  it('presenter mode loads and moves the audience view (two browsers, sync through the proxy)', async () => {
    const browser = await launchChromium()
    try {
      // Two contexts = two devices: no shared storage or BroadcastChannel, so the audience view
      // can only learn the slide from the server (POST /@server-reactive/nav up, HMR WebSocket down).
      const open = async (path: string) => {
        const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage()
        await page.goto(`http://127.0.0.1:${proxyPort}${path}`)
        await page.fill('input[name=password]', PASSWORD)
        await Promise.all([page.waitForURL(u => u.pathname === path), page.click('button[type=submit]')])
        return page
      }
      const presenter = await open('/presenter/1')
      await presenter.getByText(NOTE).waitFor({ timeout: 150_000 })
      const audience = await open('/1')
      await audience.getByText(SOURCE_TEXT).waitFor({ timeout: 60_000 })
      await expect.poll(() => audience.locator('body').innerText()).not.toContain(NOTE)

      await presenter.bringToFront()
      await presenter.keyboard.press('ArrowRight')
      await expect.poll(() => presenter.url(), { timeout: 15_000 }).toMatch(/\/presenter\/2$/)
      await expect.poll(() => new URL(audience.url()).pathname, { timeout: 30_000 }).toBe('/2')
      await audience.getByText('SECOND-SLIDE-BODY').waitFor({ timeout: 30_000 })
    }
    finally {
      await browser.close()
    }
  }, 300_000)
})

describe('the loopback dev server itself (vite.config.ts write guard)', () => {
  const post = (headers: Record<string, string>, body: object) =>
    request(slidevPort, '/__slidev/slides/3.json', { host: 'localhost', method: 'POST', headers: { 'content-type': 'text/plain', ...headers }, body: JSON.stringify(body) })

  it('refuses a write with a foreign Origin or none, and MCP', async () => {
    for (const path of ['/@server-reactive/nav', '/@server-reactive/snapshots?diff']) {
      const r = await request(slidevPort, path, { host: 'localhost', method: 'POST', headers: { 'content-type': 'application/json', 'origin': 'https://evil.example' }, body: '{"patch":{"page":3}}' })
      expect(r.status, path).toBe(403)
    }
    expect((await post({ origin: 'https://evil.example' }, { note: 'pwned' })).status).toBe(403)
    expect((await post({}, { note: 'pwned' })).status).toBe(403)
    expect((await post({ origin: 'http://localhost:1' }, { note: 'pwned' })).status).toBe(403)
    const mcp = await request(slidevPort, '/__mcp', { host: 'localhost', method: 'POST', headers: { 'content-type': 'application/json', 'origin': `http://localhost:${slidevPort}` }, body: '{}' })
    expect(mcp.status).toBe(403)
    expect(readFileSync(deck, 'utf8')).toBe(original)
  })

  it('still accepts the local editor (its own loopback Origin)', async () => {
    const r = await post({ origin: `http://localhost:${slidevPort}` }, { note: 'Edited from the local editor LOCAL-EDIT-OK' })
    expect(r.status).toBe(200)
    expect(readFileSync(deck, 'utf8')).toContain('LOCAL-EDIT-OK')
  })
})
