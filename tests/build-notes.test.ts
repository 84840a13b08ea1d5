/**
 * `npm run build` publishes no speaker notes unless asked: the fixture deck built the default way
 * has none of its notes anywhere in dist/, built with --with-notes it has them (presenter mode of
 * the built site shows them). Two small builds of tests/fixtures/remote-deck.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '..')
const NOTES = ['REMOTE-NOTE-PHRASE-4d1c', 'REMOTE-NOTE-PHRASE-9e2b']
const out = mkdtempSync(join(tmpdir(), 'deck-build-notes-'))

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? filesOf(p) : [p]
  })
}

function build(dir: string, ...extra: string[]): string {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/node'), ['scripts/build.ts', 'tests/fixtures/remote-deck/slides.md', '--no-pdf', '--out', dir, ...extra], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 280_000,
    env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` },
  })
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0)
  return filesOf(dir).map(f => readFileSync(f, 'latin1')).join('\n')
}

afterAll(() => rmSync(out, { recursive: true, force: true }))

describe('npm run build and speaker notes', () => {
  it('leaves every note out by default', () => {
    const site = build(join(out, 'public'))
    expect(site).toContain('SECOND-SLIDE-BODY') // the slides are there
    for (const note of NOTES)
      expect(site.includes(note), note).toBe(false)
  }, 300_000)

  it('keeps them with --with-notes', () => {
    const site = build(join(out, 'presenting'), '--with-notes')
    for (const note of NOTES)
      expect(site).toContain(note)
  }, 300_000)
})
