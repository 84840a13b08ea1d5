import { describe, expect, it } from 'vitest'
import { makeSeed } from '../../scripts/lib/seeds.ts'
import { checkQuotes, firstWords, quotations } from '../../scripts/lib/lint/quotes.ts'
import { lintSlidesFromMarkdown } from '../../scripts/lib/lint/source.ts'

const seeds = [makeSeed('000.txt', 'A friend likes to say that "good programmers are lazy... VERY good\nprogrammers are VERY lazy".  While I can')]
const attrs = 'author="Dan" list="xen-devel" date="2005-04-27" subject="RE: Xen/ia64 presentation"'
const slide = (body: string) => lintSlidesFromMarkdown(`# Q\n\n${body}\n\n<!-- n -->\n`)

describe('quotation check', () => {
  it('accepts a verbatim quote with any line breaks, and decodes &quot;', () => {
    const s = slide(`<MailQuote ${attrs}>\nA friend likes to say that &quot;good programmers are lazy...\n  VERY good programmers are VERY lazy".\n</MailQuote>`)
    expect(checkQuotes(s, seeds, 'seeds')).toEqual([])
  })

  it('reports a misquote at the line where its text starts, with its first words', () => {
    const s = slide(`<MailQuote ${attrs}\n  size="small">\n\nA friend likes to say that "good programmers are lazy... very good programmers".\n</MailQuote>`)
    const [p, ...rest] = checkQuotes(s, seeds, '../shared/seeds')
    expect(rest).toEqual([])
    expect(p).toMatchObject({ line: 6, no: 1, check: 'quotes' })
    expect(p!.message).toBe('quotation not found verbatim in ../shared/seeds: “A friend likes to say that…”; it matches up to “…say that "good programmers are lazy...”, then differs')
  })

  it('treats typographic quotes as different from the seed\'s ASCII quotes', () => {
    const s = slide(`<MailQuote ${attrs}>\nA friend likes to say that “good programmers are lazy...\n</MailQuote>`)
    expect(checkQuotes(s, seeds, 's')).toHaveLength(1)
  })

  it('requires author, list and date', () => {
    const s = slide('<MailQuote author="Dan" :date="d" list="">\nA friend likes to say\n</MailQuote>')
    const [p, ...rest] = checkQuotes(s, seeds, 's')
    expect(rest).toEqual([])
    expect(p!.message).toBe('<MailQuote> lacks list= (required: author, list, date)')
    expect(p!.line).toBe(3)
  })

  it('reports empty, self-closing and unclosed quotes, and a missing seeds folder', () => {
    expect(checkQuotes(slide(`<MailQuote ${attrs} />`), seeds, 's')[0]!.message).toMatch(/no quotation text/)
    expect(checkQuotes(slide(`<MailQuote ${attrs}>\n\n</MailQuote>`), seeds, 's')[0]!.message).toMatch(/no quotation text/)
    expect(checkQuotes(slide(`<MailQuote ${attrs}>\nA friend`), seeds, 's')[0]!.message).toMatch(/not closed/)
    const err = checkQuotes(slide(`<MailQuote ${attrs}>\nA friend\n</MailQuote>`), new Error('seeds folder not found: /x'), 's')
    expect(err[0]!.message).toBe('cannot check quotation “A friend”: seeds folder not found: /x')
  })

  it('ignores quotes in comments and code', () => {
    const s = slide(`<!-- <MailQuote ${attrs}>made up</MailQuote> -->\n\n\`\`\`md\n<MailQuote>made up</MailQuote>\n\`\`\``)
    expect(quotations(s[0]!)).toEqual([])
  })

  it('shortens long quotes for messages', () => {
    expect(firstWords('one two three four five six seven')).toBe('“one two three four five six…”')
    expect(firstWords('one  two')).toBe('“one two”')
  })
})
