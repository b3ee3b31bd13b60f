import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useQuery } from '@/api/useQuery'
import { isDate } from '@/lib/dates'
import { UnitInstructorsOnDocument } from './mutations'

/**
 * useInstructorsOn are the instructors' and liaisons' assignments to the
 * unit in force on the dialog's day while it is open, read from the server
 * (Unit.instructorsOn), oldest first, each named by its holder and role.
 */
export function useInstructorsOn(id: () => string, day: () => string, open: () => boolean) {
  const { t } = useI18n()
  const q = useQuery(UnitInstructorsOnDocument, () => (open() && isDate(day()) ? { id: id(), asOf: day() } : null))
  return computed(() => {
    const n = q.data.value?.node
    if (n?.__typename !== 'Unit') return []
    return n.instructorsOn.map((a) => ({ id: a.id, name: `${a.member?.name ?? a.holderName ?? ''}（${t(`enum.AppointmentRole.${a.role}`)}）` }))
  })
}
