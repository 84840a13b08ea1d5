// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import References from '../../components/References.vue'

// What the deck cites (setup/cited-sources.ts computes it from the markdown at build time).
vi.mock('virtual:cited-sources', () => ({
  cited: ['keith-combine', 'zach-direct', 'christoph-fake', 'xen-import-changeset', 'linux-2.6.23', 'sosp-2003-xen', 'dan-why-track'],
}))
vi.mock('../../sources/records/story1', () => ({
  records: [
    { id: 'xen-import-changeset', kind: 'commit', repo: 'xen-project/xen', hash: '4676bbf96d', date: '2002-11-20T12:02Z', subject: 'Import changeset' },
    { id: 'sosp-2003-xen', kind: 'paper', title: 'Xen and the Art of Virtualization', authors: 'Barham et al.', venue: 'SOSP', year: 2003, doi: '10.1145/945445.945462' },
    { id: 'not-cited', kind: 'release', project: 'Xen', version: '4.2.0' },
  ],
}))
vi.mock('../../sources/records/story2', () => ({
  records: [{ id: 'linux-2.6.23', kind: 'release', project: 'Linux', version: '2.6.23' }],
}))

describe('References', () => {
  const wrapper = mount(References)
  const text = wrapper.text()

  it('lists each cited thread once (through its messages), oldest first, with brackets intact', () => {
    const items = wrapper.findAll('section')[0]!.findAll('li').map(li => li.text())
    expect(items).toHaveLength(3)
    expect(items[0]).toMatch(/^xen-devel, “Xen\/ia64 presentation”, 2005-04-27 to 2005-04-28/)
    expect(items[0]).toContain('archive link not known')
    expect(items[1]).toContain('“[patch 00/21] Xen-paravirt: Xen guest implementation for paravirt_ops interface”')
    expect(items[1]).toContain('lists.linuxfoundation.org/pipermail/virtualization/2007-February/005797')
    expect(items[2]).toContain('ia64 mailing list (list name unverified), subject not shown in the archived copy, 2008-02-25 to 2008-02-26')
  })

  it('groups records: code history, releases and trees, papers and pages; only what is cited', () => {
    expect(wrapper.findAll('h3').map(h => h.text())).toEqual(['Mailing-list threads', 'Code history', 'Releases and trees', 'Papers and pages'])
    expect(text).toContain('xen-project/xen 4676bbf96d (2002-11-20) “Import changeset”')
    expect(text).toContain('Linux 2.6.23')
    expect(text).toContain('Barham et al., “Xen and the Art of Virtualization”, SOSP 2003')
    expect(text).toContain('doi.org/10.1145/945445.945462')
    expect(text).not.toContain('4.2.0')
  })

  it('links a commit by its hash rather than spelling out the address', () => {
    const a = wrapper.findAll('a').find(a => a.text() === 'xen-project/xen 4676bbf96d')
    expect(a?.attributes('href')).toBe('https://github.com/xen-project/xen/commit/4676bbf96d')
    expect(text).not.toContain('github.com/xen-project')
  })

  it('shows only the groups asked for, so the list can run over two slides', () => {
    const part = mount(References, { props: { show: 'code papers' } })
    expect(part.findAll('h3').map(h => h.text())).toEqual(['Code history', 'Papers and pages'])
    expect(part.text()).not.toContain('xen-devel')
  })

  it('marks every entry as a caption for the size checks', () => {
    expect(wrapper.findAll('li').every(li => li.attributes('data-role') === 'caption')).toBe(true)
  })
})
