/**
 * The network side of `npm run dev -- --remote PASSWORD`: Slidev's dev server stays on loopback
 * and this proxy, on the LAN, is the only way in. Every HTTP request and every WebSocket upgrade
 * is checked on the server:
 *
 * - No valid session cookie: 401 (the body is the login form) for every route, 401 for the
 *   WebSocket upgrade. POST /__remote/login with the password sets a random session token in an
 *   HttpOnly, SameSite=Strict cookie (kept in memory: a restart logs everyone out) and redirects
 *   to the page asked for. Failed logins are throttled per address.
 * - With a session: GET and HEAD are forwarded, and one write: `POST /@server-reactive/nav`, the
 *   presenter's "I am on slide N, click C" (Slidev's sync goes up as this POST and comes down to
 *   every other view over Vite's HMR WebSocket), only with a same-origin `Origin`. Every other
 *   write (Slidev's editor, `POST /__slidev/...`; drawings; snapshots, which write to disk)
 *   answers 403, as do `/__mcp`, `/__open-in-editor` and `/__inspect`. `/__slidev/slides/N.json`
 *   (which presenter mode reads for the notes) is answered without the raw source, the file path
 *   and the import chain.
 *   The WebSocket (Vite's HMR channel) is forwarded only with a session and a same-origin `Origin`.
 *
 * Proxying: http-proxy-3 (the maintained rewrite of http-proxy that Vite itself bundles).
 * Cookies: the `cookie` package (jshttp) parses and serializes the header.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { parse as parseCookie, serialize as serializeCookie } from 'cookie'
import { createProxyServer } from 'http-proxy-3'
import { isMcpPath, pathOf } from './vite-write-guard.ts'

export const COOKIE_NAME = 'deck_remote'
export const LOGIN_PATH = '/__remote/login'
const BLOCKED_PREFIXES = ['/__open-in-editor', '/__inspect']
/** Slidev's presenter sync (vite-plugin-vue-server-ref): the only write the network may make. */
const SYNC_PATHS = new Set(['/@server-reactive/nav', '/@server-ref/nav'])
const MAX_FAILURES = 5
const LOCKOUT_MS = 60_000

export interface RemoteProxyOptions {
  password: string
  /** Slidev's loopback dev server, e.g. http://localhost:3030 */
  target: string
  /** Interface to listen on (default 0.0.0.0: the LAN). */
  host?: string
  port: number
}

export interface RemoteProxy {
  server: Server
  port: number
  close: () => Promise<void>
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest()
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
}

/** A same-site path to go back to after login (never `//host` or a full URL). */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith(LOGIN_PATH))
    return '/presenter/'
  return next
}

