import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkSources, citations, citedIdsInText } from '../../scripts/lint/sources.ts'
import type { Registry } from '../../scripts/lint/sources.ts'
import { slidesFromMarkdown } from '../../scripts/lib/deck.ts'
import { loadThreadTexts, parseThread, threadsDir } from '../../scripts/lib/threads.ts'
import { messages as quoted, records, threads } from '../../sources/index.ts'
import { otherArchiveMessages } from '../fixtures/archive-messages.ts'

// The real threads and every message a slide might quote from them (not only those the deck
// cites: a message the deck starts quoting moves to the registry, and the registry's copy wins).
const messages = [...quoted, ...otherArchiveMessages.filter(m => !quoted.some(q => q.id === m.id))]
const realRegistry: Registry = { threads, messages, records, dir: `${process.cwd()}/sources` }
const dir = threadsDir()
const texts = existsSync(dir) ? loadThreadTexts(dir) : undefined

function deck(body: string): string {
  return `---\ntitle: t\n---\n\n# Cover\n\n<!-- n -->\n\n---\n\n# Quotes\n\n${body}\n\n<!-- n -->\n`
}

/** Quotation problems only (the real registry has many entries a two-slide deck does not cite). */
function quoteProblems(body: string) {
  return checkSources(slidesFromMarkdown(deck(body)), realRegistry, { texts, root: process.cwd() })
    .filter(p => p.check === 'quotes')
}

describe('citations', () => {
  it('reads from and refs; skips comments and code', () => {
    const md = deck([
      '<MailQuote from="dan-why-track">x</MailQuote>',
      '<SourceNote refs="linux-2.6.23  xen-import-changeset" />',
      '<!-- <SourceNote refs="commented-out" /> -->',
      '`<SourceNote refs="in-code" />`',
    ].join('\n'))
    const slide = slidesFromMarkdown(md)[1]!
    expect(citations(slide).map(c => `${c.attr}:${c.id}@${c.line}`)).toEqual([
      'from:dan-why-track@13', 'refs:linux-2.6.23@14', 'refs:xen-import-changeset@14',
    ])
    expect(citedIdsInText(md)).toEqual(['dan-why-track', 'linux-2.6.23', 'xen-import-changeset'])
  })
})

describe('the thread texts cut into messages', () => {
  it('reads the five archive formats', () => {
    expect(parseThread('From: A B <>\nDate: 2005-07-05 04:26:32\nhello\n> quoted\nReceived on x').messages).toMatchObject([
      { sender: 'A B', date: '2005-07-05 04:26:32', own: 'hello', quoted: 'quoted' },
    ])
    const sf = parseThread('|\nFrom: Keith O. <k...> - 2008-02-25 04:27:58\n|\nX (on date) wrote: >first quoted line >At this moment my preference is the option 2. Please comment. A combination of options (2) and (3) would work. Have a single source file for the IVT, using conditional macros, and so on for a long while. |\n|\n')
    expect(sf.format).toBe('sourceforge')
    const m = sf.messages[0]!
    expect(m.own).toContain('A combination of options (2) and (3) would work.')
    expect(m.own).not.toContain('At this moment my preference is the option 2.')
    expect(m.quoted).toContain('At this moment my preference is the option 2.')
    const forum = parseThread('2007-02-16 07:00:35\n\nby Andrew Morton\n\n[permalink] [raw]\nSubject: Re: x\n\n> quoted\nown words\n')
    expect(forum.messages).toMatchObject([{ sender: 'Andrew Morton', date: '2007-02-16 07:00:35', own: 'own words', quoted: 'quoted' }])
    const whole = parseThread('intro\n>> quoted\n>From f622 Mon Sep 17\nown\n')
    expect(whole.format).toBe('whole')
    expect(whole.messages[0]!.own).toBe('intro >From f622 Mon Sep 17 own')
  })
})

