/** The export's build cache: reused while no input changes, rebuilt with the reason, never after a failure. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CACHE_DIR, cachedBuild } from '../../scripts/export/build-cache.ts'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'build-cache-test-'))
  dirs.push(root)
  mkdirSync(join(root, 'pages'))
  mkdirSync(join(root, 'components'))
  writeFileSync(join(root, 'slides.md'), '# One\n\n---\nsrc: ./pages/a.md\n---\n')
  writeFileSync(join(root, 'pages/a.md'), '# A\n')
  writeFileSync(join(root, 'components/X.vue'), '<template><b/></template>\n')
  writeFileSync(join(root, 'package-lock.json'), '{}\n')
  return root
}

function run(root: string, o: { fail?: boolean, rebuild?: boolean, options?: Record<string, unknown> } = {}) {
  let builds = 0
  const p = cachedBuild({
    root,
    entry: join(root, 'slides.md'),
    deckFiles: ['slides.md', 'pages/a.md'],
    options: o.options ?? { base: '/' },
    rebuild: o.rebuild,
    build: async (out) => {
      builds++
      mkdirSync(out, { recursive: true })
      writeFileSync(join(out, 'index.html'), readFileSync(join(root, 'pages/a.md')))
      if (o.fail)
        throw new Error('vite: boom')
    },
  })
  return p.then(r => ({ ...r, builds }))
}

describe('build cache', () => {
  it('reuses the build while nothing changed; a change to a page rebuilds and says why', async () => {
    const root = project()
    const first = await run(root)
    expect(first).toMatchObject({ reused: false, builds: 1 })
    expect(first.message).toMatch(/^rebuilt as [0-9a-f]{12} \(no earlier build of this deck\)$/)
    const again = await run(root)
    expect(again).toMatchObject({ reused: true, builds: 0, key: first.key })
    expect(again.message).toBe(`reusing the build of ${first.key.slice(0, 12)} (nothing that feeds it changed)`)
    expect(readFileSync(join(again.site, 'index.html'), 'utf8')).toBe('# A\n')

    writeFileSync(join(root, 'pages/a.md'), '# A changed\n')
    const changed = await run(root)
    expect(changed).toMatchObject({ reused: false, builds: 1 })
    expect(changed.key).not.toBe(first.key)
    expect(changed.message).toMatch(/\(pages\/a\.md changed\)$/)
    expect(readFileSync(join(changed.site, 'index.html'), 'utf8')).toBe('# A changed\n')

    writeFileSync(join(root, 'components/Y.vue'), '<template><i/></template>\n')
    expect((await run(root)).message).toMatch(/components\/Y\.vue added/)
    expect((await run(root, { options: { base: '/talk/' } })).message).toMatch(/build options changed \(base\)/)
    // the cache is under .cache/, with no temp folder left
    expect(readdirSync(join(root, CACHE_DIR)).filter(n => n.includes('.tmp-'))).toEqual([])
  })

  it('never reuses a build after a failed one, and --rebuild builds again', async () => {
    const root = project()
    const ok = await run(root)
    await expect(run(root, { fail: true, rebuild: true })).rejects.toThrow('vite: boom')
    expect(existsSync(ok.site)).toBe(false) // the cache was emptied
    const next = await run(root)
    expect(next).toMatchObject({ reused: false, builds: 1 })
    const forced = await run(root, { rebuild: true })
    expect(forced).toMatchObject({ reused: false, builds: 1, key: next.key })
    expect(forced.message).toMatch(/rebuild asked for/)
  })
})
