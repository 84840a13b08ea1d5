import { chromium } from 'playwright-core'
import { serveStatic } from './lib/static-server.ts'
const [dir, scheme, ...nos] = process.argv.slice(2)
const srv = await serveStatic(dir!)
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
const ctx = await b.newContext({ viewport: { width: 1920, height: 1080 }, colorScheme: scheme as 'light' | 'dark' })
await ctx.addInitScript(s => localStorage.setItem('slidev-color-schema', s), scheme!)
const p = await ctx.newPage()
for (const no of nos) {
  const [n, clicks] = no.split(':')
  await p.goto(`${srv.url}${n}?clicks=${clicks ?? 99}`, { waitUntil: 'networkidle' })
  await p.waitForTimeout(1200)
  await p.screenshot({ path: `/tmp/shot-${scheme}-${n}.png` })
}
await b.close(); await srv.close()
