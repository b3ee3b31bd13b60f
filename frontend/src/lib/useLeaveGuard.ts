// useLeaveGuard keeps a changed form from being left by accident: leaving
// its route (a link, Back, Cancel) asks first, and so does closing or
// reloading the tab (beforeunload). A dialog uses confirmLeave before it
// closes. Cancel returns where the user came from, or to a fallback when
// the form was opened directly.
import { ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message-box/style/css'
import { computed, onBeforeUnmount, onMounted, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { onBeforeRouteLeave, useRouter, type RouteLocationRaw } from 'vue-router'

/** snapshot is a value as text, to compare a form with what it started from. */
export const snapshot = (v: unknown): string => JSON.stringify(v ?? null)

/**
 * useLeaveGuard guards a form whose values are current(). What it started
 * from is baseline() when given (the record as loaded), else the values
 * when the guard was made or last reset().
 */
export function useLeaveGuard(current: () => unknown, baseline?: () => unknown) {
  const { t } = useI18n()
  const router = useRouter()
  const start = ref(snapshot(current()))
  const released = ref(false)
  const dirty = computed(() => !released.value && snapshot(current()) !== (baseline ? snapshot(baseline()) : start.value))

  /** confirmLeave asks whether to discard the changes; true when there are none. */
  async function confirmLeave(): Promise<boolean> {
    if (!dirty.value) return true
    try {
      await ElMessageBox.confirm(t('analyst.leave.message'), t('analyst.leave.title'), {
        confirmButtonText: t('analyst.leave.leave'),
        cancelButtonText: t('analyst.leave.stay'),
        type: 'warning',
      })
      return true
    } catch {
      return false
    }
  }

  onBeforeRouteLeave(() => confirmLeave())
  const unload = (e: BeforeUnloadEvent) => {
    if (!dirty.value) return
    e.preventDefault()
    e.returnValue = '' // older browsers show their own question only when this is set
  }
  onMounted(() => window.addEventListener('beforeunload', unload))
  onBeforeUnmount(() => window.removeEventListener('beforeunload', unload))

  return {
    dirty,
    confirmLeave,
    /** reset takes the values as they are now as the start (after they were filled in). */
    reset() {
      start.value = snapshot(current())
      released.value = false
    },
    /** release lets the form be left without asking (after it was saved). */
    release() {
      released.value = true
    },
    /** cancel goes back where the user came from, or to fallback when the form was opened directly; asking first when changed. */
    cancel(fallback: RouteLocationRaw) {
      const back = (window.history.state as { back?: unknown } | null)?.back
      return back ? router.back() : router.push(fallback)
    },
  }
}
