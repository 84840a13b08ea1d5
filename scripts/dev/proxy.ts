/**
 * The network side of `npm run dev -- --remote PASSWORD`, the only way in from the LAN to Slidev
 * on loopback (http-proxy-3, which Vite itself bundles), and its address. Without a session, set
 * by the login form, everything answers 401; with one the network is read-only but for the
 * presenter's slide changes, and the notes come without the slide source.
 * docs/presenting-and-exporting.md has why.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { networkInterfaces } from 'node:os'
import { parse as parseCookie, serialize as serializeCookie } from 'cookie'
import { createProxyServer } from 'http-proxy-3'
import { renderUnicodeCompact } from 'uqr'
import { pathOf } from './vite-write-guard.ts'

const COOKIE = 'deck_remote'
const LOGIN = '/__remote/login'
/** Slidev's presenter sync (vite-plugin-vue-server-ref): the only write the network may make. */
const SYNC = new Set(['/@server-reactive/nav', '/@server-ref/nav'])
const BLOCKED = /^\/__(?:mcp|open-in-editor|inspect)(?:\/|$)/
const HTML = { 'Content-Type': 'text/html; charset=utf-8' }

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest()

/** A same-site path to go back to after login (never `//host` or a full URL). */
export function safeNext(next: string | null | undefined): string {
  return next && /^\/(?![/\\])/.test(next) && !next.startsWith(LOGIN) ? next : '/presenter/'
}

/** `message` is one of this file's fixed strings; `next` is URL-encoded. */
function loginPage(next: string, message?: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>Presenter login</title>
<style>body{font:18px system-ui,sans-serif;max-width:24rem;margin:15vh auto;padding:0 1rem}
input,button{font:inherit;width:100%;box-sizing:border-box;padding:.6rem;margin:.4rem 0}p.err{color:#b00020}</style>
</head><body><h1>Presenter login</h1>
${message ? `<p class="err">${message}</p>` : ''}
<form method="post" action="${LOGIN}?next=${encodeURIComponent(next)}">
<label>Password <input type="password" name="password" autocomplete="current-password" autofocus required></label>
<button type="submit">Open</button></form></body></html>
`
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  // A refused request's body is never read: drop it, and do not reuse the connection.
  if (res.req.method !== 'GET' && res.req.method !== 'HEAD' && !res.req.readableEnded) {
    res.setHeader('Connection', 'close')
    res.req.resume()
  }
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', ...headers }).end(body)
}

/** Fields of Slidev's SlideInfo the presenter reads; `source`, `content`, `importChain` stay home. */
export function redactSlideInfo(json: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(['index', 'title', 'level', 'note', 'noteHTML', 'frontmatter'].filter(k => k in json).map(k => [k, json[k]]))
}

export async function startRemoteProxy(opts: { password: string, target: string, port: number }): Promise<{ port: number, close: () => Promise<void> }> {
  if (!opts.password)
    throw new Error('the remote proxy needs a password')
  const password = digest(opts.password)
  const sessions = new Set<string>()
  const failures = new Map<string, { count: number, until: number }>()
  const proxy = createProxyServer({ target: opts.target, changeOrigin: true, ws: true })
  proxy.on('error', (err, _req, res) => {
    if (res && 'writeHead' in res && !res.headersSent)
      send(res as ServerResponse, 502, 'Slidev dev server not reachable\n')
    else
      res?.destroy()
    if (!/ECONNRESET|socket hang up/.test(String(err)))
      console.error(`[remote] proxy error: ${err instanceof Error ? err.message : String(err)}`)
  })

  const hasSession = (req: IncomingMessage) => sessions.has(parseCookie(req.headers.cookie ?? '')[COOKIE] ?? '')
  /** The browser's Origin is this proxy (the Host it talked to); false when absent. */
  const sameOrigin = (req: IncomingMessage) => !!req.headers.host && URL.parse(req.headers.origin ?? '')?.host === req.headers.host.toLowerCase()

  async function login(req: IncomingMessage, res: ServerResponse, next: string): Promise<void> {
    const who = req.socket.remoteAddress ?? '?'
    const failed = failures.get(who)
    if (failed && failed.until > Date.now())
      return send(res, 429, loginPage(next, 'Too many wrong passwords: wait a minute.'), { ...HTML, 'Retry-After': '60' })
    let body = ''
    for await (const chunk of req) {
      body += chunk
      if (body.length > 4096)
        return send(res, 413, 'Request body too large\n')
    }
    if (!timingSafeEqual(digest(new URLSearchParams(body).get('password') ?? ''), password)) {
      const count = (failed?.count ?? 0) + 1
      failures.set(who, { count, until: count >= 5 ? Date.now() + 60_000 : 0 }) // five wrong: locked out for a minute
      return send(res, 401, loginPage(next, 'Wrong password.'), HTML)
    }
    failures.delete(who)
    const token = randomBytes(32).toString('base64url')
    sessions.add(token)
    send(res, 303, '', { 'Location': next, 'Set-Cookie': serializeCookie(COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/' }) })
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = pathOf(req.url)
    const url = new URL(req.url ?? '/', 'http://proxy.invalid')
    const next = safeNext(path === LOGIN ? url.searchParams.get('next') : `${url.pathname}${url.search}`)
    if (path === LOGIN && req.method === 'POST')
      return login(req, res, next)
    if (!hasSession(req)) {
      return req.method === 'GET' && req.headers.accept?.includes('text/html')
        ? send(res, 401, loginPage(next), HTML)
        : send(res, 401, `401 Unauthorized: log in at ${LOGIN}\n`)
    }
    if (path === LOGIN)
      return send(res, 303, '', { Location: next })
    if (req.method === 'POST' && SYNC.has(path)) {
      // The loopback server's write guard (vite.config.ts) accepts only its own origin.
      return sameOrigin(req)
        ? proxy.web(req, res, { headers: { origin: new URL(opts.target).origin } })
        : send(res, 403, '403 Forbidden: cross-origin sync\n')
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 403, '403 Forbidden: the remote view is read-only (edit the talk on the laptop)\n')
    if (BLOCKED.test(path))
      return send(res, 403, '403 Forbidden: not available from the network\n')
    if (!/^\/__slidev\/slides\/\d+\.json$/.test(path))
      return proxy.web(req, res)
    const upstream = await fetch(new URL(`${url.pathname}${url.search}`, opts.target), { headers: { accept: 'application/json' } })
    if (!upstream.ok)
      return send(res, upstream.status, '')
    send(res, 200, JSON.stringify(redactSlideInfo(await upstream.json() as Record<string, unknown>)), { 'Content-Type': 'application/json; charset=utf-8' })
  }

  const server = createServer((req, res) => void handle(req, res).catch((e: unknown) => {
    console.error(`[remote] ${e instanceof Error ? e.message : String(e)}`)
    return res.headersSent ? res.destroy() : send(res, 500, 'Internal error\n')
  }))
  server.on('upgrade', (req, socket, head) => {
    // Vite's HMR WebSocket: a session, and the Origin (when sent) of this proxy.
    const refused = !hasSession(req)
      ? '401 Unauthorized'
      : (req.headers.origin !== undefined && !sameOrigin(req)) || BLOCKED.test(pathOf(req.url)) ? '403 Forbidden' : undefined
    if (refused)
      return socket.end(`HTTP/1.1 ${refused}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
    proxy.ws(req, socket, head)
  })
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(opts.port, '0.0.0.0', ok))
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((ok) => {
      proxy.close()
      server.closeAllConnections()
      server.close(() => ok())
    }),
  }
}

