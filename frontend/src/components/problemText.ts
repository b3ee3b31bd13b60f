// Words for the problems every request may meet since the API needs a
// session: not signed in, not allowed, too many requests, no network. The
// server's own message is kept where it says why (FORBIDDEN names the role
// or the area), so the user learns what to ask for.
import type { Problem } from '@/api/errors'

type Translate = (key: string, named?: Record<string, unknown>) => string

/** accessProblemText words a problem of access or transport, or returns undefined for any other. */
export function accessProblemText(p: Problem, t: Translate): string | undefined {
  switch (p.code) {
    case 'NETWORK':
      return t('errors.network')
    case 'UNAUTHENTICATED':
      return t('errors.unauthenticated')
    case 'FORBIDDEN':
      return t('errors.forbidden', { message: p.message })
    case 'RATE_LIMITED':
      return p.retryAfter ? t('errors.rateLimitedFor', { seconds: p.retryAfter }) : t('errors.rateLimited')
  }
  return undefined
}
