// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import SourceNote from '../../components/SourceNote.vue'

// The writers own the record files; the test brings its own records.
vi.mock('../../sources/records/story1', () => ({
  records: [
    { id: 'xen-import-changeset', kind: 'commit', repo: 'xen-project/xen', hash: '4676bbf96d', date: '2002-11-20T12:02Z', subject: 'Import changeset' },
    { id: 'sosp-2003-xen', kind: 'paper', title: 'Xen and the Art of Virtualization', authors: 'Barham et al.', venue: 'SOSP', year: 2003, doi: '10.1145/945445.945462' },
  ],
}))
vi.mock('../../sources/records/story2', () => ({
  records: [{ id: 'linux-2.6.23', kind: 'release', project: 'Linux', version: '2.6.23' }],
}))

afterEach(() => { vi.unstubAllEnvs() })

describe('SourceNote', () => {
  it('renders each record in public terms, as a caption', () => {
    const wrapper = mount(SourceNote, { props: { refs: 'xen-import-changeset linux-2.6.23 sosp-2003-xen' } })
    const p = wrapper.find('[data-role="caption"]')
    expect(p.text()).toContain('xen-project/xen 4676bbf96d (2002-11-20)')
    expect(p.text()).toContain('Linux 2.6.23')
    expect(p.text()).toContain('“Xen and the Art of Virtualization”, SOSP 2003')
    expect(wrapper.findAll('a').map(a => a.attributes('href'))).toEqual([
      'https://github.com/xen-project/xen/commit/4676bbf96d',
      'https://doi.org/10.1145/945445.945462',
    ])
  })

  it('cites threads and messages too', () => {
    const text = mount(SourceNote, { props: { refs: 'linux-ia64-virtualization dan-why-track' } }).text()
    expect(text).toContain('linux-ia64, “Xen and the Art of Linux/ia64 Virtualization”, 2005-06-29 to 2005-07-04')
    expect(text).toContain('Dan Magenheimer, xen-devel, 2005-04-27 17:25 UTC')
  })

  it('an unknown id throws in dev, and shows a visible error in a build', () => {
    expect(() => mount(SourceNote, { props: { refs: 'linux-2.6.23 linux-9.9' } })).toThrow(/linux-9\.9/)
    vi.stubEnv('DEV', false)
    const wrapper = mount(SourceNote, { props: { refs: 'linux-2.6.23 linux-9.9' } })
    expect(wrapper.text()).toContain('Linux 2.6.23')
    expect(wrapper.text()).toContain('Unknown source id “linux-9.9”')
  })
})