const VIRTUAL = /^(?:docker|br-|veth|virbr|vboxnet|vmnet|utun|tun|tap|zt|tailscale|wg)/i
const PRIVATE = /^(?:10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.)/

/**
 * The laptop's non-loopback IPv4 addresses, best first (private ranges on physical-looking
 * interfaces), found locally: Slidev's own `--remote` asks an outside service for the public IP,
 * which a talk on a closed conference network must not do.
 */
export function lanAddresses(ifaces = networkInterfaces()): { name: string, address: string }[] {
  const rank = (a: { name: string, address: string }) => (VIRTUAL.test(a.name) ? 2 : 0) + (PRIVATE.test(a.address) ? 0 : 1)
  return Object.entries(ifaces)
    .flatMap(([name, infos]) => (infos ?? []).filter(i => i.family === 'IPv4' && !i.internal && !i.address.startsWith('169.254.')).map(i => ({ name, address: i.address })))
    .sort((a, b) => rank(a) - rank(b))
}

const dim = (s: string) => (process.stdout.isTTY ? `\x1B[2m${s}\x1B[22m` : s)

/** Prints the proxy's URL on the LAN (and on other interfaces), with a QR code of it. */
export function printRemoteUrls(proxyPort: number): void {
  const [lan, ...others] = lanAddresses()
  if (!lan)
    return console.log(`\n  remote (LAN)        > no network address found: connect to the network, then open http://<laptop address>:${proxyPort}/presenter/`)
  const url = `http://${lan.address}:${proxyPort}/presenter/`
  console.log(`\n  remote (LAN)        > ${url}   ${dim('(password asked on the page; audience view: /)')}`)
  for (const other of others)
    console.log(`  ${dim(`also on ${other.name}`.padEnd(20))}> http://${other.address}:${proxyPort}/presenter/`)
  console.log(`\n${renderUnicodeCompact(url).split('\n').map(l => `  ${l}`).join('\n')}\n`)
}
