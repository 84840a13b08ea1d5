import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { BASE, PROBES, PROBES_DIR, ROOT, writeProbe } from './fixtures/probes.ts'

// End to end on the real CLI: the export refuses every probe of issue 9 (each generated from the
// small export deck plus one change) with file:line (slide N) and writes nothing; it leaves nothing
// behind when killed; two exports of one commit are byte-identical. Three real exports in all
// (one probe caught after rendering, two for reproducibility); the rest stop at the lint.
// The Node the project declares (the `node` package), as `npm run export` uses, whatever runs vitest.
const NODE = existsSync(join(ROOT, 'node_modules/.bin/node')) ? join(ROOT, 'node_modules/.bin/node') : process.execPath
const hasChromium = existsSync('/usr/bin/chromium') || Boolean(process.env.CHROMIUM_PATH)

interface Run { code: number | null, signal: NodeJS.Signals | null, out: string, pid: number }

/** `node scripts/export.ts …`: one process, so a signal reaches the exporter itself. */
function exportCli(args: string[], opts: { killAfter?: { when: (pid: number) => boolean, signal: NodeJS.Signals }, env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, ['scripts/export.ts', ...args], { cwd: ROOT, env: { ...process.env, ...opts.env } })
    let out = ''
    child.stdout.on('data', (d: Buffer) => { out += d.toString() })
    child.stderr.on('data', (d: Buffer) => { out += d.toString() })
    let timer: NodeJS.Timeout | undefined
    if (opts.killAfter) {
      const k = opts.killAfter
      timer = setInterval(() => {
        if (k.when(child.pid!)) {
          clearInterval(timer)
          child.kill(k.signal)
        }
      }, 100)
    }
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearInterval(timer)
      resolve({ code, signal, out, pid: child.pid! })
    })
  })
}

const leftovers = (pid: number, dir = tmpdir()) => readdirSync(dir).filter(n => n.startsWith(`deck-export-${pid}-`))
const outDirs: string[] = []
function freshOut(): string {
  const d = mkdtempSync(join(tmpdir(), 'probe-out-'))
  outDirs.push(d)
  return d
}
afterAll(() => {
  for (const d of outDirs) rmSync(d, { recursive: true, force: true })
  rmSync(PROBES_DIR, { recursive: true, force: true })
})

describe('export refuses the broken decks of issue 9', () => {
  for (const p of PROBES) {
    it.skipIf(p.rendered && !hasChromium)(`${p.name}: exit 1, names ${p.at}, writes nothing`, async () => {
      const entry = writeProbe(p)
      const out = freshOut()
      const r = await exportCli(['pdf', '--entry', entry, '--out', out])
      expect(r.code, r.out).toBe(1)
      const line = r.out.split('\n').find(l => l.startsWith(p.at))
      expect(line, r.out).toBeDefined()
      expect(r.out).toMatch(p.says)
      expect(r.out).toMatch(/nothing written/)
      expect(r.out).not.toMatch(/^\s+at /m) // one line per problem, no stack trace
      expect(readdirSync(out)).toEqual([])
      expect(leftovers(r.pid)).toEqual([])
    }, 300_000)
  }
})

describe.skipIf(!hasChromium)('export leaves nothing behind', () => {
  it('SIGTERM mid-build removes its temp folder; after a SIGKILL the next run sweeps it and the partial file', async () => {
    const out = freshOut()
    const entry = join(BASE, 'slides.md')
    // A private temp folder: another export running meanwhile (vitest runs files side by side)
    // would otherwise sweep the dead run's folder before the next run here can.
    const env = { TMPDIR: mkdtempSync(join(tmpdir(), 'probe-tmp-')) }
    const here = (pid: number) => leftovers(pid, env.TMPDIR)
    // killed while Slidev builds (its temp folder exists), before any output is written; --rebuild
    // so that a cached build of the fixture does not skip the build
    const building = (pid: number) => here(pid).length > 0
    const term = await exportCli(['pdf', '--entry', entry, '--out', out, '--rebuild'], { env, killAfter: { when: building, signal: 'SIGTERM' } })
    expect(term.code, term.out).toBe(143)
    expect(term.out).toMatch(/interrupted \(SIGTERM\): temp files removed/)
    expect(here(term.pid)).toEqual([])

    const kill = await exportCli(['pdf', '--entry', entry, '--out', out, '--rebuild'], { env, killAfter: { when: building, signal: 'SIGKILL' } })
    expect(kill.signal).toBe('SIGKILL')
    expect(here(kill.pid).length).toBe(1) // SIGKILL cannot be caught
    // what a SIGKILL during the PDF write leaves (timing that exactly is not reliable: planted with the dead pid)
    const partial = join(out, `.export-fixture.pdf.tmp-${kill.pid}-abc123`)
    writeFileSync(partial, '%PDF-1.4 partial')

    const next = await exportCli(['pdf', '--entry', writeProbe(PROBES.find(p => p.name === 'empty-deck')!), '--out', out], { env })
    expect(next.out).toMatch(/removed 2 leftovers of interrupted runs/)
    expect(here(kill.pid)).toEqual([])
    expect(readdirSync(out)).toEqual([])
  }, 600_000)
})

describe.skipIf(!hasChromium)('export is reproducible', () => {
  it('two PDF exports of the same commit are byte-identical', async () => {
    const a = freshOut()
    const b = freshOut()
    const entry = join(BASE, 'slides.md')
    for (const out of [a, b]) {
      const r = await exportCli(['pdf', '--entry', entry, '--out', out])
      expect(r.code, r.out).toBe(0)
    }
    const pa = readFileSync(join(a, 'export-fixture.pdf'))
    const pb = readFileSync(join(b, 'export-fixture.pdf'))
    expect(pa.equals(pb)).toBe(true)
    expect(pa.toString('latin1')).toMatch(/\/CreationDate \(D:\d{14}/)
  }, 600_000)
})
