// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import MailQuote from '../../components/MailQuote.vue'

afterEach(() => { vi.unstubAllEnvs() })

describe('MailQuote', () => {
  it('renders author, affiliation, list and date from the registry; words carry data-role="quote"', () => {
    const wrapper = mount(MailQuote, { props: { from: 'dan-why-track' }, slots: { default: 'why are you so determined to track Linux code?' } })
    expect(wrapper.find('[data-role="quote"]').text()).toBe('why are you so determined to track Linux code?')
    const cite = wrapper.find('[data-role="caption"]').text()
    for (const part of ['Dan Magenheimer (HP Labs)', 'xen-devel', '2005-04-27 17:25 UTC'])
      expect(cite).toContain(part)
    expect(cite).not.toContain('quoted by')
    // No subject in the short caption (it is on the references slide).
    expect(cite).not.toContain('Xen/ia64 presentation')
  })

  it('says "quoted by" when the words reached the thread through another message', () => {
    const cite = mount(MailQuote, { props: { from: 'hollis-questions' }, slots: { default: 'x' } }).find('figcaption').text()
    expect(cite).toContain('Hollis Blanchard (IBM)')
    expect(cite).toContain('quoted by Dan Magenheimer')
    expect(cite).toContain('2005-04-27')
  })

  it('links the list to the archive where the registry has a URL, and says what it points at', () => {
    const a = mount(MailQuote, { props: { from: 'dan-ia64-reply' }, slots: { default: 'x' } }).find('a')
    expect(a.attributes('href')).toBe('http://www.gelato.unsw.edu.au/archives/linux-ia64/0506/14462.html')
    expect(mount(MailQuote, { props: { from: 'dan-why-track' }, slots: { default: 'x' } }).find('a').exists()).toBe(false)
    const z = mount(MailQuote, { props: { from: 'zach-direct' }, slots: { default: 'x' } }).find('a')
    expect(z.attributes('title')).toMatch(/Zachary Amsden/)
  })

  it('flags an unverified list name and keeps the smaller size', () => {
    const wrapper = mount(MailQuote, { props: { from: 'keith-combine', size: 'small' }, slots: { default: 'x' } })
    expect(wrapper.find('figcaption').text()).toContain('(name unverified)')
    expect(wrapper.classes()).toContain('mail-quote--small')
  })

  it('an unknown id throws in dev, and shows a visible error on the slide in a build', () => {
    expect(() => mount(MailQuote, { props: { from: 'no-such-message' }, slots: { default: 'x' } })).toThrow(/no-such-message/)
    vi.stubEnv('DEV', false)
    const wrapper = mount(MailQuote, { props: { from: 'no-such-message' }, slots: { default: 'x' } })
    expect(wrapper.find('[data-role="caption"]').text()).toContain('Unknown source message “no-such-message”')
  })
})
