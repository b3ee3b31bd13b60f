// The areas of the register (sub-district, communities, grids), loaded once
// and shared by the area picker, the filters and the forms; and, for each
// day asked, the areas open that day and where each lay, as the server
// reads the territory (areas(where: {openOn}) and Area.parentOn).
import { computed, ref, shallowRef } from 'vue'
import { request } from '@/api/client'
import type { RequestError } from '@/api/errors'
import { graphql } from '@/gql'
import type { AreasQuery } from '@/gql/graphql'
import { compareIds, compareNames } from '@/lib/names'
import { currentUser, onSessionEnd } from './session'

const AreasDocument = graphql(`
  query Areas {
    areas(first: 500, where: { kindIn: [SUBDISTRICT, COMMUNITY, GRID] }, orderBy: [{ field: NAME }]) {
      nodes {
        id
        name
        kind
        parentID
      }
    }
  }
`)

const OpenAreasDocument = graphql(`
  query OpenAreas($asOf: Date!) {
    areas(first: 500, where: { kindIn: [COMMUNITY, GRID], openOn: $asOf }) {
      nodes {
        id
        parentOn(asOf: $asOf) {
          id
        }
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
/** openDays holds, for each day read, the areas open that day and the area each lay in then. */
const openDays = shallowRef(new Map<string, Map<string, string | undefined>>())
/** asked are the days being read, or read. */
const asked = new Set<string>()
/** generation counts sessions, so that a late answer is not kept for the next one. */
let generation = 0

/** loadAreas fetches the areas once; reload forces a new fetch after an edit. */
export function loadAreas(reload = false): Promise<void> {
  if (reload) forgetDays()
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

/** forgetDays drops the days read, so that they are read again after an edit. */
function forgetDays() {
  asked.clear()
  openDays.value = new Map()
}

/**
 * openOn is the areas open on the day, each with the area it lay in then;
 * undefined until the server's answer arrives (it is asked for once a day
 * and session; an answer that fails is asked for again on the next read).
 */
function openOn(asOf: string): Map<string, string | undefined> | undefined {
  const known = openDays.value.get(asOf)
  // Nobody signed in (a page still drawn as its session ends): nothing to ask.
  if (known || asked.has(asOf) || !currentUser.value) return known
  asked.add(asOf)
  const session = generation
  request(OpenAreasDocument, { asOf })
    .then((data) => {
      if (session !== generation || !asked.has(asOf)) return
      const next = new Map(openDays.value)
      next.set(asOf, new Map(data.areas.nodes.map((a) => [a.id, a.parentOn?.id])))
      openDays.value = next
    })
    .catch(() => {
      if (session === generation) asked.delete(asOf)
    })
  return undefined
}

// The next user to sign in must not see what this one loaded; an answer
// arriving after the session ended is dropped.
onSessionEnd(() => {
  generation++
  areas.value = []
  forgetDays()
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
    /** communities open on asOf, as the server reads them (none until it has answered). */
    communities: (asOf: string) => {
      const open = openOn(asOf)
      return areas.value.filter((a) => a.kind === 'COMMUNITY' && open?.has(a.id)).sort((a, b) => compareIds(a.id, b.id))
    },
    /** grids open on asOf, of the community they lay in that day (all when none is given), as the server reads them. */
    grids: (asOf: string, communityId?: string) => {
      const open = openOn(asOf)
      return areas.value
        .filter((a) => a.kind === 'GRID' && open?.has(a.id) && (!communityId || open.get(a.id) === communityId))
        .sort(byName)
    },
  }
}