describe.skipIf(!texts)('the real registry against the archived threads', () => {
  it('finds every message in its thread text', () => {
    for (const m of messages) {
      const t = threads.find(x => x.id === m.thread)!
      const text = texts!.get(t.text)
      expect(text, t.text).toBeDefined()
      for (const at of [m.textAt, m.quotedIn && messages.find(x => x.id === m.quotedIn)?.textAt].filter(Boolean))
        expect(text!.messages.some(x => x.date === at), `${m.id}: ${at}`).toBe(true)
    }
  })

  it('passes the verbatim quotations, each credited to its sender', () => {
    const ok: Array<[string, string]> = [
      ['hollis-questions', 'In general, why are you so determined to track Linux code?'],
      ['dan-why-track', 'But there is a "couple hundred\npounds of gold/platinum" Linux code that DOES virtually identical things'],
      ['eddie-tlb-miss', 'injecting guest tlb miss may cause endless (recursive) guest tlb miss->\nhypercall -> guest tlb miss...'],
      ['keir-struct-vcpu', 'The \'_state\' seems a bit superfluous. How about just \'struct vcpu\'?'],
      ['keir-gross', 'Yes, that\'s another one that\'s gross.'],
      ['isaku-options', 'At this moment my preference is the option 2. Please comment.'],
      ['keith-combine', 'A combination of options (2) and (3) would work.'],
      ['keith-combine', 'Single source for maintenance. No indirect function overhead at run time. Binary patching at boot time for the right mode. No wasted space in the kernel.'],
      ['tristan-linker', 'Good idea. The linker script will be slightly more complex however...'],
      ['keith-trickier', 'Looking into this in more detail, it is a little trickier than I thought.'],
      ['eddie-abc', '#A is easiest from effort point of view (no need to re-org mass IVT code), and #A doesn;t need binary patching.'],
      ['dan-ia64-reply', 'The arch/ia64/xen code includes a 95% identical IVT and 95%\nidentical ia64_leave_kernel/ia64_leave_syscall and a few others.'],
      ['reviewer-ifdef', 'the ifdef mess\nin the current patch is quite bad.'],
      ['akpm-symbols', 'The whole patchset exports 67 symbols to modules. How come?'],
      ['christoph-fake', 'What is proposed here is to make paravirt_ops a fake generic\nAPI and then tunnel through it to vendor specific kernel mods.'],
      ['rusty-it-doesnt', 'It doesn\'t. Paravirt_ops provides the hooks. KVM, lguest, VMI and Xen\nall need to implement what they want on top of them.'],
      ['andi-hypervisor-driver', 'It\'s not a direct interface to a hypervisor,\nbut an somewhat abstracted interface to a "hypervisor driver"'],
      ['zach-open-hypercode', 'There are no more binary blobs being used by paravirt-ops hypervisors.\nI prefer the term "open hypercode layer".'],
      ['hpa-issues', '"Let\'s add another hook" becomes a far too easy solution to new problems.'],
      ['konrad-diet', 'Somehow I thought the x86 team owned it. Time to step up\nand maintain this and put the paravirt interface on a diet!'],
    ]
    for (const [from, words] of ok)
      expect(quoteProblems(`<MailQuote from="${from}">\n${words}\n</MailQuote>`), from).toEqual([])
  })

  it('fails a quotation moved to another author of the same thread, at its line', () => {
    const moved: Array<[string, string]> = [
      ['eddie-tlb-miss', 'the Xen team went back and grabbed the code from Linux.'], // Dan's, quoted by Eddie
      ['dan-why-track', 'In general, why are you so determined to track Linux code?'], // Hollis's, quoted by Dan
      ['keith-combine', 'At this moment my preference is the option 2.'], // Isaku's, quoted by Keith
      ['eddie-abc', 'A combination of options (2) and (3) would work.'], // Keith's, quoted by Eddie
      ['isaku-options', 'A combination of options (2) and (3) would work.'], // Keith's own words, not quoted by him
      ['tristan-relative-jumps', 'Don\'t see why the linker script needs to change at all.'], // Keith's
      ['zach-direct', 'I thought the idea of paravirt was to\nhave an API that is generic?'], // Christoph's
      ['konrad-diet', '"Let\'s add another hook" becomes a far too easy solution to new problems.'], // hpa's
      ['dan-vcpu-t', 'The \'_state\' seems a bit superfluous.'], // Keir's, quoted by Dan
    ]
    for (const [from, words] of moved) {
      const problems = quoteProblems(`<MailQuote from="${from}">\n${words}\n</MailQuote>`)
      expect(problems.map(p => p.line), `${from}: ${words}`).toEqual([14])
      expect(problems[0]!.message).toMatch(/is not .*(own words|quoted in)/)
    }
  })

  it('fails words that are in no message of the named thread', () => {
    const p = quoteProblems('<MailQuote from="dan-why-track">\nIt doesn\'t. Paravirt_ops provides the hooks.\n</MailQuote>')
    expect(p.map(x => x.message)).toEqual([expect.stringMatching(/not found verbatim in thread "xen-ia64-presentation"/)])
  })
})
