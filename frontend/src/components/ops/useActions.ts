// useActions is the open operation of a record page (ActionsCard): the one
// the URL names (useActionRoute), shown only while the viewer may change the
// record; closing its dialog drops it from the URL, and one done closes it
// and tells the page to read the record again.
import { computed } from 'vue'
import { useActionRoute } from './useActionRoute'

export function useActions<A extends string>(names: readonly A[], allowed: () => boolean, onDone: () => void) {
  const { current, prefill, open, close } = useActionRoute(names)
  const shown = computed(() => (allowed() ? current.value : undefined))
  const visible = computed({
    get: () => !!shown.value,
    set: (v) => {
      if (!v) close()
    },
  })
  return {
    shown,
    visible,
    prefill,
    open,
    done() {
      close()
      onDone()
    },
  }
}
