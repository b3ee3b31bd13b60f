// useActionRoute keeps which operation of a record page is open in the URL
// (?action=NAME plus its prefill parameters, lib/actions.ts), so that a link
// opens it filled in and Back closes it.
import { computed } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { actionParamNames } from '@/lib/actions'
import { first } from '@/state/query'

/** Prefill is the prefill parameters of the URL, by name. */
export type Prefill = Partial<Record<(typeof actionParamNames)[number], string>>

export function useActionRoute<A extends string>(names: readonly A[], keep: readonly string[] = []) {
  const route = useRoute()
  const router = useRouter()
  const current = computed(() => {
    const a = first(route.query.action)
    return a && (names as readonly string[]).includes(a) ? (a as A) : undefined
  })
  const prefill = computed<Prefill>(() =>
    Object.fromEntries(actionParamNames.filter((n) => n !== 'action' && !keep.includes(n)).map((n) => [n, first(route.query[n])])),
  )
  return {
    current,
    prefill,
    /** open opens an action (without prefill). */
    open(action: A) {
      void router.push({ query: { ...route.query, action } })
    },
    /** close closes the open action and drops its prefill from the URL. */
    close() {
      const query = { ...route.query }
      for (const n of actionParamNames) if (!keep.includes(n)) delete query[n]
      void router.replace({ query })
    },
  }
}
