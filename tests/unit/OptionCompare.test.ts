// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import OptionCompare from '../../components/OptionCompare.vue'
import type { CompareOption } from '../../components/OptionCompare.vue'

const options: CompareOption[] = [
  { id: 'A', title: 'In place', how: 'movl clob1=XSI_IFA;; ld8 regr=[clob1]', pros: ['no call'], cons: ['no ops table'] },
  { id: 'B', title: 'Direct jump', how: 'br.sptk.many xen_read_ifa', pros: ['less inline code'], cons: ['fixed clobbers'] },
  { id: 'C', title: 'Indirect call', cons: ['more clobbers', 'IVT changes'] },
]

describe('OptionCompare', () => {
  it('renders every option with id, title, how, pros and cons', () => {
    const w = mount(OptionCompare, { props: { options } })
    const items = w.findAll('li.oc-option')
    expect(items).toHaveLength(3)
    expect(items.map(i => i.find('.oc-id').text())).toEqual(['A', 'B', 'C'])
    expect(items.map(i => i.find('.oc-title').text())).toEqual(['In place', 'Direct jump', 'Indirect call'])
    expect(items[0]!.find('.oc-how').text()).toBe('movl clob1=XSI_IFA;; ld8 regr=[clob1]')
    expect(items[0]!.find('.oc-list--pros').text()).toContain('no call')
    expect(items[2]!.findAll('.oc-list--cons li')).toHaveLength(2)
    // C has neither `how` nor pros: nothing empty is rendered.
    expect(items[2]!.find('.oc-how').exists()).toBe(false)
    expect(items[2]!.find('.oc-list--pros').exists()).toBe(false)
    // Pros and cons carry text labels for screen readers, not colour alone.
    expect(items[1]!.find('.oc-list--pros').attributes('aria-label')).toBe('Pros')
    expect(items[1]!.find('.oc-list--cons').text()).toContain('Con:')
    // One column per option.
    expect(w.find('ul.option-compare').attributes('style')).toContain('repeat(3')
  })

  it('marks the chosen option with a text badge and aria-current', () => {
    const w = mount(OptionCompare, { props: { options, chosen: 'B', chosenLabel: 'Merged' } })
    const chosen = w.findAll('li.oc-option--chosen')
    expect(chosen).toHaveLength(1)
    expect(chosen[0]!.attributes('data-option')).toBe('B')
    expect(chosen[0]!.attributes('aria-current')).toBe('true')
    expect(chosen[0]!.find('.oc-badge').text()).toContain('Merged')
    expect(w.findAll('.oc-badge')).toHaveLength(1)
  })

  it('uses a default badge label', () => {
    const w = mount(OptionCompare, { props: { options, chosen: 'A' } })
    expect(w.find('.oc-badge').text()).toContain('Chosen')
  })

  it('marks nothing when no option (or an unknown id) is chosen', () => {
    for (const chosen of [undefined, 'Z']) {
      const w = mount(OptionCompare, { props: { options, chosen } })
      expect(w.findAll('li.oc-option')).toHaveLength(3)
      expect(w.find('.oc-option--chosen').exists()).toBe(false)
      expect(w.find('.oc-badge').exists()).toBe(false)
      expect(w.find('[aria-current]').exists()).toBe(false)
    }
  })

  it('has an accessible name for the list', () => {
    const w = mount(OptionCompare, { props: { options, label: 'Sub-alternatives of option 2' } })
    expect(w.find('ul.option-compare').attributes('aria-label')).toBe('Sub-alternatives of option 2')
  })
})
