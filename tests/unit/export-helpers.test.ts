import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { UsageError } from '../../scripts/lib/args.ts'
import { parseExportArgs } from '../../scripts/export/args.ts'
import { writeAtomically } from '../../scripts/export/atomic.ts'
import { fenceBlocks, loadDeck } from '../../scripts/lib/deck.ts'
import { exportStem, FORMATS, outputPaths, pngName, safeName } from '../../scripts/export/formats.ts'
import { handoutHtml } from '../../scripts/export/handout.ts'
import { notesToHtml } from '../../scripts/export/handout.ts'
import { pdfMetaFrom } from '../../scripts/export/pdf-meta.ts'
import { assetSizes, formatBytes, sumSizes } from '../../scripts/bench/sizes.ts'
import { median, table } from '../../scripts/bench/stats.ts'
import { parseBuildArgs } from '../../scripts/build.ts'

describe('file naming', () => {
  it('derives every output path from exportFilename', () => {
    expect(outputPaths('exports', 'xen-ia64-reusing-linux')).toEqual({
      pdf: 'exports/xen-ia64-reusing-linux.pdf',
      clicks: 'exports/xen-ia64-reusing-linux-clicks.pdf',
      png: 'exports/xen-ia64-reusing-linux-png',
      pptx: 'exports/xen-ia64-reusing-linux.pptx',
      handout: 'exports/xen-ia64-reusing-linux-handout.pdf',
    })
  })
  it('uses exportFilename, then the title, then the entry name', () => {
    expect(exportStem({ exportFilename: 'xen-ia64-reusing-linux', title: 'X' }, 'slides.md')).toBe('xen-ia64-reusing-linux')
    expect(exportStem({ title: 'Borrowed Code: Xen/ia64 and Linux' }, 'slides.md')).toBe('borrowed-code-xen-ia64-and-linux')
    expect(exportStem({}, '/a/b/my deck.md')).toBe('my-deck')
  })
  it('makes safe stems', () => {
    expect(safeName('../../etc/passwd')).toBe('etc-passwd')
    expect(safeName('Café talk.pdf')).toBe('cafe-talk')
    expect(safeName('///')).toBe('slides')
  })
  it('pads PNG names so they sort', () => {
    expect(pngName(1, 38)).toBe('01.png')
    expect(pngName(38, 38)).toBe('38.png')
    expect(pngName(7, 120)).toBe('007.png')
  })
})

describe('diagram count', () => {
  it('counts Mermaid fences, not other code blocks', () => {
    const mermaid = (md: string) => fenceBlocks(md.split('\n')).filter(b => b.lang === 'mermaid')
    expect(mermaid('# T\n\n```mermaid\nflowchart LR\n```\n\n```c\nint x;\n```\n\n```mermaid {scale: 0.8}\nsequenceDiagram\n```\n').map(b => [b.open, b.info])).toEqual([[2, ''], [10, '{scale: 0.8}']])
    expect(mermaid('no diagrams, just `mermaid` in text')).toEqual([])
  })
})

describe('argument parsing', () => {
  it('defaults to the PDF into exports/', () => {
    expect(parseExportArgs([])).toMatchObject({ formats: ['pdf'], outDir: 'exports', entry: 'slides.md', soak: 0, dark: false })
  })
  it('expands "all" and keeps a stable order without duplicates', () => {
    expect(parseExportArgs(['all']).formats).toEqual([...FORMATS])
    expect(parseExportArgs(['handout', 'pdf', 'pdf']).formats).toEqual(['pdf', 'handout'])
  })
  it('exports every entry for "all" without --entry only (a folder named "all" is not the format)', () => {
    expect(parseExportArgs(['all']).everyEntry).toBe(true)
    expect(parseExportArgs(['all', '--entry', 'deck.md'])).toMatchObject({ everyEntry: false, entry: 'deck.md' })
    expect(parseExportArgs(['pdf', '--out', 'all']).everyEntry).toBe(false)
  })
  it('reads options with and without =', () => {
    expect(parseExportArgs(['png', '--out', '/tmp/x', '--timeout=5000', '--soak', '10', '--dark', '--entry=deck.md']))
      .toMatchObject({ formats: ['png'], outDir: '/tmp/x', timeoutMs: 5000, soak: 10, dark: true, entry: 'deck.md' })
  })
  it('rejects unknown formats, options and bad numbers', () => {
    expect(() => parseExportArgs(['docx'])).toThrow(UsageError)
    expect(() => parseExportArgs(['--fast'])).toThrow(/unknown option/)
    expect(() => parseExportArgs(['--soak', '0'])).toThrow(/positive/)
    expect(() => parseExportArgs(['--out'])).toThrow(/needs a value/)
  })
  it('normalizes a base path', () => {
    expect(parseBuildArgs(['--base', 'talks/xen-ia64']).base).toBe('/talks/xen-ia64/')
    expect(parseBuildArgs(['--base', '/talks/xen-ia64/']).base).toBe('/talks/xen-ia64/')
    expect(parseBuildArgs([]).base).toBe('/')
  })
  it('parses build arguments', () => {
    expect(parseBuildArgs(['--base', 'talks/x'])).toMatchObject({ base: '/talks/x/', out: 'dist', pdf: true })
    expect(parseBuildArgs(['--no-pdf', '--out=site'])).toMatchObject({ pdf: false, out: 'site' })
    expect(() => parseBuildArgs(['--download'])).toThrow(UsageError)
  })
  it('leaves the speaker notes out of the built site unless --with-notes', () => {
    expect(parseBuildArgs([])).toMatchObject({ withNotes: false })
    expect(parseBuildArgs(['--with-notes'])).toMatchObject({ withNotes: true })
  })
})

