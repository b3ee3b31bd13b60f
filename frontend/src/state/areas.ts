// The areas of the register (sub-district, communities, grids), loaded once
// and shared by the area picker, the filters and the forms.
import { computed, ref, shallowRef } from 'vue'
import { request } from '@/api/client'
import type { RequestError } from '@/api/errors'
import { graphql } from '@/gql'
import type { AreasQuery } from '@/gql/graphql'
import { activeOn } from '@/lib/dates'
import { compareIds, compareNames } from '@/lib/names'
import { onSessionEnd } from './session'

const AreasDocument = graphql(`
  query Areas {
    areas(first: 500, where: { kindIn: [SUBDISTRICT, COMMUNITY, GRID] }, orderBy: [{ field: NAME }]) {
      nodes {
        id
        name
        kind
        parentID
        establishedOn
        dissolvedOn
      }
    }
  }
`)

/** Area is one area of the register. */
export type Area = AreasQuery['areas']['nodes'][number]

const areas = shallowRef<Area[]>([])
const error = shallowRef<RequestError>()
const loaded = ref(false)
let loading: Promise<void> | undefined
/** generation counts sessions, so that a late answer is not kept for the next one. */
let generation = 0

/** loadAreas fetches the areas once; reload forces a new fetch after an edit. */
export function loadAreas(reload = false): Promise<void> {
  if (!loading || reload) {
    const session = generation
    const current = (loading = request(AreasDocument, {})
      .then((data) => {
        if (session !== generation) return
        areas.value = data.areas.nodes
        error.value = undefined
      })
      .catch((err: RequestError) => {
        if (session !== generation) return
        error.value = err
        loading = undefined
      })
      .finally(() => {
        if (session === generation) loaded.value = true
      }))
    return current
  }
  return loading
}

// The next user to sign in must not see what this one loaded; an answer
// arriving after the session ended is dropped.
onSessionEnd(() => {
  generation++
  areas.value = []
  error.value = undefined
  loaded.value = false
  loading = undefined
})

/** byName sorts areas as a Chinese reader expects. */
const byName = (a: Area, b: Area) => compareNames(a.name, b.name)

/** useAreas gives the areas and helpers to read them. */
export function useAreas() {
  void loadAreas()
  const byId = computed(() => new Map(areas.value.map((a) => [a.id, a])))
  return {
    areas,
    error,
    /** loaded turns true once the areas have been fetched, or failed to be. */
    loaded,
    byId,
    /** root is the sub-district. */
    root: computed(() => areas.value.find((a) => a.kind === 'SUBDISTRICT')),
    /** communities that existed on asOf. */
    communities: (asOf: string) =>
      areas.value
        .filter((a) => a.kind === 'COMMUNITY' && activeOn(asOf, a.establishedOn, a.dissolvedOn))
        .sort((a, b) => compareIds(a.id, b.id)),
    /** grids of a community (all grids when none is given) that existed on asOf. */
    grids: (asOf: string, communityId?: string) =>
      areas.value
        .filter((a) => a.kind === 'GRID' && activeOn(asOf, a.establishedOn, a.dissolvedOn))
        .filter((a) => !communityId || a.parentID === communityId)
        .sort(byName),
  }
}
