// useActionForm is useServerForm for an operation's dialog: before sending,
// it checks the required fields and that no effective day is after today
// (lib/validate.ts's checks), and says so at the field; the server's
// refusals land at their field too.
import { useI18n } from 'vue-i18n'
import { findings, notAfter, required as filled, type Checks } from '@/lib/validate'
import { registerToday } from '@/state/calendar'
import { useServerForm } from '../useServerForm'

export function useActionForm(fields: readonly string[]) {
  const { t } = useI18n()
  const form = useServerForm([...fields, 'on', 'reason'])

  /** check reports whether values are complete, putting what is missing at its field. */
  function check(values: Record<string, unknown>, required: readonly string[], days: readonly string[]): boolean {
    const checks: Checks = {}
    const add = (k: string, c: Checks[string][number]) => (checks[k] ??= []).push(c)
    for (const k of required) add(k, () => filled(values[k] as never))
    const today = registerToday()
    for (const k of days) add(k, () => (typeof values[k] === 'string' ? notAfter(values[k] as string, today) : undefined))
    const out = findings(checks, t)
    form.errors.fields = out
    form.errors.general = []
    return Object.keys(out).length === 0
  }

  /**
   * run checks values (required fields; days not after today, 'on' unless
   * told) and then runs the mutation; it returns its result, or undefined.
   */
  async function run<T>(
    values: Record<string, unknown>,
    required: readonly string[],
    mutate: () => Promise<T>,
    days: readonly string[] = ['on'],
  ): Promise<T | undefined> {
    if (!check(values, required, days)) return undefined
    return form.submit(mutate)
  }

  return { errors: form.errors, saving: form.saving, run }
}
