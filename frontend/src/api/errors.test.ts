import { describe, expect, it } from 'vitest'
import { fieldMessage, formErrors, problemsOf, RequestError } from './errors'

const serverErrors = [
  {
    message: 'creditCode: check character is "0", want "X"',
    path: ['createUnit'],
    extensions: { code: 'BAD_USER_INPUT', field: 'creditCode' },
  },
  { message: 'the change conflicts with a record already in the register', extensions: { code: 'CONFLICT' } },
]

describe('problemsOf', () => {
  it('reads code and field from extensions', () => {
    expect(problemsOf(serverErrors)).toEqual([
      { message: 'creditCode: check character is "0", want "X"', code: 'BAD_USER_INPUT', field: 'creditCode' },
      { message: 'the change conflicts with a record already in the register', code: 'CONFLICT' },
    ])
  })
  it('copes with errors without extensions', () => {
    expect(problemsOf([{ message: 'boom' }])).toEqual([{ message: 'boom', code: 'UNKNOWN' }])
    expect(problemsOf(undefined)).toEqual([])
  })
})

describe('fieldMessage', () => {
  it('drops the field name the label already shows', () => {
    expect(fieldMessage({ message: 'attendance: more than expected', code: 'BAD_USER_INPUT', field: 'attendance' })).toBe('more than expected')
    expect(fieldMessage({ message: 'more than expected', code: 'BAD_USER_INPUT', field: 'attendance' })).toBe('more than expected')
  })
})

describe('formErrors', () => {
  it('puts a problem under its field and the rest above the form', () => {
    const err = new RequestError('graphql', problemsOf(serverErrors))
    expect(formErrors(err, ['name', 'creditCode'])).toEqual({
      fields: { creditCode: 'check character is "0", want "X"' },
      general: ['the change conflicts with a record already in the register'],
    })
  })
  it('shows a problem about a field the form lacks above the form', () => {
    const err = new RequestError('graphql', [{ message: 'parentID: no such organisation', code: 'NOT_FOUND', field: 'parentID' }])
    expect(formErrors(err, ['name'])).toEqual({ fields: {}, general: ['parentID: no such organisation'] })
  })
  it('joins two problems about one field', () => {
    const err = new RequestError('graphql', [
      { message: 'name: too long', code: 'BAD_USER_INPUT', field: 'name' },
      { message: 'name: taken', code: 'CONFLICT', field: 'name' },
    ])
    expect(formErrors(err, ['name']).fields.name).toBe('too long; taken')
  })
  it('reports a failure that is not a request error', () => {
    expect(formErrors(new Error('offline'), ['name']).general).toEqual(['Error: offline'])
  })
})

describe('formErrors with a describe', () => {
  it('words the problems above the form, leaving field messages alone', () => {
    const err = new RequestError('graphql', [
      { message: 'an editor may change records in their own areas only; this Unit is in 文化路社区', code: 'FORBIDDEN' },
      { message: 'name: taken', code: 'CONFLICT', field: 'name' },
    ])
    const out = formErrors(err, ['name'], (p) => (p.code === 'FORBIDDEN' ? `没有权限：${p.message}` : p.message))
    expect(out).toEqual({ fields: { name: 'taken' }, general: ['没有权限：an editor may change records in their own areas only; this Unit is in 文化路社区'] })
  })
})
