import { describe, expect, it } from 'vitest'
import { restOf, sortRows, type Row } from './rows'

const row = (id: string, name: string, role: Row<'n'>['role'], n: number): Row<'n'> => ({ id, name, role, values: { n } })

describe('restOf', () => {
  it('is what the children leave of the total', () => {
    expect(restOf({ a: 10, b: 4 }, [{ a: 3, b: 4 }, { a: 5, b: 0 }], ['a', 'b'])).toEqual({ a: 2, b: 0 })
  })
  it('is nothing when the children add up, or there are none', () => {
    expect(restOf({ a: 8 }, [{ a: 3 }, { a: 5 }], ['a'])).toBeUndefined()
    expect(restOf({ a: 8 }, [], ['a'])).toBeUndefined()
  })
})

describe('sortRows', () => {
  const rows = [row('t', '合计', 'total', 30), row('3', '第三网格', 'child', 5), row('10', '第十网格', 'child', 9), row('2', '第二网格', 'child', 7), row('r', '其余', 'rest', 9)]
  it('orders names naturally between the total and the rest', () => {
    expect(sortRows(rows, { by: 'name', descending: false }).map((r) => r.id)).toEqual(['t', '2', '3', '10', 'r'])
    expect(sortRows(rows, { by: 'name', descending: true }).map((r) => r.id)).toEqual(['t', '10', '3', '2', 'r'])
  })
  it('orders figures by value', () => {
    expect(sortRows(rows, { by: 'n', descending: true }).map((r) => r.id)).toEqual(['t', '10', '2', '3', 'r'])
  })
})
