import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'

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
  '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json',
}

export interface StaticServer {
  /** Origin without trailing slash, e.g. "http://127.0.0.1:41234". */
  origin: string
  /** The site's root: origin plus base, e.g. "http://127.0.0.1:41234/talks/x/". */
  url: string
  port: number
  close: () => Promise<void>
}

/**
 * Serves a built deck from `dir` under `base` on 127.0.0.1 (loopback only) at a free port, for
 * the browser check, the exporter and the benchmark. A path with no file extension that matches
 * no file falls back to index.html (Slidev's history routing: /7, /print, /presenter); a missing
 * asset (a path with an extension) is a real 404, so a broken image stays broken.
 */
export async function serveStatic(dir: string, base = '/'): Promise<StaticServer> {
  const root = resolve(dir)
  const index = join(root, 'index.html')
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    let pathname: string
    try {
      pathname = decodeURIComponent(url.pathname)
    }
    catch {
      res.writeHead(400).end()
      return
    }
    if (!pathname.startsWith(base)) {
      res.writeHead(404).end()
      return
    }
    let file = normalize(join(root, pathname.slice(base.length)))
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end()
      return
    }
    if (existsSync(file) && statSync(file).isDirectory())
      file = join(file, 'index.html')
    if (!existsSync(file)) {
      if (extname(pathname)) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
        return
      }
      file = index
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      // Vite's hashed assets never change: Chromium may keep them (and its compiled code) across
      // the many page loads of one run.
      'cache-control': pathname.startsWith(`${base}assets/`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
    createReadStream(file).pipe(res)
  })
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => ok())
  })
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`
  return {
    origin,
    url: `${origin}${base}`,
    port,
    close: () => new Promise<void>((ok) => {
      server.closeAllConnections()
      server.close(() => ok())
    }),
  }
}
