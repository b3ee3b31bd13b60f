import { describe, expect, it } from 'vitest'
import { isSort, orderOf } from './sorts'
import { isClosed, isStatus, statuses, workStatuses } from './statuses'

describe('the ledger’s orders', () => {
  it('reads a URL’s order, and refuses what it does not know', () => {
    expect(isSort('-handedOverOn')).toBe(true)
    expect(isSort('name')).toBe(false)
    expect(isSort(undefined)).toBe(false)
  })

  it('orders by the deadline, soonest first, by default', () => {
    expect(orderOf('deadline')).toEqual([{ field: 'DEADLINE', direction: 'ASC' }])
    expect(orderOf('-deadline')).toEqual([{ field: 'DEADLINE', direction: 'DESC' }])
  })

  it('breaks ties of another order by the deadline', () => {
    expect(orderOf('-verifiedOn')).toEqual([
      { field: 'VERIFIED_ON', direction: 'DESC' },
      { field: 'DEADLINE', direction: 'ASC' },
    ])
    expect(orderOf('status')[0]).toEqual({ field: 'STATUS', direction: 'ASC' })
  })
})

describe('the ledger’s statuses', () => {
  it('lets a community set only open, in progress and done', () => {
    expect(workStatuses).not.toContain('VERIFIED')
    expect(workStatuses).not.toContain('OVERDUE')
    expect(workStatuses.every((s) => statuses.includes(s))).toBe(true)
  })

  it('closes an item verified or waived, and no other', () => {
    expect(statuses.filter(isClosed)).toEqual(['VERIFIED', 'WAIVED'])
    expect(isStatus('OVERDUE')).toBe(true)
    expect(isStatus('CLOSED')).toBe(false)
  })
})