function loginPage(next: string, message?: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>Presenter login</title>
<style>body{font:18px system-ui,sans-serif;max-width:24rem;margin:15vh auto;padding:0 1rem}
input,button{font:inherit;width:100%;box-sizing:border-box;padding:.6rem;margin:.4rem 0}p.err{color:#b00020}</style>
</head><body><h1>Presenter login</h1>
${message ? `<p class="err">${escapeHtml(message)}</p>` : ''}
<form method="post" action="${LOGIN_PATH}?next=${encodeURIComponent(next)}">
<label>Password <input type="password" name="password" autocomplete="current-password" autofocus required></label>
<button type="submit">Open</button></form></body></html>
`
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8', headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...headers,
  })
  res.end(body)
}

async function readBody(req: IncomingMessage, limit = 4096): Promise<string> {
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit)
      throw new Error('body too large')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Fields of Slidev's SlideInfo the presenter reads; `source`, `content`, `importChain` stay home. */
const SLIDE_INFO_FIELDS = ['index', 'title', 'level', 'note', 'noteHTML', 'frontmatter'] as const

export function redactSlideInfo(json: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (json && typeof json === 'object') {
    for (const key of SLIDE_INFO_FIELDS) {
      if (key in json)
        out[key] = (json as Record<string, unknown>)[key]
    }
  }
  return out
}

export async function startRemoteProxy(opts: RemoteProxyOptions): Promise<RemoteProxy> {
  if (!opts.password)
    throw new Error('remote mode needs a password')
  const passwordDigest = digest(opts.password)
  const sessions = new Set<string>()
  const failures = new Map<string, { count: number, until: number }>()
  const target = new URL(opts.target)

  const proxy = createProxyServer({ target: opts.target, changeOrigin: true, ws: true, xfwd: false })
  proxy.on('error', (err, _req, resOrSocket) => {
    if (resOrSocket && 'writeHead' in resOrSocket && !resOrSocket.headersSent)
      send(resOrSocket as ServerResponse, 502, 'Slidev dev server not reachable\n')
    else
      (resOrSocket as Duplex | undefined)?.destroy()
    if (!/ECONNRESET|socket hang up/.test(String(err)))
      console.error(`[remote] proxy error: ${err instanceof Error ? err.message : String(err)}`)
  })

  function hasSession(req: IncomingMessage): boolean {
    const header = req.headers.cookie
    if (!header)
      return false
    const token = parseCookie(header)[COOKIE_NAME]
    return typeof token === 'string' && sessions.has(token)
  }

  function passwordMatches(candidate: string): boolean {
    return timingSafeEqual(digest(candidate), passwordDigest)
  }

  /** The browser's Origin, when sent, must be this proxy (the Host the browser talked to). */
  function sameOrigin(req: IncomingMessage, required = false): boolean {
    const origin = req.headers.origin
    if (origin === undefined)
      return !required
    try {
      return new URL(origin).host === (req.headers.host ?? '').toLowerCase()
    }
    catch {
      return false
    }
  }

  async function login(req: IncomingMessage, res: ServerResponse, next: string): Promise<void> {
    const who = req.socket.remoteAddress ?? '?'
    const now = Date.now()
    const f = failures.get(who)
    if (f && f.until > now)
      return send(res, 429, loginPage(next, 'Too many wrong passwords: wait a minute.'), 'text/html; charset=utf-8', { 'Retry-After': '60' })
    let password = ''
    try {
      password = new URLSearchParams(await readBody(req)).get('password') ?? ''
    }
    catch {
      return send(res, 413, 'Request body too large\n')
    }
    if (!passwordMatches(password)) {
      const count = (f?.count ?? 0) + 1
      failures.set(who, { count, until: count >= MAX_FAILURES ? now + LOCKOUT_MS : 0 })
      return send(res, 401, loginPage(next, 'Wrong password.'), 'text/html; charset=utf-8')
    }
    failures.delete(who)
    const token = randomBytes(32).toString('base64url')
    sessions.add(token)
    res.writeHead(303, {
      'Location': next,
      'Cache-Control': 'no-store',
      'Set-Cookie': serializeCookie(COOKIE_NAME, token, { httpOnly: true, sameSite: 'strict', path: '/' }),
    })
    res.end()
  }

  async function slideInfo(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const upstream = await fetch(new URL(req.url ?? '/', target), { headers: { accept: 'application/json' } })
    if (!upstream.ok)
      return send(res, upstream.status, '')
    const json = redactSlideInfo(await upstream.json())
    send(res, 200, JSON.stringify(json), 'application/json; charset=utf-8')
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = pathOf(req.url)
    const method = (req.method ?? 'GET').toUpperCase()
    const url = new URL(req.url ?? '/', 'http://proxy.invalid')
    // A refused request's body is never read: drop it, and do not reuse the connection.
    const drain = () => {
      if (method !== 'GET' && method !== 'HEAD') {
        res.setHeader('Connection', 'close')
        req.resume()
      }
    }
    const forwardedWrite = method === 'POST' && (path === LOGIN_PATH || SYNC_PATHS.has(path))
    if (!forwardedWrite)
      drain()
    if (path === LOGIN_PATH && method === 'POST')
      return login(req, res, safeNext(url.searchParams.get('next')))
    if (!hasSession(req)) {
      drain()
      const next = safeNext(path === LOGIN_PATH ? url.searchParams.get('next') : `${url.pathname}${url.search}`)
      const wantsHtml = method === 'GET' && (req.headers.accept ?? '').includes('text/html')
      return wantsHtml
        ? send(res, 401, loginPage(next), 'text/html; charset=utf-8')
        : send(res, 401, `401 Unauthorized: log in at ${LOGIN_PATH}\n`)
    }
    if (path === LOGIN_PATH) {
      res.writeHead(303, { Location: safeNext(url.searchParams.get('next')) })
      return void res.end()
    }
    if (method === 'POST' && SYNC_PATHS.has(path)) {
      if (!sameOrigin(req, true)) {
        drain()
        return send(res, 403, '403 Forbidden: cross-origin sync\n')
      }
      // The loopback server's write guard (vite.config.ts) accepts only its own origin.
      return proxy.web(req, res, { headers: { origin: target.origin } })
    }
    if (method !== 'GET' && method !== 'HEAD')
      return send(res, 403, '403 Forbidden: the remote view is read-only (edit the talk on the laptop)\n')
    if (isMcpPath(path) || BLOCKED_PREFIXES.some(p => path.startsWith(p)))
      return send(res, 403, '403 Forbidden: not available from the network\n')
    if (/^\/__slidev\/slides\/\d+\.json$/.test(path))
      return slideInfo(req, res)
    proxy.web(req, res)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error(`[remote] ${e instanceof Error ? e.message : String(e)}`)
      if (!res.headersSent)
        send(res, 500, 'Internal error\n')
      else res.destroy()
    })
  })
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
    }
    if (!hasSession(req))
      return refuse('401 Unauthorized')
    if (!sameOrigin(req) || isMcpPath(pathOf(req.url)))
      return refuse('403 Forbidden')
    proxy.ws(req, socket, head)
  })

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => {
      server.off('error', reject)
      resolvePromise()
    })
  })
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolvePromise) => {
      proxy.close()
      server.closeAllConnections()
      server.close(() => resolvePromise())
    }),
  }
}
