import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import { crc32 } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { isStale, sweepStale } from '../../scripts/lib/cleanup.ts'
import { loadDeck } from '../../scripts/lib/deck.ts'
import { explainBuildError } from '../../scripts/export/build-errors.ts'
import { sourceDate } from '../../scripts/export/pdf-meta.ts'
import { invalidUtf8Lines } from '../../scripts/lint/index.ts'
import { checkComponents, requiredProps } from '../../scripts/lint/components.ts'
import { imageDefect } from '../../scripts/lint/files.ts'
import { slidesFromMarkdown } from '../../scripts/lib/deck.ts'
import { checkTemplates } from '../../scripts/lint/template.ts'
import { PROBES, writeProbe } from '../fixtures/probes.ts'

function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(td))
    return Buffer.concat([len, td, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8
  ihdr[9] = 0
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc((width + 1) * height))), chunk('IEND', Buffer.alloc(0))])
}

describe('image files', () => {
  it('accepts a valid PNG, refuses a truncated or corrupted one', () => {
    const good = png(4, 3)
    expect(imageDefect(good, 'a.png')).toBeUndefined()
    expect(imageDefect(good.subarray(0, good.length - 20), 'a.png')).toMatch(/truncated/)
    const flipped = Buffer.from(good)
    flipped[40] = flipped[40]! ^ 0xFF
    expect(imageDefect(flipped, 'a.png')).toMatch(/fails its CRC/)
    expect(imageDefect(Buffer.from('hello'), 'a.png')).toMatch(/bad signature/)
    expect(imageDefect(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'a.svg')).toBeUndefined()
    expect(imageDefect(Buffer.from([0xFF, 0xD8, 0xFF, 0xD9]), 'a.jpg')).toMatch(/no frame header/)
  })
})

describe('UTF-8', () => {
  it('names the line, column and byte', () => {
    expect(invalidUtf8Lines(Buffer.from('ok\nCaf\xE9\n', 'latin1'))).toEqual([{ line: 2, column: 4, byte: 0xE9 }])
    expect(invalidUtf8Lines(Buffer.from('Café ✓\n', 'utf8'))).toEqual([])
  })
})

describe('slide HTML through Vue\'s compiler', () => {
  it('an unclosed <div> fails at its own line; markdown text and notes do not', () => {
    const md = '# One\n\nA < B and {x}\n\n---\n\n# Two\n\n<div class="a">\n\ntext\n\n<!--\n<b>notes\n-->\n'
    const problems = checkTemplates(slidesFromMarkdown(md))
    expect(problems.map(p => [p.line, p.no, p.message])).toEqual([[9, 2, 'HTML does not compile: Element is missing end tag. (<div>)']])
  })
})

describe('required props', () => {
  it('reads them with Vue\'s script compiler and finds a use without them', () => {
    const req = requiredProps('<script setup lang="ts">\ndefineProps<{ from: string, tone?: string }>()\n</script>\n<template><p/></template>', 'Q.vue')
    expect(req).toEqual(['from'])
    const slides = slidesFromMarkdown('# A\n\n<Q tone="x">words</Q>\n\n<Q from="m" />\n\n<Q :from="id" />\n\n<q-item v-bind="all" />\n')
    const problems = checkComponents(slides, { components: new Set(['Q', 'QItem']), icons: () => undefined, required: new Map([['Q', req], ['QItem', ['a']]]) })
    expect(problems.map(p => `${p.line}: ${p.message}`)).toEqual(['3: <Q> is missing its required prop "from"'])
  })
})

describe('build errors', () => {
  it('maps Slidev\'s virtual module back to file:line (slide N) in one line', async () => {
    const entry = writeProbe(PROBES.find(p => p.name === 'unclosed-div')!)
    const deck = await loadDeck(entry)
    // The message Slidev 53's build gives for this deck (captured), stack included.
    const message = `Build failed with 1 error:\n\n[plugin vite:vue] ${deck.root}/slides.md__slidev_3.md:4:1\nRolldownError: Element is missing end tag.\nSyntaxError: Element is missing end tag.\n    at createCompilerError (/x/compiler-core.cjs.js:1378:17)\n    at emitError (/x/compiler-core.cjs.js:3040:5)`
    expect(explainBuildError(message, deck)).toBe('slides.md:39 (slide 3): the build fails: Element is missing end tag.')
    expect(explainBuildError('some other failure', deck)).toBeUndefined()
  })
})

describe('leftovers', () => {
  it('sweeps temp folders and partial files of dead processes only', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'sweep-test-'))
    const out = join(tmp, 'exports')
    mkdirSync(out)
    const dead = 2 ** 22 + 12345 // above pid_max's default: no such process
    mkdirSync(join(tmp, `deck-export-${dead}-aaaaaa`))
    mkdirSync(join(tmp, `deck-check-${process.pid}-bbbbbb`)) // ours, alive
    mkdirSync(join(tmp, 'deck-export-cccccc')) // no pid: not a name the scripts make, never swept
    const cache = join(tmp, 'deck-check-fixtures') // not a temp folder name: never swept, however old
    mkdirSync(cache)
    utimesSync(cache, new Date(Date.now() - 3600_000), new Date(Date.now() - 3600_000))
    writeFileSync(join(out, `.talk.pdf.tmp-${dead}-xyz`), 'partial')
    writeFileSync(join(out, 'talk.pdf'), 'kept')
    const removed = sweepStale(out, tmp)
    expect(removed.map(p => p.slice(tmp.length + 1)).sort()).toEqual([`deck-export-${dead}-aaaaaa`, `exports/.talk.pdf.tmp-${dead}-xyz`].sort())
    expect(readdirSync(tmp).sort()).toEqual([`deck-check-${process.pid}-bbbbbb`, 'deck-check-fixtures', 'deck-export-cccccc', 'exports'])
    expect(readdirSync(out)).toEqual(['talk.pdf'])
    expect(isStale(process.pid)).toBe(false)
    rmSync(tmp, { recursive: true, force: true })
  })
})

describe('source date', () => {
  it('SOURCE_DATE_EPOCH wins, else the last commit', () => {
    expect(sourceDate('.', { SOURCE_DATE_EPOCH: '1700000000' }).toISOString()).toBe('2023-11-14T22:13:20.000Z')
    expect(sourceDate('.', {}).getTime()).toBeGreaterThan(0)
  })
})
