// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import MailQuote from '../../components/MailQuote.vue'

const props = {
  author: 'Dan Magenheimer (HP Labs)',
  list: 'xen-devel',
  date: '2005-04-27',
  subject: 'RE: Xen/ia64 presentation',
}

describe('MailQuote', () => {
  it('shows the quotation and every part of the attribution', () => {
    const wrapper = mount(MailQuote, { props, slots: { default: 'why are you so determined to track Linux code?' } })
    expect(wrapper.find('blockquote').text()).toBe('why are you so determined to track Linux code?')
    const cite = wrapper.find('figcaption').text()
    for (const part of Object.values(props))
      expect(cite).toContain(part)
  })

  it('links the subject only when an archive link is given', () => {
    const withoutLink = mount(MailQuote, { props, slots: { default: 'x' } })
    expect(withoutLink.find('a').exists()).toBe(false)
    const href = 'http://www.gelato.unsw.edu.au/archives/linux-ia64/0506/14462.html'
    const withLink = mount(MailQuote, { props: { ...props, href }, slots: { default: 'x' } })
    expect(withLink.find('a').attributes('href')).toBe(href)
    expect(withLink.find('a').text()).toContain(props.subject)
  })

  it('says how a quote reached the thread, and offers a smaller size for long quotes', () => {
    const wrapper = mount(MailQuote, { props: { ...props, via: 'quoted by Keith Owens', size: 'small' }, slots: { default: 'x' } })
    expect(wrapper.find('figcaption').text()).toContain('(quoted by Keith Owens)')
    expect(wrapper.classes()).toContain('mail-quote--small')
  })
})

it('says so when the archived copy of a thread has no subject', () => {
  const { subject: _, ...noSubject } = props
  const wrapper = mount(MailQuote, { props: noSubject, slots: { default: 'x' } })
  expect(wrapper.find('figcaption').text()).toContain('subject not in the archived copy')
  expect(wrapper.find('figcaption').text()).not.toContain('“')
})
