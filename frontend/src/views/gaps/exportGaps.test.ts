import { describe, expect, it } from 'vitest'
import type { GapFieldsFragment } from '@/gql/graphql'
import { exportFileName, gapRow, gapsCSV, type Words } from './exportGaps'

const gap: GapFieldsFragment = {
  key: 'ORG_UNIT_NEEDS_JOINT:12',
  rule: 'ORG_UNIT_NEEDS_JOINT',
  family: 'ORGANIZATION',
  severity: 'MEDIUM',
  subjectName: '阜康某餐饮有限公司',
  subject: { __typename: 'Unit', id: '12' },
  grid: { id: '3', name: '文化路社区第二网格' },
  community: { id: '2', name: '文化路社区' },
  figures: [{ name: 'fullMembers', value: 2, threshold: 3 }],
  message: { zh: '有正式党员2名，既未联合组建也未挂靠', en: 'has 2 full members, in no joint branch' },
  remedy: { zh: '加入联合党支部', en: 'join a joint branch' },
  suggestions: [{ id: '40', name: '文化路社区商户联合党支部' }],
}

const words: Words = {
  header: ['severity', 'ruleCode', 'rule', 'type', 'subject', 'community', 'grid', 'message', 'figures', 'remedy', 'suggestions'],
  severity: (s) => ({ MEDIUM: '中' })[s as 'MEDIUM'] ?? s,
  rule: () => '未联合组建或挂靠',
  type: (t) => (t === 'Unit' ? '单位' : t),
  figure: (n) => (n === 'fullMembers' ? '正式党员' : n),
  text: (l) => l.zh,
}

describe('gapRow', () => {
  it('writes a gap in the chosen language, keeping the rule code', () => {
    expect(gapRow(gap, words)).toEqual([
      '中',
      'ORG_UNIT_NEEDS_JOINT',
      '未联合组建或挂靠',
      '单位',
      '阜康某餐饮有限公司',
      '文化路社区',
      '文化路社区第二网格',
      '有正式党员2名，既未联合组建也未挂靠',
      '正式党员 2 / 3',
      '加入联合党支部',
      '文化路社区商户联合党支部',
    ])
  })
  it('leaves the grid empty for a gap outside any grid', () => {
    expect(gapRow({ ...gap, grid: null, community: null }, words).slice(5, 7)).toEqual([undefined, undefined])
  })
})

describe('gapsCSV', () => {
  it('writes a header and one line per gap', () => {
    const lines = gapsCSV([gap, gap], words).split('\r\n')
    expect(lines).toHaveLength(4)
    expect(lines[0]).toBe('\uFEFFseverity,ruleCode,rule,type,subject,community,grid,message,figures,remedy,suggestions')
    expect(lines[3]).toBe('')
  })
})

describe('exportFileName', () => {
  it('names the file after the area and the day without unsafe characters', () => {
    expect(exportFileName('覆盖缺口', '阜新街道', '2026-01-31')).toBe('覆盖缺口_阜新街道_2026-01-31.csv')
    expect(exportFileName('gaps', 'A/B: C', '2026-01-31')).toBe('gaps_A-B-C_2026-01-31.csv')
    expect(exportFileName('gaps', '', '2026-01-31')).toBe('gaps_2026-01-31.csv')
  })
})
