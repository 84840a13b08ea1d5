/**
 * Vite plugin (dev server only): Slidev's editing endpoints accept writes only from the local
 * editor, and Slidev's MCP endpoint is off.
 *
 * - `POST`/`PUT`/`PATCH`/`DELETE` to `/__slidev/...` (Slidev's slide editor saves notes, content
 *   and frontmatter there, rewriting the .md file on disk) and to `/@server-ref/...` or
 *   `/@server-reactive/...` (vite-plugin-vue-server-ref: the presenter's position, drawings, and
 *   snapshots, which Slidev writes to disk) must carry an `Origin` that is a loopback address
 *   and names this very server (same host and port as the `Host` header).
 *   A browser always sends `Origin` on a POST, so a page from any other site open in the
 *   speaker's browser, or the remote proxy forwarding a phone's request, is refused with 403.
 *   A request without `Origin` (curl, scripts) is refused too: the editor is the only client.
 * - `/__mcp` (Slidev's MCP server, which can read notes and edit or move the live show) answers
 *   403 whatever the method or origin: the talk does not use it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Connect, Plugin } from 'vite'

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const WRITE_PREFIXES = ['/__slidev/', '/@server-ref/', '/@server-reactive/']

export function pathOf(url: string | undefined): string {
  const raw = (url ?? '/').split(/[?#]/, 1)[0]!
  try {
    return decodeURIComponent(raw)
  }
  catch {
    return raw
  }
}

/** True for Slidev's MCP endpoint (`/__mcp`, `/__mcp/`, `/__mcp?x`). */
export function isMcpPath(path: string): boolean {
  return path.replace(/\/+$/, '') === '/__mcp'
}

/** True when `origin` is a loopback origin for the server reached as `host` (the Host header). */
export function isLocalEditorOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin || !host)
    return false
  let url: URL
  try {
    url = new URL(origin)
  }
  catch {
    return false
  }
  return (url.protocol === 'http:' || url.protocol === 'https:')
    && LOOPBACK_HOSTS.has(url.hostname)
    && url.host === host.toLowerCase()
}

/** Why this request must be refused, or undefined when it may pass. */
export function refusal(req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>): string | undefined {
  const path = pathOf(req.url)
  if (isMcpPath(path))
    return 'Slidev\'s MCP endpoint is turned off in this project (vite.config.ts)'
  if (WRITE_PREFIXES.some(p => path.startsWith(p)) && !SAFE_METHODS.has((req.method ?? 'GET').toUpperCase())
    && !isLocalEditorOrigin(req.headers.origin, req.headers.host))
    return 'writes are accepted only from the local editor and presenter (loopback Origin of this server)'
  return undefined
}

export function writeGuard(): Plugin {
  const guard: Connect.NextHandleFunction = (req: IncomingMessage, res: ServerResponse, next) => {
    const reason = refusal(req)
    if (!reason)
      return next()
    res.statusCode = 403
    res.setHeader('Content-Type', 'text/plain; charset=utf-8')
    res.end(`403 Forbidden: ${reason}\n`)
  }
  return {
    name: 'deck:write-guard',
    apply: 'serve',
    enforce: 'pre',
    configureServer(server) {
      // First in the stack, ahead of Slidev's own middlewares (its loader plugin is also
      // `enforce: 'pre'`, so plugin order alone does not decide who sees the request first).
      server.middlewares.stack.unshift({ route: '', handle: guard })
    },
  }
}
