import { describe, expect, it } from 'vitest'
import { chineseNumber, compareIds, compareNames } from './names'

describe('chineseNumber', () => {
  it('reads numerals up to ninety-nine', () => {
    expect(['一', '九', '十', '十二', '二十', '三十五', '两'].map(chineseNumber)).toEqual([1, 9, 10, 12, 20, 35, 2])
  })
})

describe('compareNames', () => {
  it('orders grids by their number, Chinese or Arabic', () => {
    const names = ['第十网格', '第二网格', '第一网格', '第三网格']
    expect([...names].sort(compareNames)).toEqual(['第一网格', '第二网格', '第三网格', '第十网格'])
    expect(['10号楼', '9号楼'].sort(compareNames)).toEqual(['9号楼', '10号楼'])
  })
})

describe('compareIds', () => {
  it('orders numeric IDs by value', () => {
    expect(['8589934599', '8589934594', '12884901890'].sort(compareIds)).toEqual(['8589934594', '8589934599', '12884901890'])
  })
})
