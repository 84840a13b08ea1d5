import { describe, expect, it } from 'vitest'
import { UsageError } from '../../scripts/lib/args.ts'
import { parseDevArgs } from '../../scripts/dev/args.ts'
import { lanAddresses, redactSlideInfo, safeNext } from '../../scripts/dev/proxy.ts'
import { isLocalEditorOrigin, refusal } from '../../scripts/dev/vite-write-guard.ts'

describe('npm run dev arguments', () => {
  it('takes --remote out of what Slidev gets', () => {
    expect(parseDevArgs(['--remote', 's3cret'])).toEqual({ slidev: [], port: undefined, remote: { password: 's3cret', port: undefined } })
    expect(parseDevArgs(['talk.md', '--remote=pw', '--remote-port', '4001', '-p', '4000', '--log', 'warn']))
      .toEqual({ slidev: ['talk.md', '--log', 'warn'], port: 4000, remote: { password: 'pw', port: 4001 } })
    expect(parseDevArgs(['--port=3100'])).toEqual({ slidev: [], port: 3100, remote: undefined })
  })
  it('refuses remote without a password, and --bind/--tunnel with remote', () => {
    expect(() => parseDevArgs(['--remote'])).toThrow(UsageError)
    expect(() => parseDevArgs(['--remote', '--log', 'info'])).toThrow(UsageError)
    expect(() => parseDevArgs(['--remote', 'pw', '--bind', '0.0.0.0'])).toThrow(/bind/)
    expect(() => parseDevArgs(['--remote', 'pw', '--tunnel'])).toThrow(/tunnel/)
    expect(() => parseDevArgs(['--remote-port', 'x'])).toThrow(UsageError)
  })
})

describe('LAN address', () => {
  it('prefers a private address on a physical interface, never loopback or link-local', () => {
    const mk = (address: string, internal = false) => ({ address, internal, family: 'IPv4' as const, netmask: '', mac: '', cidr: null })
    expect(lanAddresses({
      lo: [mk('127.0.0.1', true)],
      docker0: [mk('172.17.0.1')],
      eth1: [mk('169.254.3.4')],
      wlan0: [mk('192.168.1.20')],
    }).map(a => a.address)).toEqual(['192.168.1.20', '172.17.0.1'])
  })
})

describe('write guard (vite.config.ts)', () => {
  const req = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers: { host: 'localhost:3030', ...headers } })
  it('accepts the local editor only', () => {
    expect(isLocalEditorOrigin('http://localhost:3030', 'localhost:3030')).toBe(true)
    expect(isLocalEditorOrigin('http://127.0.0.1:3030', 'localhost:3030')).toBe(false)
    expect(isLocalEditorOrigin('http://localhost:5173', 'localhost:3030')).toBe(false)
    expect(isLocalEditorOrigin('https://evil.example', 'localhost:3030')).toBe(false)
    expect(isLocalEditorOrigin(undefined, 'localhost:3030')).toBe(false)
    expect(refusal(req('POST', '/__slidev/slides/1.json', { origin: 'http://localhost:3030' }))).toBeUndefined()
    expect(refusal(req('POST', '/__slidev/slides/1.json', { origin: 'https://evil.example' }))).toMatch(/local editor/)
    expect(refusal(req('POST', '/__slidev/slides/1.json'))).toMatch(/local editor/)
    expect(refusal(req('GET', '/__slidev/slides/1.json'))).toBeUndefined()
    // vite-plugin-vue-server-ref: the presenter's position, drawings, snapshots (written to disk)
    for (const url of ['/@server-reactive/nav', '/@server-reactive/snapshots?diff', '/@server-ref/nav']) {
      expect(refusal(req('POST', url, { origin: 'https://evil.example' }))).toMatch(/local editor/)
      expect(refusal(req('POST', url, { origin: 'http://localhost:3030' }))).toBeUndefined()
    }
  })
  it('turns the MCP endpoint off', () => {
    for (const url of ['/__mcp', '/__mcp/', '/__mcp?x=1', '/%5F%5Fmcp'])
      expect(refusal(req('POST', url, { origin: 'http://localhost:3030' }))).toMatch(/MCP/)
  })
})

describe('remote proxy helpers', () => {
  it('redirects only to same-site paths after login', () => {
    expect(safeNext('/presenter/3')).toBe('/presenter/3')
    for (const bad of ['//evil.example/', 'https://evil.example/', '/\\evil.example', '', null])
      expect(safeNext(bad)).toBe('/presenter/')
  })
  it('sends the presenter the note, not the source or the file path', () => {
    const out = redactSlideInfo({ index: 0, note: 'n', noteHTML: '<p>n</p>', content: '# raw', source: { filepath: '/abs/slides.md', raw: 'x' }, importChain: [] })
    expect(out).toEqual({ index: 0, note: 'n', noteHTML: '<p>n</p>' })
  })
})
