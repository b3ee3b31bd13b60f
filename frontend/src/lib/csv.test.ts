import { describe, expect, it } from 'vitest'
import { csvCell, toCSV } from './csv'

describe('csvCell', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvCell('大桥社区')).toBe('大桥社区')
    expect(csvCell(42)).toBe('42')
    expect(csvCell(-3)).toBe('-3')
  })
  it('writes nothing for a missing value', () => {
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
  })
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
  })
  it('keeps a spreadsheet from running a cell as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell('-1')).toBe("'-1")
    expect(csvCell('@SUM')).toBe("'@SUM")
  })
})

describe('toCSV', () => {
  it('starts with a byte order mark and ends lines with CRLF', () => {
    const text = toCSV(['名称', '数量'], [['荣达驾校', 9], ['a,b', null]])
    expect(text).toBe('\uFEFF名称,数量\r\n荣达驾校,9\r\n"a,b",\r\n')
  })
})
