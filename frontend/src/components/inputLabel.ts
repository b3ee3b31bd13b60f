// v-input-label names the text inputs inside an element that wraps an
// Element Plus picker (the cascader). Its input loses its placeholder once a
// value is chosen and it does not pass aria-label down, which leaves a
// screen reader with an unnamed field. Put it on a wrapping element: the
// picker renders several roots, and redraws its input on its own.
import type { Directive } from 'vue'

const observers = new WeakMap<HTMLElement, MutationObserver>()

function apply(el: HTMLElement, label: string) {
  for (const input of el.querySelectorAll('input')) {
    if (input.getAttribute('aria-label') !== label) input.setAttribute('aria-label', label)
  }
}

export const vInputLabel: Directive<HTMLElement, string> = {
  mounted(el, binding) {
    apply(el, binding.value)
    const observer = new MutationObserver(() => apply(el, el.dataset.inputLabel ?? binding.value))
    observer.observe(el, { childList: true, subtree: true })
    observers.set(el, observer)
    el.dataset.inputLabel = binding.value
  },
  updated(el, binding) {
    el.dataset.inputLabel = binding.value
    apply(el, binding.value)
  },
  unmounted(el) {
    observers.get(el)?.disconnect()
  },
}
