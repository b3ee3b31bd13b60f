import { describe, expect, it } from 'vitest'
import { creditCode, creditCodeCheck, findings, idNumber, idNumberCheck, notAfter, notBefore, notMore, phone, required } from './validate'
import { messages } from '@/i18n/ui-ux'

// t renders a key of ui-ux.ts in Chinese, as the dashboard does by default.
const t = (key: string, named: Record<string, unknown> = {}) => {
  if (!key.startsWith('validate.')) return key
  const pair = (messages.validate as Record<string, readonly [string, string]>)[key.slice('validate.'.length)]
  return pair[0].replace(/\{(\w+)\}/g, (_, k) => String(named[k]))
}

describe('validate', () => {
  it('knows a required field is empty', () => {
    expect(required('')?.key).toBe('validate.required')
    expect(required('  ')?.key).toBe('validate.required')
    expect(required(null)?.key).toBe('validate.required')
    expect(required([])?.key).toBe('validate.required')
    expect(required('王某')).toBeUndefined()
    expect(required(0)).toBeUndefined()
  })

  it('checks an ID number by GB 11643, naming the check character it wants', () => {
    expect(idNumber('11010519491231002X')).toBeUndefined()
    expect(idNumber('11010519491231002x')).toBeUndefined()
    expect(idNumber('')).toBeUndefined()
    expect(idNumber('110105194912310021')).toEqual({ key: 'validate.idCheck', named: { got: '1', want: 'X' } })
    expect(idNumber('11010519491331002X')?.key).toBe('validate.idBirth')
    expect(idNumber('1101051949123100')?.key).toBe('validate.idLength')
    expect(idNumber('1101051949123A002X')?.key).toBe('validate.idDigits')
    expect(idNumber('110105209912310021', new Date('2026-01-01'))?.key).toBe('validate.idBirth')
    expect(idNumberCheck('11010519491231002')).toBe('X')
  })

  it('checks a credit code by GB 32100', () => {
    const first = '91652302MA0000001'
    expect(creditCode(first + creditCodeCheck(first))).toBeUndefined()
    expect(creditCode('91652302MA0000001U')).toBeUndefined()
    expect(creditCode('91652302MA00000000')).toEqual({ key: 'validate.creditCheck', named: { got: '0', want: 'Q' } })
    expect(creditCode('916523')?.key).toBe('validate.creditLength')
    expect(creditCode('91652302MA000000IU')?.key).toBe('validate.creditChar')
    expect(creditCode('91A52302MA0000001U')?.key).toBe('validate.creditDivision')
  })

  it('checks phone numbers as the server does', () => {
    for (const ok of ['13812345678', '0994-1234567', '5812345', '0994-12345678']) expect(phone(ok)).toBeUndefined()
    for (const bad of ['12345', '138-1234-5678', '09a4-1234567', '1381234567']) expect(phone(bad)?.key).toBe('validate.phone')
  })

  it('keeps dates and counts in order', () => {
    expect(notBefore('2020-01-01', '2021-01-01', 'fields.startedOn')?.named).toEqual({ date: '2021-01-01', label: 'fields.startedOn' })
    expect(notBefore('2021-01-01', '2021-01-01', 'x')).toBeUndefined()
    expect(notBefore(null, '2021-01-01', 'x')).toBeUndefined()
    expect(notMore(40, 36, 'fields.expectedAttendance')?.key).toBe('validate.notMore')
    expect(notMore(36, 36, 'x')).toBeUndefined()
  })

  it('gives the first Chinese message of each field that fails', () => {
    const out = findings(
      {
        name: [() => required('')],
        idNumber: [() => idNumber('110105194912310021')],
        phone: [() => phone('13812345678')],
        attendance: [() => required(40), () => notMore(40, 36, 'fields.expectedAttendance')],
      },
      t,
    )
    expect(out).toEqual({
      name: '必须填写',
      idNumber: '校验位是“1”，按前17位应为“X”，请核对',
      attendance: '不能多于fields.expectedAttendance（36）',
    })
  })
  it('refuses an effective day after the last day allowed', () => {
    expect(notAfter('2026-12-03', '2026-12-02')).toEqual({ key: 'validate.afterToday' })
    expect(notAfter('2026-12-02', '2026-12-02')).toBeUndefined()
    expect(notAfter('', '2026-12-02')).toBeUndefined()
  })
})
