// The grids to draw: the coverage analysis's gridMap (boundaries with their
// status); should the analysis fail, the register's own boundaries, so the
// map still shows every grid, without colours: the grids open on the day
// within the area, where each lay then, and the organisations responsible
// for each that day, as the server reads them.
import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue'
import { request } from '@/api/client'
import { RequestError } from '@/api/errors'
import { graphql } from '@/gql'
import { readGridMap, type GridFeature } from '@/lib/gridMap'

const GridMapDocument = graphql(`
  query GridMap($areaId: ID, $asOf: Date) {
    gridMap(areaId: $areaId, asOf: $asOf)
  }
`)

const GridBoundariesDocument = graphql(`
  query GridBoundaries($where: AreaWhereInput!, $asOf: Date!) {
    areas(first: 500, where: $where) {
      nodes {
        id
        name
        boundary
        residents
        parentOn(asOf: $asOf) {
          id
          name
        }
        responsibleOn(asOf: $asOf) {
          id
          name
        }
      }
    }
  }
`)

async function fromRegister(areaId: string | undefined, asOf: string, signal: AbortSignal): Promise<GridFeature[]> {
  const where = { kind: 'GRID' as const, openOn: asOf, within: areaId ? { areaIDs: [areaId], asOf } : undefined }
  const data = await request(GridBoundariesDocument, { where, asOf }, signal)
  return readGridMap({
    features: data.areas.nodes
      .filter((g) => g.boundary)
      .map((g) => ({
        geometry: g.boundary,
        properties: {
          id: g.id,
          name: g.name,
          community: g.parentOn ? { id: g.parentOn.id, name: g.parentOn.name } : '',
          residents: g.residents,
          organizations: g.responsibleOn,
        },
      })),
  })
}

/**
 * useGridMap loads the grids of the area on the day. A load overtaken by a
 * newer one, or still running when the view goes away, is aborted: the
 * server then stops its analysis, which would otherwise go on holding the
 * viewer's turn (graph/turns.go) and one of the requests they may have
 * served at once, ahead of the next view's queries.
 */
export function useGridMap(areaId: () => string | undefined, asOf: () => string) {
  const features = shallowRef<GridFeature[]>([])
  const degraded = shallowRef<RequestError>()
  const error = shallowRef<unknown>()
  const loading = ref(false)
  let current: AbortController | undefined

  async function load() {
    current?.abort()
    const mine = new AbortController()
    current = mine
    const { signal } = mine
    const [area, day] = [areaId(), asOf()]
    loading.value = true
    try {
      let next: GridFeature[]
      let why: RequestError | undefined
      try {
        next = readGridMap((await request(GridMapDocument, { areaId: area, asOf: day }, signal)).gridMap)
      } catch (err) {
        if (!(err instanceof RequestError) || err.kind === 'network') throw err
        why = err
        next = await fromRegister(area, day, signal)
      }
      if (signal.aborted) return
      features.value = next
      degraded.value = why
      error.value = undefined
    } catch (err) {
      if (!signal.aborted) error.value = err
    } finally {
      if (current === mine) loading.value = false
    }
  }

  watch([areaId, asOf], load, { immediate: true })
  onScopeDispose(() => current?.abort())
  return { features, degraded, error, loading, reload: load, hasStatus: computed(() => !degraded.value) }
}
