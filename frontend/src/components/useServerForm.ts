// useServerForm runs a form's mutation and puts what the server rejected
// under the field it names (extensions.field), the rest above the form —
// among them a write the viewer's role or areas do not allow (FORBIDDEN),
// in the server's words. A form may pass its own checks (lib/validate.ts):
// what they find is shown at the field and nothing is sent.
import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import { reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { formErrors, type FormErrors } from '@/api/errors'
import { accessProblemText } from './problemText'

export function useServerForm(fields: readonly string[]) {
  const { t } = useI18n()
  const errors = reactive<FormErrors>({ fields: {}, general: [] })
  const saving = ref(false)

  /**
   * submit runs the mutation; it returns its result, or undefined when it
   * failed. precheck, if given, returns the messages of the form's own
   * checks by field: when there are any, they are shown and nothing is sent.
   */
  async function submit<T>(run: () => Promise<T>, precheck?: () => Record<string, string>): Promise<T | undefined> {
    errors.fields = {}
    errors.general = []
    const found = precheck?.() ?? {}
    if (Object.keys(found).length > 0) {
      errors.fields = found
      return undefined
    }
    saving.value = true
    try {
      const result = await run()
      ElMessage.success(t('form.saved'))
      return result
    } catch (err) {
      const mapped = formErrors(err, fields, (p) => accessProblemText(p, t) ?? p.message)
      errors.fields = mapped.fields
      errors.general = mapped.general
      return undefined
    } finally {
      saving.value = false
    }
  }

  return { errors, saving, submit }
}
