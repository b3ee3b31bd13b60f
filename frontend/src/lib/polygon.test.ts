import { describe, expect, it } from 'vitest'
import { parsePolygon, svgPaths } from './polygon'

const ring = [
  [88, 44],
  [88.01, 44],
  [88.01, 44.01],
  [88, 44],
]

describe('parsePolygon', () => {
  it('reads a Polygon, alone or as the one geometry of a Feature', () => {
    const p = { type: 'Polygon', coordinates: [ring] }
    expect(parsePolygon(JSON.stringify(p))).toEqual({ ok: true, polygon: p, points: 3 })
    expect(parsePolygon(JSON.stringify({ type: 'Feature', geometry: p, properties: {} }))).toMatchObject({ ok: true, points: 3 })
    expect(parsePolygon(JSON.stringify({ type: 'MultiPolygon', coordinates: [[ring], [ring]] }))).toMatchObject({ ok: true, points: 6 })
  })

  it('says why text is not a polygon', () => {
    expect(parsePolygon('{')).toEqual({ ok: false, why: '不是 JSON 文本' })
    expect(parsePolygon('{"type":"Point","coordinates":[1,2]}', false)).toEqual({ ok: false, why: 'the type must be Polygon or MultiPolygon' })
    expect(parsePolygon(JSON.stringify({ type: 'Polygon', coordinates: [ring.slice(0, 3).concat([[1, 1]])] }))).toMatchObject({ ok: false, why: '环未闭合（首尾点应相同）' })
    expect(parsePolygon(JSON.stringify({ type: 'Polygon', coordinates: [[[200, 0], [1, 1], [2, 2], [200, 0]]] }))).toMatchObject({ ok: false })
  })
})

describe('svgPaths', () => {
  it('draws polygons at one scale, north up, and nothing for a missing one', () => {
    const [a, b] = svgPaths([{ type: 'Polygon', coordinates: [ring] }, undefined], 108, 108)
    expect(a).toBe('M4.0,104.0L104.0,104.0L104.0,4.0L4.0,104.0Z')
    expect(b).toBe('')
  })
})
