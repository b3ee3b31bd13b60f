// The organisations of the register as they stood on the day, all pages of
// them: each one's standing is the server's (the same reading the term and
// office rules make), so the tree and the gaps agree.
import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue'
import { request } from '@/api/client'
import type { OrgTreeQuery } from '@/gql/graphql'
import { buildOrgTree } from '@/lib/orgTree'
import { OrgTreeDocument } from './queries'

type Row = OrgTreeQuery['organizations']['nodes'][number]

export function useOrgTree(asOf: () => string) {
  const rows = shallowRef<Row[]>([])
  const error = shallowRef<unknown>()
  const loading = ref(false)
  let alive = true
  onScopeDispose(() => (alive = false))

  async function load() {
    const day = asOf()
    loading.value = true
    try {
      const all: Row[] = []
      let after: string | null | undefined
      do {
        const page = (await request(OrgTreeDocument, { after, asOf: day })).organizations
        all.push(...page.nodes)
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined
      } while (after)
      // A later day asked for meanwhile wins.
      if (alive && day === asOf()) rows.value = all
      error.value = undefined
    } catch (err) {
      error.value = err
    } finally {
      loading.value = false
    }
  }

  watch(asOf, load, { immediate: true })
  return { tree: computed(() => buildOrgTree(rows.value)), error, loading, reload: load }
}
