import { computed } from 'vue'
import { useQuery } from '@/api/useQuery'
import { isDate } from '@/lib/dates'
import { OrgMembersOnDocument } from './queries'

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
