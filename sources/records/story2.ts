/**
 * Public records cited by chapters 4-7 (pages/04-paravirt-ops.md to pages/07-epilogue.md).
 * Version windows ("present in X, absent in Y") are shown as files in a release's tree.
 */
import type { SourceRecord } from '../schema.ts'

export const records: SourceRecord[] = [
  // Chapter 4: paravirt_ops on x86, 2007
  {
    id: 'linux-paravirt-ops-header',
    kind: 'commit',
    repo: 'torvalds/linux',
    hash: 'd3561b7fa0',
    date: '2006-12-07',
    subject: '[PATCH] paravirt: header and stubs for paravirtualisation',
  },
  {
    id: 'linux-kvm-userspace',
    kind: 'commit',
    repo: 'torvalds/linux',
    hash: '6aa8b732ca',
    date: '2006-12-10',
    subject: '[PATCH] kvm: userspace interface',
  },
  {
    id: 'linux-vmi-backend',
    kind: 'commit',
    repo: 'torvalds/linux',
    hash: '7ce0bcfd16',
    date: '2007-02-13',
    subject: '[PATCH] i386: vMI backend for paravirt-ops',
  },
  { id: 'linux-2.6.20', kind: 'release', project: 'Linux', version: '2.6.20', tag: 'v2.6.20', date: '2007-02-04' },
  { id: 'linux-i386-xen-2.6.23', kind: 'file', project: 'Linux', path: 'arch/i386/xen/', at: '2.6.23.17 (absent in 2.6.22.19)' },
  { id: 'linux-lguest-2.6.23', kind: 'file', project: 'Linux', path: 'drivers/lguest/', at: '2.6.23.17 (absent in 2.6.22.19)' },

  // Chapter 5: the ia64 IVT, 2008
  { id: 'linux-ia64-paravirt-doc', kind: 'file', project: 'Linux', path: 'Documentation/ia64/paravirt_ops.txt', at: '2.6.27 (absent in 2.6.26)' },
  { id: 'linux-ia64-xen-makefile', kind: 'file', project: 'Linux', path: 'arch/ia64/xen/Makefile', at: '2.6.28 (absent in 2.6.27)' },
  { id: 'linux-ia64-xensetup', kind: 'file', project: 'Linux', path: 'arch/ia64/xen/xensetup.S', at: '2.6.28' },
  { id: 'linux-ia64-paravirt-patch', kind: 'file', project: 'Linux', path: 'arch/ia64/kernel/paravirt_patch.c', at: '2.6.30 (absent in 2.6.29)' },
  {
    id: 'yamahata-xen-summit-2008',
    kind: 'page',
    title: 'paravirt_ops/IA64 status update (Isaku Yamahata, Xen Summit Japan 2008)',
    publisher: 'SlideShare',
    date: '2008',
    url: 'http://www.slideshare.net/xen_com_mgr/xs-japan-2008-ia64-status-english',
  },

  // Chapter 6: the 2013 diet, checked against later trees
  { id: 'linux-paravirt-types-3.13', kind: 'file', project: 'Linux', path: 'arch/x86/include/asm/paravirt_types.h', at: '3.13.0' },
  { id: 'linux-paravirt-types-3.14', kind: 'file', project: 'Linux', path: 'arch/x86/include/asm/paravirt_types.h', at: '3.14.1' },
  { id: 'linux-paravirt-types-4.13', kind: 'file', project: 'Linux', path: 'arch/x86/include/asm/paravirt_types.h', at: '4.13.4' },
  { id: 'linux-paravirt-doc-4.13', kind: 'file', project: 'Linux', path: 'Documentation/virtual/paravirt_ops.txt', at: '4.13.4 (absent in 3.14.1)' },
  { id: 'linux-maintainers-4.14', kind: 'file', project: 'Linux', path: 'MAINTAINERS (PARAVIRT_OPS INTERFACE)', at: '4.14.5 (unchanged from 3.13.0 to 4.13.4)' },

  // Chapter 7: endings
  {
    id: 'xen-remove-ia64',
    kind: 'commit',
    repo: 'xen-project/xen',
    hash: '570c311ca2',
    date: '2012-04-03',
    subject: 'remove ia64',
  },
  { id: 'xen-ia64-linux-xen-origin', kind: 'file', project: 'Xen', path: 'xen/arch/ia64/linux-xen/README.origin', at: 'tree just before “remove ia64” (2012-04-03)' },
  { id: 'xen-ia64-linux-origin', kind: 'file', project: 'Xen', path: 'xen/arch/ia64/linux/README.origin', at: 'tree just before “remove ia64” (2012-04-03)' },
  { id: 'xen-4.1.0', kind: 'release', project: 'Xen', version: '4.1.0', tag: 'RELEASE-4.1.0', date: '2011-03-25' },
  { id: 'xen-4.2.0', kind: 'release', project: 'Xen', version: '4.2.0', tag: 'RELEASE-4.2.0', date: '2012-09-17' },
  {
    id: 'xen-wiki-release-features',
    kind: 'page',
    title: 'Archived/Xen Project Release Features 4.0 to 4.3',
    publisher: 'Xen Project wiki',
    url: 'https://wiki.xenproject.org/wiki/Archived/Xen_Project_Release_Features_4.0_to_4.3',
  },
  { id: 'linux-ia64-xen-3.13', kind: 'file', project: 'Linux', path: 'arch/ia64/xen/', at: '3.13.0 (absent in 3.14.1)' },
  { id: 'linux-3.14', kind: 'release', project: 'Linux', version: '3.14', tag: 'v3.14' },
  { id: 'linux-6.7', kind: 'release', project: 'Linux', version: '6.7', tag: 'v6.7' },
  {
    id: 'phoronix-ia64-removed',
    kind: 'page',
    title: 'Intel Itanium IA-64 Support Removed With The Linux 6.7 Kernel',
    publisher: 'Phoronix',
    url: 'https://phoronix.com/news/Intel-IA-64-Removed-Linux-6.7',
  },

  // The claims slide (ch. 7) checks two claims from chapter 2 against the early trees
  // (it also cites story1's xen-import-changeset; the comparison slide cites story1's
  // xen-mkbuildtree-april-2005 and linux-2.6.28-xen-kconfig)
  { id: 'xen-ia64-patch-linux-2.6.7', kind: 'file', project: 'Xen', path: 'xen/arch/ia64/patch/linux-2.6.7/', at: 'tree of 2005-02-14 (d1610c4d97, “Major ia64 update -- now boots dom0.”)' },
]
