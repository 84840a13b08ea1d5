import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ChromiumNotFoundError, findChromium } from '../../scripts/lib/chromium.ts'

function fakeExecutable(path: string): string {
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, '#!/bin/sh\n')
  chmodSync(path, 0o755)
  return path
}

describe('findChromium', () => {
  const empty = mkdtempSync(join(tmpdir(), 'no-browser-'))

  it('prefers $CHROMIUM_PATH', () => {
    const exe = fakeExecutable(join(mkdtempSync(join(tmpdir(), 'env-')), 'my-chrome'))
    expect(findChromium({ CHROMIUM_PATH: exe, PATH: '', PLAYWRIGHT_BROWSERS_PATH: empty })).toBe(exe)
  })

  it('then uses the newest browser in Playwright\'s cache', () => {
    const cache = mkdtempSync(join(tmpdir(), 'pw-'))
    fakeExecutable(join(cache, 'chromium-1100', 'chrome-linux', 'chrome'))
    const newest = fakeExecutable(join(cache, 'chromium-1200', 'chrome-linux', 'chrome'))
    expect(findChromium({ PLAYWRIGHT_BROWSERS_PATH: cache, PATH: '' })).toBe(newest)
  })

  it('then looks for chromium on $PATH', () => {
    const bin = mkdtempSync(join(tmpdir(), 'bin-'))
    const exe = fakeExecutable(join(bin, 'chromium'))
    expect(findChromium({ PATH: `${empty}:${bin}`, PLAYWRIGHT_BROWSERS_PATH: empty })).toBe(exe)
  })

  it('fails with a message that says what to install and what was tried', () => {
    const env = { CHROMIUM_PATH: '/nowhere/chrome', PATH: empty, PLAYWRIGHT_BROWSERS_PATH: empty }
    expect(() => findChromium(env)).toThrow(ChromiumNotFoundError)
    expect(() => findChromium(env)).toThrow(/apt-get install -y chromium/)
    expect(() => findChromium(env)).toThrow(/\/nowhere\/chrome \(does not exist\)/)
  })
})
