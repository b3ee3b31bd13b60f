import { describe, expect, it } from 'vitest'
import { rings, rowsWithProblems, type LedgerResult } from './ledger'

describe('rowsWithProblems', () => {
  it('puts each problem at its row, the rows with problems first and the unchanged last', () => {
    const result: LedgerResult = {
      file: '台账.xlsx',
      dryRun: true,
      written: false,
      created: 1,
      updated: 0,
      unchanged: 1,
      failed: 1,
      rows: [
        { sheet: '单位', row: 4, name: '甲', action: 'UNCHANGED' },
        { sheet: '单位', row: 5, name: '乙', action: 'CREATED' },
        { sheet: '党员', row: 4, name: '丙', action: 'FAILED' },
      ],
      problems: [
        { sheet: '党员', row: 4, column: '公民身份号码', value: '1', message: '不是有效的公民身份号码' },
        { sheet: '党员', row: 4, column: '性别', value: 'M', message: '不是可选值' },
      ],
    }
    const rows = rowsWithProblems(result)
    expect(rows.map((r) => r.name)).toEqual(['丙', '乙', '甲'])
    expect(rows[0].problems.map((p) => p.column)).toEqual(['公民身份号码', '性别'])
    expect(rows[1].problems).toEqual([])
  })
})

describe('rings', () => {
  it('lists the rings of a Polygon and of a MultiPolygon', () => {
    const ring = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ]
    expect(rings({ type: 'Polygon', coordinates: [ring] })).toEqual([ring])
    expect(rings({ type: 'MultiPolygon', coordinates: [[ring], [ring]] })).toEqual([ring, ring])
    expect(rings(undefined)).toEqual([])
  })
})
