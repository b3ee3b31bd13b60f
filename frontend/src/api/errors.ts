// What went wrong with a request, in terms a person and a form can use:
// every GraphQL error carries extensions.code and, for bad input,
// extensions.field naming the input field ("creditCode", "parentID"), and
// extensions.reason naming the rule broken (ID_NUMBER_CHECK_CHARACTER). The
// message is in the language the client asked for (Accept-Language).
import { messages as records } from '@/i18n/records'

/** One problem the server reported. */
export interface Problem {
  message: string
  code: string
  /** The input field the problem is about, when the server named one. */
  field?: string
  /** The rule broken, stably (extensions.reason), when the server named one. */
  reason?: string
  /** Seconds to wait before trying again (RATE_LIMITED, from Retry-After). */
  retryAfter?: number
}

/** RequestError is thrown by request() for every failure: network, HTTP or GraphQL. */
export class RequestError extends Error {
  readonly problems: Problem[]
  readonly kind: 'network' | 'http' | 'graphql'

  constructor(kind: RequestError['kind'], problems: Problem[]) {
    super(problems.map((p) => p.message).join('; ') || kind)
    this.name = 'RequestError'
    this.kind = kind
    this.problems = problems
  }

  /** Whether any problem has the code, e.g. NOT_FOUND. */
  has(code: string): boolean {
    return this.problems.some((p) => p.code === code)
  }
}

interface RawError {
  message?: unknown
  extensions?: { code?: unknown; field?: unknown; reason?: unknown }
}

/** problemsOf reads the errors array of a GraphQL response. */
export function problemsOf(errors: unknown): Problem[] {
  if (!Array.isArray(errors)) return []
  return errors.map((raw: RawError) => {
    const p: Problem = {
      message: typeof raw?.message === 'string' ? raw.message : String(raw?.message ?? 'error'),
      code: typeof raw?.extensions?.code === 'string' ? raw.extensions.code : 'UNKNOWN',
    }
    if (typeof raw?.extensions?.field === 'string' && raw.extensions.field) p.field = raw.extensions.field
    if (typeof raw?.extensions?.reason === 'string' && raw.extensions.reason) p.reason = raw.extensions.reason
    return p
  })
}

/**
 * fieldMessage is the message to show under a form field: the server writes
 * "creditCode: check character is …" (in Chinese "统一社会信用代码：校验位…"),
 * and the field's label already says which.
 */
export function fieldMessage(p: Problem): string {
  if (!p.field) return p.message
  if (p.message.startsWith(`${p.field}: `)) return p.message.slice(p.field.length + 2)
  const label = (records.fields as Record<string, readonly [string, string]>)[p.field]?.[0] ?? p.field
  if (p.message.startsWith(`${label}：`)) return p.message.slice(label.length + 1)
  return p.message
}

/** FormErrors splits problems into those a form shows at a field and the rest. */
export interface FormErrors {
  fields: Record<string, string>
  general: string[]
}

/**
 * formErrors maps a failure onto a form's fields. Only fields the form has
 * are used; a problem about another field (or none) is shown above the form,
 * so no message is lost: as describe words it (by default the server's
 * message; the forms say who refused a FORBIDDEN write, and why).
 */
export function formErrors(
  err: unknown,
  formFields: readonly string[],
  describe: (p: Problem) => string = (p) => p.message,
): FormErrors {
  const out: FormErrors = { fields: {}, general: [] }
  const problems = err instanceof RequestError ? err.problems : [{ message: String(err), code: 'CLIENT' }]
  for (const p of problems) {
    if (p.field && formFields.includes(p.field)) {
      out.fields[p.field] = out.fields[p.field] ? `${out.fields[p.field]}; ${fieldMessage(p)}` : fieldMessage(p)
    } else {
      out.general.push(describe(p))
    }
  }
  return out
}
