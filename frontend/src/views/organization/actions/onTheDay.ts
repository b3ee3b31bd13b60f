import { computed } from 'vue'
import { useQuery } from '@/api/useQuery'
import { isDate } from '@/lib/dates'
import { OrgMembersOnDocument, OrgOfficesOnDocument } from './queries'

/**
 * useMembersOn are the organisation's members on the dialog's day while it
 * is open, read from the server (Organization.membersOn: those its standing
 * counts, a Party group's placed in it), in name order. The last day's
 * members stay until the new day's arrive.
 */
export function useMembersOn(id: () => string, day: () => string, open: () => boolean) {
  const q = useQuery(OrgMembersOnDocument, () => (open() && isDate(day()) ? { id: id(), asOf: day() } : null))
  return computed(() => {
    const n = q.data.value?.node
    return n?.__typename === 'Organization' ? n.membersOn.map((m) => ({ id: m.id, name: m.name })) : []
  })
}

/**
 * useOfficesOn are the offices held in the organisation on the dialog's
 * day while it is open (Organization.officesOn), oldest first: those that
 * can end then, and the holder a successor replaces.
 */
export function useOfficesOn(id: () => string, day: () => string, open: () => boolean) {
  const q = useQuery(OrgOfficesOnDocument, () => (open() && isDate(day()) ? { id: id(), asOf: day() } : null))
  return computed(() => {
    const n = q.data.value?.node
    return n?.__typename === 'Organization' ? n.officesOn : []
  })
}
