import type { Thread } from './schema.ts'

/**
 * The five public mailing-list threads the talk quotes. Dates are UTC. The linux-ia64 archive
 * (hypermail) prints Australian local time (UTC+10 in June/July): its "2005-06-30 06:16" root
 * post is 2005-06-29 in UTC and the "2005-07-05 04:26" reply is 2005-07-04 (the reply's own
 * "Received on Mon Jul 4 14:27:43 2005", US Eastern, agrees).
 * Archive URLs only where a public copy was found; `unverified` names what no public source confirms.
 */
export const threads: Thread[] = [
  {
    id: 'xen-ia64-presentation',
    list: 'xen-devel',
    subject: 'Xen/ia64 presentation',
    first: '2005-04-27T17:25Z',
    last: '2005-04-28T20:11Z',
    text: '000_9c795dc5fff51785.txt',
  },
  {
    id: 'linux-ia64-virtualization',
    list: 'linux-ia64',
    subject: 'Xen and the Art of Linux/ia64 Virtualization',
    first: '2005-06-29',
    last: '2005-07-04',
    url: 'http://www.gelato.unsw.edu.au/archives/linux-ia64/0506/14462.html',
    text: '002_2dfe61792ffa10fa.txt',
  },
  {
    id: 'xen-paravirt-series',
    list: 'LKML',
    subject: '[patch 00/21] Xen-paravirt: Xen guest implementation for paravirt_ops interface',
    first: '2007-02-16T04:47Z',
    last: '2007-02-21T20:03Z',
    url: 'https://lists.linuxfoundation.org/pipermail/virtualization/2007-February/005797.html',
    urlOf: 'Zachary Amsden’s reply of 2007-02-16, cross-posted to the virtualization list',
    text: '003_3d7ceb37fe98e451.txt',
  },
  {
    id: 'ia64-ivt-options',
    // The archived copy (a SourceForge-style listing) shows neither the list's name nor a subject.
    list: 'ia64 mailing list',
    first: '2008-02-25T03:16Z',
    last: '2008-02-26T02:35Z',
    unverified: ['list'],
    text: '001_a6c4c53805c4b7e0.txt',
  },
  {
    id: 'paravirt-diet',
    list: 'xen-devel',
    subject: 'Is: paravirt docs and diet. Was:Re: [Lguest] lguest: unhandled trap 13 and CONFIG_MICROCODE_INTEL_EARLY',
    first: '2013-05-08',
    last: '2013-05-10',
    url: 'https://lists.ozlabs.org/pipermail/lguest/2013-May/002001.html',
    urlOf: 'the lguest report this thread grew out of (Paul Bolle, 2013-05-02)',
    text: '004_089216cd7f7f943c.txt',
  },
]
