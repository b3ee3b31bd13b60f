import { describe, expect, it } from 'vitest'
import { fileName, workbookURL } from './download'

describe('downloads', () => {
  it('ask for the workbook of an area on a day, or of everything', () => {
    expect(workbookURL('8589934594', '2025-06-30')).toBe('/export/coverage.xlsx?asOf=2025-06-30&areaId=8589934594')
    expect(workbookURL(null, '2025-06-30')).toBe('/export/coverage.xlsx?asOf=2025-06-30')
  })
  it('name the file as the server says, in UTF-8 when it can', () => {
    const header = `attachment; filename="coverage-2025-06-30.xlsx"; filename*=UTF-8''${encodeURIComponent('阜新街道基层党组织覆盖情况20250630.xlsx')}`
    expect(fileName(header, 'x.xlsx')).toBe('阜新街道基层党组织覆盖情况20250630.xlsx')
    expect(fileName('attachment; filename="coverage.xlsx"', 'x.xlsx')).toBe('coverage.xlsx')
    expect(fileName(null, 'x.xlsx')).toBe('x.xlsx')
  })
})
