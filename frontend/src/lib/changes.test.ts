import { describe, expect, it } from 'vitest'
import { createInput, updateInput } from './changes'

describe('updateInput', () => {
  const before = { name: '荣达驾校', creditCode: '91652302MA7XXXXXXX', address: null as string | null, employees: 10 }
  it('sends only what changed', () => {
    expect(updateInput(before, { ...before, employees: 12 })).toEqual({ employees: 12 })
  })
  it('clears an emptied optional field with its flag', () => {
    expect(updateInput(before, { ...before, creditCode: '' }, { creditCode: 'clearCreditCode' })).toEqual({ clearCreditCode: true })
  })
  it('leaves out an emptied field without a flag', () => {
    expect(updateInput(before, { ...before, name: '' })).toEqual({})
  })
  it('treats null, empty text and an empty list alike', () => {
    expect(updateInput({ a: null as string | null, b: [] as string[] }, { a: '', b: [] })).toEqual({})
    expect(updateInput({ tags: ['x'] }, { tags: ['x', 'y'] })).toEqual({ tags: ['x', 'y'] })
  })
})

describe('createInput', () => {
  it('drops empty optional values', () => {
    expect(createInput({ name: 'x', creditCode: '', address: null, employees: 0, tags: [] })).toEqual({ name: 'x', employees: 0 })
  })
})
