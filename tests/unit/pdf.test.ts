import { describe, expect, it } from 'vitest'
import { squashText } from '../../scripts/lib/deck.ts'
import { containsTitle, isBlankPage, parsePdffonts, parsePgms } from '../../scripts/verify/pdf.ts'

function pgm(width: number, height: number, fill: (x: number, y: number) => number, header = `P5\n${width} ${height}\n255\n`): Uint8Array {
  const head = new TextEncoder().encode(header)
  const out = new Uint8Array(head.length + width * height)
  out.set(head)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++)
      out[head.length + y * width + x] = fill(x, y)
  }
  return out
}

const parsePgm = (buf: Uint8Array) => parsePgms(buf)[0]!

describe('parsePgms', () => {
  it('decodes the binary P5 that pdftoppm writes', () => {
    const img = parsePgm(pgm(3, 2, (x, y) => x * 10 + y))
    expect(img).toMatchObject({ width: 3, height: 2 })
    expect([...img.pixels]).toEqual([0, 10, 20, 1, 11, 21])
  })

  it('splits the images that pdftoppm writes one after another', () => {
    const two = [...pgm(2, 1, () => 7), ...pgm(1, 2, () => 9)]
    expect(parsePgms(new Uint8Array(two)).map(i => [...i.pixels])).toEqual([[7, 7], [9, 9]])
  })

  it('keeps a pixel value that looks like whitespace right after the header', () => {
    const img = parsePgm(pgm(2, 1, x => (x === 0 ? 10 : 32)))
    expect([...img.pixels]).toEqual([10, 32])
  })

  it('rejects what is not a PGM, and truncated data', () => {
    expect(() => parsePgm(new TextEncoder().encode('P6\n1 1\n255\n\0\0\0'))).toThrow(/not a PGM/)
    expect(() => parsePgm(new TextEncoder().encode('P2\n2 1\n255\n0 255\n'))).toThrow(/not a PGM/)
    expect(() => parsePgm(new TextEncoder().encode('P5\n4 4\n255\n\0\0'))).toThrow(/truncated/)
  })
})

describe('blank page detection', () => {
  const W = 204
  const H = 115
  it('finds a uniform page blank, white or dark', () => {
    expect(isBlankPage(parsePgm(pgm(W, H, () => 255)))).toBe(true)
    expect(isBlankPage(parsePgm(pgm(W, H, () => 18)))).toBe(true)
  })

  it('finds a page with only faint noise blank', () => {
    expect(isBlankPage(parsePgm(pgm(W, H, (x, y) => 250 + ((x + y) % 3))))).toBe(true)
  })

  it('finds a page with a small title not blank', () => {
    // A title of about 40×6 pixels at 20 dpi, dark on white.
    const img = parsePgm(pgm(W, H, (x, y) => (x >= 20 && x < 60 && y >= 10 && y < 16 ? 30 : 255)))
    expect(isBlankPage(img)).toBe(false)
  })

  it('finds light text on a dark page not blank', () => {
    expect(isBlankPage(parsePgm(pgm(W, H, (x, y) => (y === 50 && x < 80 ? 230 : 15))))).toBe(false)
  })
})

describe('parsePdffonts', () => {
  const out = [
    'name                                 type              encoding         emb sub uni object ID',
    '------------------------------------ ----------------- ---------------- --- --- --- ---------',
    'AAAAAA+IBMPlexSans-Regular           CID TrueType      Identity-H       yes yes yes     12  0',
    'Helvetica                            Type 1            Custom           no  no  no      20  0',
    'BBBBBB+IBMPlexMono                   Type 1C           WinAnsi          yes yes no      31  0',
    '',
  ].join('\n')

  it('reads every row with columns that contain spaces', () => {
    const fonts = parsePdffonts(out)
    expect(fonts).toHaveLength(3)
    expect(fonts[0]).toEqual({ name: 'AAAAAA+IBMPlexSans-Regular', type: 'CID TrueType', embedded: true })
    expect(fonts[1]).toMatchObject({ name: 'Helvetica', type: 'Type 1', embedded: false })
    expect(fonts[2]).toMatchObject({ type: 'Type 1C', embedded: true })
  })

  it('returns nothing for a PDF without fonts', () => {
    expect(parsePdffonts(out.split('\n').slice(0, 2).join('\n'))).toEqual([])
    expect(parsePdffonts('')).toEqual([])
  })
})

describe('text helpers', () => {
  it('matches titles across ligatures, line breaks, quotes and markup', () => {
    expect(squashText('Oﬃce ﬁles — “quoted”')).toBe('officefilesquoted')
    expect(containsTitle('Why  reuse\nLinux’s IVT?', 'Why reuse Linux\'s `IVT`?')).toBe(true)
    expect(containsTitle('The ﬁrst port', 'The first port')).toBe(true)
    expect(containsTitle('Something else', 'The first port')).toBe(false)
  })
})
