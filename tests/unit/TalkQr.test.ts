// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { encode } from 'uqr'
import { describe, expect, it } from 'vitest'
import TalkQr from '../../components/TalkQr.vue'

describe('TalkQr', () => {
  it('draws the QR code of the address and spells it out', () => {
    const wrapper = mount(TalkQr, { props: { url: 'https://talks.example.net/xen-ia64/' } })
    const svg = wrapper.find('.talk-qr__code svg')
    expect(svg.exists()).toBe(true)
    // One dark square per set module: the drawing is the code of this very URL.
    const { data } = encode('https://talks.example.net/xen-ia64/', { border: 2, ecc: 'M' })
    const dark = data.flat().filter(Boolean).length
    expect(dark).toBeGreaterThan(100)
    expect(svg.find('path').attributes('d')?.match(/M\d+,\d+h10v10h-10z/g)?.length).toBe(dark)
    expect(wrapper.find('[data-role="caption"]').text()).toBe('talks.example.net/xen-ia64')
    expect(wrapper.find('a').attributes('href')).toBe('https://talks.example.net/xen-ia64/')
  })

  it('says what to set when there is no address (no talk.url in the headmatter)', () => {
    const wrapper = mount(TalkQr)
    expect(wrapper.find('svg').exists()).toBe(false)
    expect(wrapper.text()).toContain('talk.url')
  })
})
