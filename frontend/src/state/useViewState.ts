// useViewState gives a component the shared date and area from the URL, and
// changes them by navigating, so Back returns to what was shown before.
import { computed } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useAreas } from './areas'
import { registerToday } from './calendar'
import { readState, withQuery } from './query'

export function useViewState() {
  const route = useRoute()
  const router = useRouter()
  const state = computed(() => readState(route.query, registerToday()))
  const { root, loaded } = useAreas()
  return {
    asOf: computed(() => state.value.asOf),
    area: computed(() => state.value.area),
    /**
     * reportArea is the area a coverage report is asked for: the one chosen,
     * else the sub-district; null while the areas are still loading.
     */
    reportArea: computed<string | undefined | null>(() => state.value.area ?? (loaded.value ? root.value?.id : null)),
    /** set changes query parameters of the current view. */
    set(changes: Record<string, string | string[] | undefined>, replace = false) {
      const to = { query: withQuery(route.query, changes) }
      return replace ? router.replace(to) : router.push(to)
    },
    /** link is a location for another view with the same date and area. */
    link(path: string, extra: Record<string, string | undefined> = {}) {
      return { path, query: withQuery({ asOf: state.value.asOf, area: state.value.area }, extra) }
    },
  }
}
