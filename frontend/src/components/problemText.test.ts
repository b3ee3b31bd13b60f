import { describe, expect, it } from 'vitest'
import { AuthError } from '@/api/auth'
import { signInMessage } from '@/views/login/signInMessage'
import { accessProblemText } from './problemText'

// t as a test sees it: the key and its values.
const t = (key: string, named?: Record<string, unknown>) => (named ? `${key} ${JSON.stringify(named)}` : key)

describe('accessProblemText', () => {
  it('keeps the server’s reason for a refused write', () => {
    const message = 'a ANALYST reads the register and cannot change it'
    expect(accessProblemText({ code: 'FORBIDDEN', message }, t)).toBe(`errors.forbidden ${JSON.stringify({ message })}`)
  })
  it('says how long to wait when the server said', () => {
    expect(accessProblemText({ code: 'RATE_LIMITED', message: 'x', retryAfter: 5 }, t)).toBe('errors.rateLimitedFor {"seconds":5}')
    expect(accessProblemText({ code: 'RATE_LIMITED', message: 'x' }, t)).toBe('errors.rateLimited')
  })
  it('leaves other problems to the caller', () => {
    expect(accessProblemText({ code: 'UNAUTHENTICATED', message: 'x' }, t)).toBe('errors.unauthenticated')
    expect(accessProblemText({ code: 'BAD_USER_INPUT', message: 'x', field: 'name' }, t)).toBeUndefined()
  })
})

describe('signInMessage', () => {
  it('does not say which of username and password was wrong', () => {
    expect(signInMessage(new AuthError('credentials', 'wrong username or password'), t)).toBe('login.wrong')
  })
  it('tells too many attempts and no network apart', () => {
    expect(signInMessage(new AuthError('rateLimited', 'x', 42), t)).toBe('login.tooManyFor {"seconds":42}')
    expect(signInMessage(new AuthError('network', 'x'), t)).toBe('errors.network')
  })
})
