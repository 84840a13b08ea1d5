/**
 * Vite plugin (dev server only): a write to Slidev's endpoints (`/__slidev/…`, the slide editor,
 * which rewrites the .md files; `/@server-ref/…`, `/@server-reactive/…`: the presenter's position,
 * drawings, snapshots written to disk) needs a loopback `Origin` naming this very server, so a page
 * from another site, the remote proxy or a script gets 403. Slidev's MCP endpoint is off (403).
 */
import type { IncomingMessage } from 'node:http'
import type { Connect, Plugin } from 'vite'

/** The request's path, percent-decoded (`/%5F%5Fmcp` is `/__mcp`). */
export function pathOf(url = '/'): string {
  const raw = url.split(/[?#]/, 1)[0]!
  try { return decodeURIComponent(raw) }
  catch { return raw } // a malformed escape: the path as sent
}

/** True when `origin` is a loopback origin for the server reached as `host` (the Host header). */
export function isLocalEditorOrigin(origin: string | undefined, host: string | undefined): boolean {
  const url = URL.parse(origin ?? '')
  return !!url && /^https?:$/.test(url.protocol) && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) && url.host === host?.toLowerCase()
}

/** Why this request must be refused, or undefined when it may pass. */
export function refusal(req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>): string | undefined {
  const path = pathOf(req.url)
  if (/^\/__mcp(?:\/|$)/.test(path))
    return 'Slidev\'s MCP endpoint is turned off in this project (vite.config.ts)'
  if (/^\/(?:__slidev|@server-ref|@server-reactive)\//.test(path) && !['GET', 'HEAD', 'OPTIONS'].includes(req.method ?? 'GET')
    && !isLocalEditorOrigin(req.headers.origin, req.headers.host))
    return 'writes are accepted only from the local editor and presenter (loopback Origin of this server)'
}

export function writeGuard(): Plugin {
  const guard: Connect.NextHandleFunction = (req, res, next) => {
    const reason = refusal(req)
    return reason ? res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`403 Forbidden: ${reason}\n`) : next()
  }
  return {
    name: 'deck:write-guard',
    apply: 'serve',
    // First in the stack, ahead of Slidev's own middlewares: plugin order alone does not decide
    // who sees the request first.
    configureServer: server => void server.middlewares.stack.unshift({ route: '', handle: guard }),
  }
}
