// @vitest-environment happy-dom
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ClaimCheck from '../../components/ClaimCheck.vue'

const props = {
  claim: 'Xen was originally derived from Linux 2.4.7-ish',
  by: 'Dan Magenheimer, xen-devel, 2005-04-27',
  record: 'The earliest public Xen tree (2002) is xen-2.4.16',
  source: 'xen git 259b78a29b',
  verdict: 'contradicted' as const,
}

describe('ClaimCheck', () => {
  it('shows the claim, who made it, the record and its source', () => {
    const text = mount(ClaimCheck, { props }).text()
    for (const part of [props.claim, props.by, props.record, props.source])
      expect(text).toContain(part)
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
    const { source: _source, ...rest } = props
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
