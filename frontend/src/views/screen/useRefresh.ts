// useRefresh keeps a wall screen current without anyone at it: it reads
// again every minute, and sooner when the register changed (its revision,
// a cheap query, is asked every few seconds). Nothing is read while the
// tab is hidden; coming back reads at once.
import { onBeforeUnmount, onMounted, ref } from 'vue'
import { request } from '@/api/client'
import { graphql } from '@/gql'

const RevisionDocument = graphql(`
  query RegisterRevision {
    registerRevision
  }
`)

/** every is how often the screen reads again regardless (ms). */
export const every = 60_000
/** watchEvery is how often it asks whether the register changed (ms). */
export const watchEvery = 10_000

export function useRefresh(reload: () => unknown) {
  const updatedAt = ref(new Date())
  let revision: number | undefined
  let last = Date.now()
  let timer: ReturnType<typeof setInterval> | undefined

  async function refresh() {
    last = Date.now()
    await reload()
    updatedAt.value = new Date()
  }
  async function tick() {
    if (document.hidden) return
    try {
      const now = (await request(RevisionDocument, {})).registerRevision
      const changed = revision !== undefined && now !== revision
      revision = now
      if (changed || Date.now() - last >= every) await refresh()
    } catch {
      // The server is unreachable for now; the screen keeps what it shows and asks again.
      if (Date.now() - last >= every) await refresh()
    }
  }
  const visible = () => {
    if (!document.hidden) void refresh()
  }
  onMounted(() => {
    void tick()
    timer = setInterval(tick, watchEvery)
    document.addEventListener('visibilitychange', visible)
  })
  onBeforeUnmount(() => {
    clearInterval(timer)
    document.removeEventListener('visibilitychange', visible)
  })
  return { updatedAt }
}
