import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
}

export interface StaticServer {
  /** Origin without trailing slash, e.g. "http://127.0.0.1:41234". */
  origin: string
  close: () => Promise<void>
}

/**
 * Serves a built deck from `dir` on 127.0.0.1 at a random free port. A path with no file
 * extension that matches no file falls back to index.html (Slidev's history routing: /7, /print);
 * a missing asset (a path with an extension) is a real 404, so broken images stay broken.
 */
export async function serveDir(dir: string): Promise<StaticServer> {
  const root = resolve(dir)
  const index = join(root, 'index.html')
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    let path: string
    try {
      path = normalize(join(root, decodeURIComponent(url.pathname)))
    }
    catch {
      res.writeHead(400).end()
      return
    }
    if (!path.startsWith(root)) {
      res.writeHead(403).end()
      return
    }
    let file = path
    if (existsSync(file) && statSync(file).isDirectory())
      file = join(file, 'index.html')
    if (!existsSync(file)) {
      if (extname(url.pathname)) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
        return
      }
      file = index
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      // Vite's hashed assets never change: let Chromium keep them (and its compiled code)
      // between the many page loads of one check run.
      'cache-control': url.pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
    createReadStream(file).pipe(res)
  })
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => ok())
  })
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => {
      server.closeAllConnections()
      server.close(() => ok())
    }),
  }
}
