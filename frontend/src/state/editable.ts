// What the viewer may use in a form: an administrator every area; an editor
// only their areas and those below (viewer { areaIDs }). Pickers offer only
// these, so that an editor is not led to a choice the server refuses.
import { computed } from 'vue'
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

export function useEditable() {
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
