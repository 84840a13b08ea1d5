import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import sirv from 'sirv'

export type StaticServer = Awaited<ReturnType<typeof serveStatic>>

/**
 * Serves a built deck from `dir` under `base` on 127.0.0.1 (loopback only) at a free port.
 * sirv serves only the files that were in `dir` when called; `single` answers a path without an
 * extension (Slidev's history routing: /7, /print, /presenter) with index.html, while a missing
 * asset stays a 404, so a broken image stays broken.
 */
export async function serveStatic(dir: string, base = '/') {
  // Vite's hashed assets never change: Chromium may keep them (and its compiled code) across a run's page loads.
  const serve = sirv(dir, { single: true, setHeaders: (res, path) => path.startsWith('/assets/') && res.setHeader('cache-control', 'public, max-age=31536000, immutable') })
  const server = createServer((req, res) => {
    if (!req.url?.startsWith(base))
      return res.writeHead(404).end()
    req.url = `/${req.url.slice(base.length)}`
    serve(req, res)
  })
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin, // e.g. "http://127.0.0.1:41234"
    url: `${origin}${base}`, // the site's root
    close: () => new Promise<void>((ok) => {
      server.closeAllConnections()
      server.close(() => ok())
    }),
  }
}
