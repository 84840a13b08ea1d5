// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { expect, it } from 'vitest'
import SourceNote from '../../components/SourceNote.vue'

it('prefixes the citation with "Source:"', () => {
  const wrapper = mount(SourceNote, { props: { text: 'xen git dbb22d8262 (2004-11-22)' } })
  expect(wrapper.text()).toBe('Source: xen git dbb22d8262 (2004-11-22)')
})
