import { describe, expect, it } from 'vitest'
import { coverageOf, type UnitLinks } from './coverageMode'

const org = (formation: 'STANDALONE' | 'JOINT' | 'TEMPORARY' | 'TERRITORIAL', dissolvedOn?: string) => ({
  id: formation,
  name: `${formation} branch`,
  formation,
  dissolvedOn,
})

describe('coverageOf', () => {
  it('reads the mode from the covering organisation formation', () => {
    expect(coverageOf({ coverages: [{ startedOn: '2020-01-01', organization: org('STANDALONE') }] }, '2024-01-01').mode).toBe('OWN')
    expect(coverageOf({ coverages: [{ startedOn: '2020-01-01', organization: org('TEMPORARY') }] }, '2024-01-01').mode).toBe('OWN')
    expect(coverageOf({ coverages: [{ startedOn: '2020-01-01', organization: org('JOINT') }] }, '2024-01-01')).toEqual({
      mode: 'JOINT',
      organization: { id: 'JOINT', name: 'JOINT branch' },
    })
    expect(coverageOf({ coverages: [{ startedOn: '2020-01-01', organization: org('TERRITORIAL') }] }, '2024-01-01').mode).toBe('AFFILIATED')
  })
  it('prefers an own organisation over an affiliation', () => {
    const unit: UnitLinks = {
      coverages: [
        { startedOn: '2020-01-01', organization: org('TERRITORIAL') },
        { startedOn: '2021-01-01', organization: org('STANDALONE') },
      ],
    }
    expect(coverageOf(unit, '2024-01-01').mode).toBe('OWN')
  })
  it('honours the dates of the link and of the organisation', () => {
    const unit: UnitLinks = { coverages: [{ startedOn: '2022-01-01', endedOn: '2023-06-01', organization: org('JOINT') }] }
    expect(coverageOf(unit, '2021-12-31').mode).toBe('NONE')
    expect(coverageOf(unit, '2023-05-31').mode).toBe('JOINT')
    expect(coverageOf(unit, '2023-06-01').mode).toBe('NONE')
    const dissolved: UnitLinks = { coverages: [{ startedOn: '2020-01-01', organization: org('STANDALONE', '2023-01-01') }] }
    expect(coverageOf(dissolved, '2023-02-01').mode).toBe('NONE')
  })
  it('counts a union or women’s organisation, then an instructor, when nothing covers the unit', () => {
    const unit: UnitLinks = {
      affiliatedOrganizations: [{ kind: 'UNION', establishedOn: '2020-01-01' }],
      appointments: [{ role: 'PARTY_BUILDING_INSTRUCTOR', startedOn: '2019-01-01' }],
    }
    expect(coverageOf(unit, '2024-01-01').mode).toBe('MASS_ORGANIZATION_ONLY')
    expect(coverageOf(unit, '2019-06-01').mode).toBe('INSTRUCTOR_ONLY')
    expect(coverageOf({ affiliatedOrganizations: [{ kind: 'UNION_VOLUNTEER_TEAM' }] }, '2024-01-01').mode).toBe('NONE')
    expect(coverageOf({ appointments: [{ role: 'SECRETARY', startedOn: '2019-01-01' }] }, '2024-01-01').mode).toBe('NONE')
  })
})
