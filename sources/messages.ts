import type { Message } from './schema.ts'

/**
 * The messages the talk quotes, in thread order (lint fails on one that no slide cites, so
 * this is exactly what the deck uses). `author` is the sender (who wrote the words);
 * `quotedIn` names the message through which the words reached the archived thread when the
 * original is not in it. `textAt` tells lint where the message starts in the thread text.
 * Affiliations only where the message or a public record of the time establishes them.
 */
export const messages: Message[] = [
  // xen-devel, April 2005 (lore.kernel.org copy; times UTC as lore prints them)
  {
    id: 'hollis-questions',
    thread: 'xen-ia64-presentation',
    author: 'Hollis Blanchard',
    affiliation: 'IBM',
    date: '2005-04-27',
    dateNote: 'sent to Dan directly; its header, quoted by Dan, says 6:59 AM, zone not shown',
    quotedIn: 'dan-why-track',
  },
  {
    id: 'dan-why-track',
    thread: 'xen-ia64-presentation',
    author: 'Dan Magenheimer',
    affiliation: 'HP Labs',
    date: '2005-04-27T17:25Z',
    textAt: '2005-04-27 17:25',
  },
  {
    // Dan quotes these words with no header; his reply is addressed to Keir Fraser.
    id: 'keir-struct-vcpu',
    thread: 'xen-ia64-presentation',
    author: 'Keir Fraser',
    date: '2005-04-28',
    dateNote: 'quoted by Dan, replying to Keir, without its time',
    quotedIn: 'dan-vcpu-t',
    quotedNote: 'replying to Keir',
  },
  {
    id: 'dan-vcpu-t',
    thread: 'xen-ia64-presentation',
    author: 'Dan Magenheimer',
    affiliation: 'HP Labs',
    date: '2005-04-28T19:05Z',
    textAt: '2005-04-28 19:05',
  },

  // linux-ia64, June-July 2005 (hypermail archive; its times are Australian, converted to UTC)
  {
    id: 'reviewer-ifdef',
    thread: 'linux-ia64-virtualization',
    author: 'a linux-ia64 reviewer',
    // Undated: written after the root post (2005-06-29) and before Dan's reply (2005-07-04).
    date: '2005-06-29 to 2005-07-04',
    dateNote: 'the review is known only as quoted in Dan’s reply; the reviewer’s name is not shown',
    quotedIn: 'dan-ia64-reply',
  },
  {
    id: 'dan-ia64-reply',
    thread: 'linux-ia64-virtualization',
    author: 'Dan Magenheimer',
    affiliation: 'HP Labs',
    date: '2005-07-04',
    textAt: '2005-07-05 04:26:32',
  },

  // LKML, February 2007 (the listing's times are UTC)
  { id: 'christoph-generic', thread: 'xen-paravirt-series', author: 'Christoph Lameter', affiliation: 'SGI', date: '2007-02-16T20:49Z', textAt: '2007-02-16 20:49:48' },
  { id: 'zach-direct', thread: 'xen-paravirt-series', author: 'Zachary Amsden', affiliation: 'VMware', date: '2007-02-16T21:04Z', textAt: '2007-02-16 21:04:54' },
  { id: 'rusty-it-doesnt', thread: 'xen-paravirt-series', author: 'Rusty Russell', affiliation: 'IBM', date: '2007-02-17T04:59Z', textAt: '2007-02-17 04:59:24' },
  { id: 'andi-hypervisor-driver', thread: 'xen-paravirt-series', author: 'Andi Kleen', affiliation: 'SUSE', date: '2007-02-17T13:51Z', textAt: '2007-02-17 13:51:16' },

  // ia64 list, February 2008 (the listing's times are UTC: a quoted "13:54:48 +0100" is listed 12:54:50)
  {
    id: 'isaku-options',
    thread: 'ia64-ivt-options',
    author: 'Isaku Yamahata',
    affiliation: 'VA Linux Systems Japan',
    date: '2008-02-25T03:16Z',
    quotedIn: 'keith-combine',
  },
  { id: 'keith-combine', thread: 'ia64-ivt-options', author: 'Keith Owens', date: '2008-02-25T04:27Z', textAt: '2008-02-25 04:27:58' },
  { id: 'tristan-relative-jumps', thread: 'ia64-ivt-options', author: 'Tristan Gingold', date: '2008-02-25T15:04Z', textAt: '2008-02-25 15:04:41' },
  { id: 'eddie-abc', thread: 'ia64-ivt-options', author: 'Eddie Dong', affiliation: 'Intel', date: '2008-02-25T18:48Z', textAt: '2008-02-25 18:48:07' },
  { id: 'keith-trickier', thread: 'ia64-ivt-options', author: 'Keith Owens', date: '2008-02-26T02:35Z', textAt: '2008-02-26 02:35:49' },

  // xen-devel, May 2013 (lists.xenproject.org copy: one message, Konrad's, quoting hpa)
  {
    id: 'hpa-issues',
    thread: 'paravirt-diet',
    author: 'H. Peter Anvin',
    date: '2013-05-08T18:07Z',
    quotedIn: 'konrad-diet',
  },
  {
    id: 'konrad-diet',
    thread: 'paravirt-diet',
    author: 'Konrad Rzeszutek Wilk',
    affiliation: 'Oracle',
    date: '2013-05-10',
    dateNote: 'the archived copy shows no date; the MAINTAINERS patch it carries is dated 2013-05-10 14:41 UTC',
    textAt: 'whole',
  },
]
