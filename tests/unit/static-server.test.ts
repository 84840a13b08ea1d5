import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type StaticServer, serveStatic } from '../../scripts/lib/static-server.ts'

describe('serveStatic', () => {
  let server: StaticServer
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'site-'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>deck</title>')
    mkdirSync(join(dir, 'assets'))
    writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1)')
    server = await serveStatic(dir, '/talks/x/')
  })
  afterAll(() => server.close())

  it('listens on loopback only, under the base path', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/talks\/x\/$/)
  })

  it('serves assets with their type and lets the browser cache hashed ones', async () => {
    const res = await fetch(`${server.url}assets/app-1234.js`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/javascript/)
    expect(res.headers.get('cache-control')).toMatch(/immutable/)
  })

  it('answers slide routes with index.html (history routing)', async () => {
    for (const route of ['7', 'presenter/', 'print'])
      expect(await (await fetch(`${server.url}${route}`)).text()).toContain('<title>deck</title>')
  })

  it('keeps a missing asset a 404, so a broken image stays visible to the check', async () => {
    expect((await fetch(`${server.url}missing.png`)).status).toBe(404)
  })

  it('serves nothing outside the base path or the folder', async () => {
    expect((await fetch(`${server.origin}/index.html`)).status).toBe(404)
    for (const path of ['..%2f..%2fetc%2fpasswd', '../../etc/passwd', '%2e%2e/%2e%2e/etc/passwd'])
      expect(await (await fetch(`${server.url}${path}`)).text()).not.toMatch(/root:/)
  })
})
