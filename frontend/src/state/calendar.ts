// The register's calendar (registerCalendar): its today, in the register's
// time zone, and the first day of recorded organisational life. Loaded once
// a session exists and shared: the router refuses days after today, the date
// picker disables them, and the analysis views warn before recorded history.
import { computed, shallowRef } from 'vue'
import { request } from '@/api/client'
import { graphql } from '@/gql'
import type { RegisterCalendarQuery } from '@/gql/graphql'
import { localDate } from '@/lib/dates'
import { onSessionEnd } from './session'

const RegisterCalendarDocument = graphql(`
  query RegisterCalendar {
    registerCalendar {
      today
      timeZone
      recordedSince
      completeFrom
    }
  }
`)

type Calendar = RegisterCalendarQuery['registerCalendar']

const calendar = shallowRef<Calendar>()
/** A day the URL asked for that was after today, corrected to today; shown until dismissed. */
const refused = shallowRef<{ asked: string; today: string }>()
let loading: Promise<Calendar | undefined> | undefined

/**
 * loadCalendar reads the register's calendar once; undefined when the server
 * cannot say (the views then fall back to the browser's day).
 */
export function loadCalendar(): Promise<Calendar | undefined> {
  if (!loading) {
    loading = request(RegisterCalendarDocument, {}).then(
      (d) => (calendar.value = d.registerCalendar),
      () => {
        loading = undefined
        return undefined
      },
    )
  }
  return loading
}

/** registerToday is the register's today when known, else the browser's. */
export function registerToday(): string {
  return calendar.value?.today ?? localDate()
}

/** noteRefused remembers that a day after today was asked for. */
export function noteRefused(asked: string, today: string) {
  refused.value = { asked, today }
}

onSessionEnd(() => {
  calendar.value = undefined
  refused.value = undefined
  loading = undefined
})

/** useCalendar gives components the register's calendar. */
export function useCalendar() {
  return {
    today: computed(registerToday),
    recordedSince: computed(() => calendar.value?.recordedSince ?? null),
    completeFrom: computed(() => calendar.value?.completeFrom ?? null),
    timeZone: computed(() => calendar.value?.timeZone),
    refused: computed(() => refused.value),
    dismissRefused: () => (refused.value = undefined),
  }
}
