import type { SourceRecord } from '../schema.ts'

/**
 * Public records cited by the cover and chapters 1-3 (slides.md, pages/01-03).
 * Xen commits: xen-project/xen; dates are the commit dates in UTC. Converted from BitKeeper, each
 * commit's first line is "bitkeeper revision …"; `subject` holds the message line after it.
 * Linux archive pages (gelato.unsw.edu.au, hypermail) print Australian time (UTC+10); dates here
 * are UTC.
 */
export const records: SourceRecord[] = [
  {
    id: 'sosp-2003-xen',
    kind: 'paper',
    title: 'Xen and the Art of Virtualization',
    authors: 'Paul Barham, Boris Dragovic, Keir Fraser, Steven Hand, Tim Harris, Alex Ho, Rolf Neugebauer, Ian Pratt, Andrew Warfield',
    venue: '19th ACM Symposium on Operating Systems Principles (SOSP 2003), pp. 164-177',
    year: 2003,
    doi: '10.1145/945445.945462',
  },
  {
    id: 'xen-import-changeset',
    kind: 'commit',
    repo: 'xen-project/xen',
    hash: '4676bbf96d',
    date: '2002-11-20T12:02Z',
    subject: 'Import changeset',
    path: 'xen-2.4.16/README',
    url: 'https://github.com/xen-project/xen/commit/4676bbf96dc88e9a70607fa79b3c83febc5dc54b',
  },
  {
    id: 'vblades-vm04',
    kind: 'paper',
    title: 'vBlades: Optimized Paravirtualization for the Itanium Processor Family',
    authors: 'Daniel J. Magenheimer, Thomas W. Christian',
    venue: '3rd USENIX Virtual Machine Research and Technology Symposium (VM ’04)',
    year: 2004,
    url: 'https://www.usenix.org/legacy/publications/library/proceedings/vm04/tech/full_papers/magenheimer/magenheimer_html/index.html',
  },
  {
    id: 'xen-initial-ia64-checkin',
    kind: 'commit',
    repo: 'xen-project/xen',
    hash: 'dbb22d8262',
    date: '2004-11-22T22:57Z',
    subject: 'Initial ia64 checkin.',
    path: 'xen/arch/ia64/vcpu.c',
    url: 'https://github.com/xen-project/xen/commit/dbb22d8262fe729c320511e7b0201ed77626fe03',
  },
  {
    id: 'xen-mkbuildtree-april-2005',
    kind: 'commit',
    repo: 'xen-project/xen',
    hash: 'c7e81acf35',
    date: '2005-04-13T16:17Z',
    subject: 'mkbuildtree, Rules.mk, Makefile: minor makefile cleanups',
    path: 'xen/arch/ia64/tools/mkbuildtree',
    url: 'https://github.com/xen-project/xen/commit/c7e81acf3529e9ae69cd7ded657a0085c276f81e',
  },
  {
    id: 'xen-acpi-from-linux',
    kind: 'commit',
    repo: 'xen-project/xen',
    hash: 'cbb54a14c3',
    date: '2004-04-05T13:12Z',
    subject: 'Upgrade Xen APIC and ACPI and PCI subsystems to new features and fixes in latest Linux 2.4.',
    url: 'https://github.com/xen-project/xen/commit/cbb54a14c3ff96c6402e36143776633a24b9d4f0',
  },
  {
    id: 'xen-mtrr-from-linux',
    kind: 'commit',
    repo: 'xen-project/xen',
    hash: 'd053e60583',
    date: '2004-11-29T10:09Z',
    subject: 'Pull Linux MTRR driver into Xen',
    url: 'https://github.com/xen-project/xen/commit/d053e605831b1d58ab951db9347a83694581338f',
  },
  {
    id: 'xen-cpu-setup-from-linux',
    kind: 'commit',
    repo: 'xen-project/xen',
    hash: '1aa6feb63b',
    date: '2005-05-26T15:35Z',
    subject: 'Port CPU setup code from Linux 2.6.',
    url: 'https://github.com/xen-project/xen/commit/1aa6feb63bfd6dc85d7838e21010b96cb7194a23',
  },
  {
    id: 'xen-vcpu-rename',
    kind: 'commit',
    repo: 'xen-project/xen',
    hash: 'dc33311d82',
    date: '2005-06-02T21:05Z',
    subject: 'The last annoying rename: struct exec_domain *ed -> struct vcpu *v',
    url: 'https://github.com/xen-project/xen/commit/dc33311d827818f8c893b88d89bf015327c79a42',
  },
  {
    id: 'linux-ia64-hooks-patch',
    kind: 'page',
    title: 'virtualization hooks patch for ia64 2.6.15 (Dan Magenheimer, linux-ia64)',
    publisher: 'linux-ia64 archive, gelato.unsw.edu.au',
    date: '2005-10-28',
    url: 'http://www.gelato.unsw.edu.au/archives/linux-ia64/0510/15727.html',
  },
  {
    id: 'linux-2.6.23',
    kind: 'release',
    project: 'Linux',
    version: '2.6.23',
    tag: 'v2.6.23',
  },
  {
    id: 'linux-2.6.28',
    kind: 'release',
    project: 'Linux',
    version: '2.6.28',
    tag: 'v2.6.28',
  },
  {
    id: 'linux-2.6.28-xen-kconfig',
    kind: 'file',
    project: 'Linux',
    path: 'arch/ia64/xen/Kconfig',
    at: '2.6.28',
  },
]
