// What the viewer may use in a form or an operation's dialog: an
// administrator every area; an editor only their areas and those below
// (viewer { areaIDs }), and the organisations, units and grids the server
// says they may edit (viewerMayEdit). Pickers offer only these, so that an
// editor is not led to a choice the server refuses; the server judges each
// write again.
import { computed, getCurrentScope, watch, type EffectScope } from 'vue'
import { request } from '@/api/client'
import { useQuery } from '@/api/useQuery'
import { graphql } from '@/gql'

const ViewerAreasDocument = graphql(`
  query ViewerAreas {
    viewer {
      role
      areaIDs
    }
  }
`)

// One reading of the viewer's areas per component: a component that asks
// for organisation and unit options (each of which asks this) sends one
// ViewerAreas query, not two, so that a page stays within the requests a
// user may have served at once (the server's --concurrent, 4).
const perScope = new WeakMap<EffectScope, ReturnType<typeof readEditable>>()

export function useEditable() {
  const scope = getCurrentScope()
  if (!scope) return readEditable()
  let e = perScope.get(scope)
  if (!e) perScope.set(scope, (e = readEditable()))
  return e
}

function readEditable() {
  const q = useQuery(ViewerAreasDocument, () => ({}))
  /** areas is null for every area (an administrator), else the set the viewer may write in; undefined until known. */
  const areas = computed<Set<string> | null | undefined>(() => {
    const v = q.data.value?.viewer
    if (!v) return undefined
    return v.role === 'ADMIN' ? null : new Set(v.areaIDs)
  })
  return {
    /** isEditor is true for a viewer limited to their areas. */
    isEditor: computed(() => q.data.value?.viewer.role === 'EDITOR'),
    /** mayUseArea says whether the viewer may place a record in the area; nothing until the viewer is known. */
    mayUseArea: (id: string | null | undefined) => areas.value === null || (!!id && !!areas.value?.has(id)),
  }
}

const EditableOptionsDocument = graphql(`
  query EditableOptions {
    organizations(first: 500, where: { dissolvedOnIsNil: true }, orderBy: [{ field: NAME }]) {
      nodes {
        id
        name
        kind
        formation
        coversAs
        viewerMayEdit {
          allowed
        }
      }
    }
    units(first: 500, where: { closedOnIsNil: true }, orderBy: [{ field: NAME }]) {
      nodes {
        id
        name
        viewerMayEdit {
          allowed
        }
      }
    }
    areas(first: 500, where: { kind: GRID, dissolvedOnIsNil: true }, orderBy: [{ field: NAME }]) {
      nodes {
        id
        name
        parent {
          name
        }
        viewerMayEdit {
          allowed
        }
      }
    }
  }
`)

const MemberSearchDocument = graphql(`
  query MemberSearch($name: String!) {
    members(first: 20, where: { nameContains: $name }, orderBy: [{ field: NAME }]) {
      nodes {
        id
        name
      }
    }
  }
`)

/** useEditableOptions loads the organisations, units and grids the viewer may use. */
export function useEditableOptions() {
  const q = useQuery(EditableOptionsDocument, () => ({}))
  const mine = <T extends { viewerMayEdit: { allowed: boolean } }>(xs: T[] | undefined) => (xs ?? []).filter((x) => x.viewerMayEdit.allowed)
  return {
    organizations: computed(() => mine(q.data.value?.organizations.nodes)),
    units: computed(() => mine(q.data.value?.units.nodes)),
    grids: computed(() => mine(q.data.value?.areas.nodes)),
    /** all are every organisation, unit and grid by ID, for naming what the record has now. */
    names: computed(() => {
      const d = q.data.value
      return new Map<string, string>([...(d?.organizations.nodes ?? []), ...(d?.units.nodes ?? []), ...(d?.areas.nodes ?? [])].map((x) => [x.id, x.name]))
    }),
    loading: q.loading,
    /** ready turns true once the choices have been loaded. */
    ready: computed(() => !!q.data.value),
  }
}

/** searchMembers finds members whose name contains the words given. */
export async function searchMembers(name: string) {
  if (!name.trim()) return []
  return (await request(MemberSearchDocument, { name: name.trim() })).members.nodes
}

/**
 * dropUnoffered clears a prefilled choice once the choices are loaded and
 * it is not among them (a link naming a record the viewer may not use), so
 * that a select never shows a bare ID.
 */
export function dropUnoffered(choice: () => string, clear: () => void, offered: () => readonly { id: string }[], loading: () => boolean) {
  watch(
    [loading, offered],
    () => {
      const c = choice()
      if (c && !loading() && !offered().some((o) => o.id === c)) clear()
    },
    { immediate: true },
  )
}
