// What the sign-in view says when signing in fails: the server never says
// which of username and password was wrong, and neither does the view.
import type { AuthError } from '@/api/auth'

type Translate = (key: string, named?: Record<string, unknown>) => string

/** signInMessage words a failed sign-in. */
export function signInMessage(err: AuthError, t: Translate): string {
  switch (err.kind) {
    case 'credentials':
      return t('login.wrong')
    case 'rateLimited':
      return err.retryAfter ? t('login.tooManyFor', { seconds: err.retryAfter }) : t('login.tooMany')
    case 'network':
      return t('errors.network')
    default:
      return t('login.failed', { message: err.message })
  }
}
