// The state of a register list, kept in the URL so that a link or Back
// shows the same page: the sort (column and direction), the page (1-based
// in the URL) and its size, and the filters (kind, community, status); with
// the header's area, which every list follows.
import { computed } from 'vue'
import { useRoute } from 'vue-router'
import { useAreas } from '@/state/areas'
import { first } from '@/state/query'
import { useViewState } from '@/state/useViewState'
import type { Filters } from './where'

/** pageSizes are the sizes a list offers. */
export const pageSizes = [20, 50, 100] as const

export function useListState() {
  const route = useRoute()
  const { area, set } = useViewState()
  const { byId } = useAreas()
  const q = (k: string) => first(route.query[k]) || undefined

  /** scope is the area the list is narrowed to: the header's, else the community chosen in the list. */
  const scope = computed(() => area.value ?? q('community'))
  /**
   * areaIds are the scope; empty for the whole sub-district. The lists'
   * placed filter holds the records of the areas within it on the day.
   */
  const areaIds = computed<string[]>(() => {
    const a = scope.value ? byId.value.get(scope.value) : undefined
    return !a || a.kind === 'SUBDISTRICT' ? [] : [a.id]
  })
  const size = computed(() => {
    const n = Number(q('size'))
    return (pageSizes as readonly number[]).includes(n) ? n : pageSizes[0]
  })
  return {
    /** headerArea is the area chosen in the header, which the list follows. */
    headerArea: computed(() => (area.value ? byId.value.get(area.value) : undefined)),
    filters: computed<Filters>(() => ({ search: q('q') ?? '', areaIds: areaIds.value, kind: q('kind'), status: q('status') })),
    community: computed(() => q('community')),
    sort: computed(() => q('sort')),
    descending: computed(() => q('desc') === '1'),
    /** page is 0-based here. */
    page: computed(() => Math.max(0, (Number(q('page')) || 1) - 1)),
    size,
    /** filter changes a filter and starts again from the first page. */
    filter(changes: Record<string, string | undefined>) {
      return set({ ...changes, page: undefined }, true)
    },
    sortBy(by: string | undefined, descending: boolean) {
      return set({ sort: by, desc: by && descending ? '1' : undefined, page: undefined }, true)
    },
    goTo(page: number) {
      return set({ page: page > 0 ? String(page + 1) : undefined })
    },
    resize(n: number) {
      return set({ size: n === pageSizes[0] ? undefined : String(n), page: undefined }, true)
    },
  }
}
