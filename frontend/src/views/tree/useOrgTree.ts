// The organisations of the register, all pages of them, and the terms the
// coverage analysis flags as expired or ending soon on the day.
import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue'
import { request } from '@/api/client'
import type { OrgTreeQuery } from '@/gql/graphql'
import { buildOrgTree, type TermState } from '@/lib/orgTree'
import { OrgTreeDocument, TermGapsDocument } from './queries'

type Row = OrgTreeQuery['organizations']['nodes'][number]

export function useOrgTree(asOf: () => string) {
  const rows = shallowRef<Row[]>([])
  const flagged = shallowRef(new Map<string, TermState>())
  const error = shallowRef<unknown>()
  const loading = ref(false)
  let alive = true
  onScopeDispose(() => (alive = false))

  async function load() {
    loading.value = true
    try {
      const all: Row[] = []
      let after: string | null | undefined
      do {
        const page = (await request(OrgTreeDocument, { after })).organizations
        all.push(...page.nodes)
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined
      } while (after)
      if (alive) rows.value = all
      error.value = undefined
    } catch (err) {
      error.value = err
    } finally {
      loading.value = false
    }
  }

  async function loadFlags(day: string) {
    try {
      const gaps = (await request(TermGapsDocument, { asOf: day })).coverageGaps.nodes
      if (alive && day === asOf()) {
        flagged.value = new Map(gaps.map((g) => [g.subject.id, g.rule === 'LIFE_TERM_EXPIRED' ? 'EXPIRED' : 'EXPIRING']))
      }
    } catch {
      // Without the analysis the tree still shows terms from their dates.
      flagged.value = new Map()
    }
  }

  void load()
  watch(asOf, loadFlags, { immediate: true })
  return { tree: computed(() => buildOrgTree(rows.value, asOf(), flagged.value)), error, loading, reload: load }
}
