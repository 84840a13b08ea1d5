// @vitest-environment happy-dom
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import ClaimCheck from '../../components/ClaimCheck.vue'

vi.mock('../../sources/records/story1', () => ({
  records: [{ id: 'xen-import-changeset', kind: 'commit', repo: 'xen-project/xen', hash: '4676bbf96d', date: '2002-11-20T12:02Z', subject: 'Import changeset' }],
}))

const props = {
  claim: 'Xen was originally derived from Linux 2.4.7-ish',
  by: 'dan-why-track',
  record: 'The earliest public Xen tree (2002) is xen-2.4.16',
  refs: 'xen-import-changeset',
  verdict: 'contradicted' as const,
}

afterEach(() => { vi.unstubAllEnvs() })

describe('ClaimCheck', () => {
  it('shows the claim, who made it (from the registry), the record and its source', () => {
    const text = mount(ClaimCheck, { props }).text()
    for (const part of [props.claim, 'Dan Magenheimer, xen-devel, 2005-04-27 17:25 UTC', props.record, 'xen-project/xen 4676bbf96d (2002-11-20)'])
      expect(text).toContain(part)
  })

  it('takes plain text for `by`', () => {
    const text = mount(ClaimCheck, { props: { ...props, by: 'The OLS 2005 programme' } }).text()
    expect(text).toContain('— The OLS 2005 programme')
  })

  it('an unknown id in `by` or `refs` throws in dev, and shows a visible error in a build', () => {
    const bad = { ...props, by: 'dan-nobody', refs: 'xen-import-changeset no-such-commit' }
    expect(() => mount(ClaimCheck, { props: bad })).toThrow(/dan-nobody/)
    vi.stubEnv('DEV', false)
    expect(mount(ClaimCheck, { props: bad }).find('.source-error').text()).toContain('“dan-nobody”, “no-such-commit”')
  })

  it('spells the verdict out in words, not only in colour', () => {
    const cases = [
      ['confirmed', 'Confirmed'],
      ['contradicted', 'Contradicted'],
      ['unverified', 'Unverified'],
      ['conflict', 'Sources conflict'],
    ] as const
    for (const [verdict, label] of cases) {
      const wrapper = mount(ClaimCheck, { props: { ...props, verdict } })
      expect(wrapper.find('.claim-check__verdict').text()).toContain(label)
      expect(wrapper.classes()).toContain(`claim-check--${verdict}`)
    }
  })

  it('takes a custom verdict wording and leaves the source out when none is given', () => {
    const { refs: _refs, ...rest } = props
    const wrapper = mount(ClaimCheck, { props: { ...rest, label: 'Not applied' } })
    expect(wrapper.find('.claim-check__verdict').text()).toContain('Not applied')
    expect(wrapper.find('.claim-check__verdict').text()).not.toContain('Contradicted')
    expect(wrapper.find('.claim-check__source').exists()).toBe(false)
  })

  it('colours through the deck variables so it reads in light and dark mode', () => {
    const sfc = readFileSync(resolve(process.cwd(), 'components/ClaimCheck.vue'), 'utf8')
    for (const v of ['--deck-card', '--deck-card-border', '--deck-fg', '--deck-muted', '--deck-accent', '--deck-accent-2'])
      expect(sfc).toContain(`var(${v})`)
    expect(sfc).not.toMatch(/#[0-9a-f]{3,6}\b/i)
  })
})
