// usePaged pages through a Relay connection with first/after, remembering
// the cursors seen so that "previous" goes back; a change of the variables
// starts again from the first page.
import { computed, ref, watch } from 'vue'
import type { TypedDocumentString } from '@/gql/graphql'
import { useQuery } from './useQuery'

interface PageVars {
  first?: number | null
  after?: string | null
}

export function usePaged<R, V extends PageVars>(
  document: TypedDocumentString<R, V>,
  variables: () => Omit<V, 'first' | 'after'>,
  connection: (data: R) => { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor?: string | null } },
  pageSize = 20,
) {
  const cursors = ref<(string | undefined)[]>([undefined])
  watch(variables, () => (cursors.value = [undefined]), { deep: true })
  const page = computed(() => cursors.value.length - 1)
  const query = useQuery(document, () => ({ ...variables(), first: pageSize, after: cursors.value[page.value] }) as V)
  const info = computed(() => (query.data.value ? connection(query.data.value) : undefined))
  return {
    ...query,
    page,
    pages: computed(() => Math.max(1, Math.ceil((info.value?.totalCount ?? 0) / pageSize))),
    total: computed(() => info.value?.totalCount ?? 0),
    hasNext: computed(() => !!info.value?.pageInfo.hasNextPage),
    next() {
      const cursor = info.value?.pageInfo.endCursor
      if (cursor) cursors.value = [...cursors.value, cursor]
    },
    previous() {
      if (cursors.value.length > 1) cursors.value = cursors.value.slice(0, -1)
    },
  }
}
