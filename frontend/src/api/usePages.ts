// usePages reads a Relay connection a numbered page at a time: page p of
// size n starts after the cursor of item p·n − 1. The API pages by cursor
// only, so the cursor of a page's start is found by walking the list's
// cursors (a light query: cursors only, up to the largest page at a time)
// and remembered per list, so that going back or on is one request.
import { computed, ref, shallowRef, watch } from 'vue'
import type { TypedDocumentString } from '@/gql/graphql'
import { request } from './client'
import { RequestError } from './errors'
import { useQuery } from './useQuery'

interface PageVars {
  first?: number | null
  after?: string | null
}

/** Cursors is the shape of a cursor-only answer: a connection's edges' cursors. */
export interface Cursors {
  edges?: ({ cursor: string } | null)[] | null
  pageInfo: { hasNextPage: boolean; endCursor?: string | null }
}

/** largestPage is the most items the API gives in one page (graph/relay.go MaxPageSize). */
const largestPage = 500

/** cursorAt is the cursor of the item at index (0-based), or undefined past the end. */
export async function cursorAt<R, V extends PageVars>(
  document: TypedDocumentString<R, V>,
  variables: Omit<V, 'first' | 'after'>,
  cursorsOf: (data: R) => Cursors,
  index: number,
  known: Map<number, string>,
): Promise<string | undefined> {
  let from = -1
  for (const i of known.keys()) if (i <= index && i > from) from = i
  let after = from >= 0 ? known.get(from) : undefined
  while (from < index) {
    const first = Math.min(largestPage, index - from)
    const c = cursorsOf(await request(document, { ...variables, first, after } as V))
    const edges = c.edges ?? []
    if (!edges.length) return undefined
    edges.forEach((e, i) => e && known.set(from + 1 + i, e.cursor))
    from += edges.length
    after = edges[edges.length - 1]?.cursor
    if (!c.pageInfo.hasNextPage && from < index) return undefined
  }
  return after
}

export function usePages<R, C, V extends PageVars>(opts: {
  document: TypedDocumentString<R, V>
  cursors: TypedDocumentString<C, V>
  variables: () => Omit<V, 'first' | 'after'> | null
  connection: (data: R) => { totalCount: number }
  cursorsOf: (data: C) => Cursors
  page: () => number
  size: () => number
}) {
  const known = new Map<string, Map<number, string>>()
  const start = shallowRef<{ key: string; after?: string }>()
  const walkError = shallowRef<RequestError>()
  const walking = ref(false)
  const keyOf = () => JSON.stringify(opts.variables())
  const target = () => ({ key: keyOf(), page: opts.page(), size: opts.size() })
  watch(
    target,
    async ({ key, page, size }) => {
      const vars = opts.variables()
      if (!vars) return
      const at = `${key}#${page}#${size}`
      if (page <= 0) {
        start.value = { key: at }
        return
      }
      if (!known.has(key)) known.set(key, new Map())
      walking.value = true
      try {
        const after = await cursorAt(opts.cursors, vars, opts.cursorsOf, page * size - 1, known.get(key)!)
        const now = target()
        if (`${now.key}#${now.page}#${now.size}` === at) start.value = { key: at, after }
        walkError.value = undefined
      } catch (err) {
        walkError.value = err instanceof RequestError ? err : new RequestError('network', [{ message: String(err), code: 'CLIENT' }])
      } finally {
        walking.value = false
      }
    },
    { immediate: true, deep: true },
  )
  const query = useQuery(opts.document, () => {
    const vars = opts.variables()
    const now = target()
    if (!vars || start.value?.key !== `${now.key}#${now.page}#${now.size}`) return null
    return { ...vars, first: now.size, after: start.value.after } as V
  })
  const total = computed(() => (query.data.value ? opts.connection(query.data.value).totalCount : 0))
  return {
    ...query,
    error: computed(() => query.error.value ?? walkError.value),
    loading: computed(() => query.loading.value || walking.value),
    total,
    /** refetch forgets the cursors (the list may have changed) and reads the page again. */
    refetch() {
      known.clear()
      return query.refetch()
    },
  }
}