describe('atomic write', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'export-atomic-'))
  it('replaces the target only after verification', async () => {
    const d = dir()
    const target = join(d, 'deck.pdf')
    writeFileSync(target, 'old')
    await writeAtomically(target, async tmp => writeFileSync(tmp, 'new'), () => {})
    expect(readFileSync(target, 'utf8')).toBe('new')
    expect(readdirSync(d)).toEqual(['deck.pdf'])
  })
  it('leaves the old file and no temp file when producing fails', async () => {
    const d = dir()
    const target = join(d, 'deck.pdf')
    writeFileSync(target, 'old')
    await expect(writeAtomically(target, async (tmp) => {
      writeFileSync(tmp, 'half')
      throw new Error('chromium crashed')
    }, () => {})).rejects.toThrow('chromium crashed')
    expect(readFileSync(target, 'utf8')).toBe('old')
    expect(readdirSync(d)).toEqual(['deck.pdf'])
  })
  it('leaves the old file when verification fails', async () => {
    const d = dir()
    const target = join(d, 'deck.pdf')
    writeFileSync(target, 'old')
    await expect(writeAtomically(target, async tmp => writeFileSync(tmp, ''), () => {
      throw new Error('0 pages')
    })).rejects.toThrow('0 pages')
    expect(readFileSync(target, 'utf8')).toBe('old')
  })
  it('replaces a whole folder (the PNGs) atomically', async () => {
    const d = dir()
    const target = join(d, 'png')
    mkdirSync(target)
    writeFileSync(join(target, '99.png'), 'stale')
    await writeAtomically(target, async (tmp) => {
      mkdirSync(tmp)
      writeFileSync(join(tmp, '01.png'), 'x')
    }, () => {})
    expect(readdirSync(target)).toEqual(['01.png'])
    expect(readdirSync(d)).toEqual(['png'])
    expect(existsSync(join(target, '99.png'))).toBe(false)
  })
})

describe('size accounting', () => {
  it('sums raw and gzip sizes, optionally for the files a page loaded', () => {
    const d = mkdtempSync(join(tmpdir(), 'export-sizes-'))
    mkdirSync(join(d, 'sub'))
    writeFileSync(join(d, 'a.js'), 'x'.repeat(10_000))
    writeFileSync(join(d, 'sub', 'b.js'), 'console.log(1)\n')
    writeFileSync(join(d, 'c.css'), 'body{}')
    const js = assetSizes(d, '.js')
    expect(js.map(a => a.file)).toEqual(['a.js', 'sub/b.js'])
    const all = sumSizes(js)
    expect(all.files).toBe(2)
    expect(all.raw).toBe(10_000 + 15)
    expect(all.gzip).toBeLessThan(all.raw)
    expect(sumSizes(js, new Set(['sub/b.js']))).toMatchObject({ files: 1, raw: 15 })
    expect(formatBytes(1_540_000)).toBe('1.54 MB')
    expect(formatBytes(2_500)).toBe('2.5 kB')
  })
  it('takes medians and lays out tables', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(table([['a', 'bb'], ['ccc', 'd']])).toBe('a    bb\n---  --\nccc   d')
  })
})

describe('notes and handout', () => {
  it('renders notes markdown readably and never injects HTML', () => {
    const html = notesToHtml('Say **this** and `code`.\n\n- one\n- two\n\n[click] then <script>x</script>')
    expect(html).toContain('<strong>this</strong>')
    expect(html).toContain('<code>code</code>')
    expect(html).toContain('<ul>\n<li>one</li>\n<li>two</li>\n</ul>')
    expect(html).toContain('▸ click')
    expect(html).toContain('&lt;script&gt;')
    expect(notesToHtml(undefined)).toContain('no notes')
  })
  it('puts two slides per page with their notes', () => {
    const html = handoutHtml('T', [1, 2, 3].map(no => ({ no, title: `S${no}`, note: `n${no}`, image: 'data:image/png;base64,' })))
    expect(html.match(/class="page"/g)).toHaveLength(2)
    expect(html.match(/<section class="slide" data-no="\d">/g)).toHaveLength(3)
    expect(html).toContain('<p>n3</p>')
  })
  it('renders markdown in slide titles (code spans), escaped', () => {
    const html = handoutHtml('T', [{ no: 1, title: 'How the port used Linux: `mkbuildtree` <b>', note: 'n', image: 'data:image/png;base64,' }])
    expect(html).toContain('How the port used Linux: <code>mkbuildtree</code> &lt;b&gt;')
  })
  it('takes the canvas from Slidev\'s resolved config, rounded as slidev export does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'canvas-'))
    writeFileSync(join(dir, 'slides.md'), '---\naspectRatio: 4/3\ncanvasWidth: 1000\n---\n# T\n')
    expect((await loadDeck(join(dir, 'slides.md'))).canvas).toEqual({ width: 1000, height: 750 })
    expect((await loadDeck('tests/fixtures/export-small/slides.md')).canvas).toEqual({ width: 980, height: 551 })
  })
  it('reads PDF metadata from headmatter', () => {
    expect(pdfMetaFrom({ title: 'T', author: 'A', keywords: 'x, y', info: 'a\n b' })).toEqual({ title: 'T', author: 'A', subject: 'a b', keywords: ['x', 'y'] })
  })
})

describe('notesToPlainText', () => {
  it('drops Slidev click markers from the PPTX notes', async () => {
    const { notesToPlainText } = await import('../../scripts/export/handout.ts')
    expect(notesToPlainText('First. [click] Second. [click:3] Third.')).toBe('First. Second. Third.')
  })
})
