import { describe, expect, it } from 'vitest'
import { home, isOutsideApp, loginHref, loginQuery, safeRedirect } from './redirect'

describe('safeRedirect', () => {
  it('returns to a path of the app with its query', () => {
    expect(safeRedirect('/gaps?asOf=2026-06-30&severity=HIGH')).toBe('/gaps?asOf=2026-06-30&severity=HIGH')
    expect(safeRedirect(['/tree?q=党小组'])).toBe('/tree?q=党小组')
  })
  it('never leaves the site', () => {
    for (const raw of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', 'map']) {
      expect(safeRedirect(raw)).toBe(home)
    }
  })
  it('goes home when nothing or the sign-in view was asked for', () => {
    expect(safeRedirect(undefined)).toBe(home)
    expect(safeRedirect(null)).toBe(home)
    expect(safeRedirect('/login?redirect=/map')).toBe(home)
    expect(safeRedirect('/login')).toBe(home)
  })
})

describe('loginQuery', () => {
  it('remembers where the visit was going', () => {
    expect(loginQuery('/members/42?asOf=2026-01-01')).toEqual({ redirect: '/members/42?asOf=2026-01-01' })
  })
  it('remembers nothing for the start page or the sign-in view', () => {
    expect(loginQuery('/')).toEqual({})
    expect(loginQuery('/login?redirect=%2Fmap')).toEqual({})
  })
  it('writes a URL for a full page load', () => {
    expect(loginHref('/graphiql.html')).toBe('/login?redirect=%2Fgraphiql.html')
    expect(loginHref('/')).toBe('/login')
  })
})

describe('isOutsideApp', () => {
  it('knows GraphiQL is a page of its own', () => {
    expect(isOutsideApp('/graphiql.html')).toBe(true)
    expect(isOutsideApp('/graphiql')).toBe(true)
    expect(isOutsideApp('/graphiql?x=1')).toBe(true)
    expect(isOutsideApp('/graphiqlx')).toBe(false)
    expect(isOutsideApp('/map')).toBe(false)
  })
})
