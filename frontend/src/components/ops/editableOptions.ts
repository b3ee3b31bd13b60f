// The choices an operation's dialog offers: organisations, units and grids
// the viewer may use (an editor: those of its areas; the server judges each
// write again), and members found by name.
import { computed, watch } from 'vue'
import { request } from '@/api/client'
import { useQuery } from '@/api/useQuery'
import { graphql } from '@/gql'

const EditableOptionsDocument = graphql(`
  query EditableOptions {
    organizations(first: 500, where: { dissolvedOnIsNil: true }, orderBy: [{ field: NAME }]) {
      nodes {
        id
        name
        kind
        formation
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
