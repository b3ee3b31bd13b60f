// useQuery runs a query whenever its variables change, keeping the newest
// answer: a request overtaken by a newer one is aborted, so a slow answer
// for an old date never overwrites the one for the date now chosen.
import { onScopeDispose, ref, shallowRef, watch } from 'vue'
import type { TypedDocumentString } from '@/gql/graphql'
import { request } from './client'
import { RequestError } from './errors'

export function useQuery<R, V>(document: TypedDocumentString<R, V>, variables: () => V | null) {
  const data = shallowRef<R>()
  const error = shallowRef<RequestError>()
  const loading = ref(false)
  let current: AbortController | undefined

  async function run() {
    const vars = variables()
    current?.abort()
    if (vars === null) return
    const controller = new AbortController()
    current = controller
    loading.value = true
    try {
      const result = await request(document, vars, controller.signal)
      if (controller.signal.aborted) return
      data.value = result
      error.value = undefined
    } catch (err) {
      if (controller.signal.aborted) return
      error.value = err instanceof RequestError ? err : new RequestError('network', [{ message: String(err), code: 'CLIENT' }])
    } finally {
      if (current === controller) loading.value = false
    }
  }

  watch(variables, run, { immediate: true, deep: true })
  onScopeDispose(() => current?.abort())
  return { data, error, loading, refetch: run }
}
