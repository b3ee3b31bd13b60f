// Choices the forms offer: organisations and units of the register, only
// those the viewer may use (an editor: those in their areas).
import { computed } from 'vue'
import { graphql } from '@/gql'
import { useQuery } from '@/api/useQuery'
import { useEditable } from './editable'

const OrganizationOptionsDocument = graphql(`
  query OrganizationOptions($editor: Boolean!) {
    organizations(first: 500, orderBy: [{ field: NAME }]) {
      nodes {
        id
        name
        kind
        dissolvedOn
        viewerMayEdit @include(if: $editor) {
          allowed
        }
      }
    }
  }
`)

const UnitOptionsDocument = graphql(`
  query UnitOptions {
    units(first: 500, orderBy: [{ field: NAME }]) {
      nodes {
        id
        name
        closedOn
        grid {
          id
        }
      }
    }
  }
`)

/** useOrganizationOptions lists the organisations not dissolved that the viewer may change. */
export function useOrganizationOptions() {
  const { isEditor } = useEditable()
  const q = useQuery(OrganizationOptionsDocument, () => ({ editor: isEditor.value }))
  const all = computed(() => (q.data.value?.organizations.nodes ?? []).filter((o) => !o.dissolvedOn))
  /** options are those the viewer may use, and keep (the form's current choice) whatever it is. */
  return { options: (keep?: string | null) => all.value.filter((o) => (o.viewerMayEdit?.allowed ?? true) || o.id === keep), error: q.error }
}

/** useUnitOptions lists the units not closed in areas the viewer may use. */
export function useUnitOptions() {
  const { mayUseArea } = useEditable()
  const q = useQuery(UnitOptionsDocument, () => ({}))
  return {
    /** options are those the viewer may use, and keep (the form's current choice) whatever it is. */
    options: (keep?: string | null) => (q.data.value?.units.nodes ?? []).filter((u) => !u.closedOn && (mayUseArea(u.grid.id) || u.id === keep)),
    error: q.error,
  }
}
