// Reading a grid's boundary as a person pastes or uploads it: a GeoJSON
// Polygon or MultiPolygon (alone, or as the one geometry of a Feature or a
// FeatureCollection), checked as the server checks it (closed rings of
// longitude/latitude pairs), and drawn small for a preview.

/** Polygon is a GeoJSON Polygon or MultiPolygon. */
export interface Polygon {
  type: 'Polygon' | 'MultiPolygon'
  coordinates: number[][][] | number[][][][]
}

/** ParseResult is a polygon, or why the text is not one (in the words of the key given). */
export type ParseResult = { ok: true; polygon: Polygon; points: number } | { ok: false; why: string }

/** rings lists a polygon's rings, whatever its type. */
export function rings(p: Polygon): number[][][] {
  return p.type === 'Polygon' ? (p.coordinates as number[][][]) : (p.coordinates as number[][][][]).flat()
}

function geometryOf(v: unknown): unknown {
  const o = v as { type?: string; geometry?: unknown; features?: { geometry?: unknown }[] }
  if (o?.type === 'Feature') return o.geometry
  if (o?.type === 'FeatureCollection' && o.features?.length === 1) return o.features[0].geometry
  return v
}

/** parsePolygon reads text as a polygon; why is a short English or Chinese phrase. */
export function parsePolygon(text: string, zh = true): ParseResult {
  const say = (c: string, e: string): ParseResult => ({ ok: false, why: zh ? c : e })
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return say('不是 JSON 文本', 'not JSON')
  }
  const g = geometryOf(value) as Polygon
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return say('类型应为 Polygon 或 MultiPolygon', 'the type must be Polygon or MultiPolygon')
  if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return say('没有坐标', 'no coordinates')
  let points = 0
  for (const ring of rings(g)) {
    if (!Array.isArray(ring) || ring.length < 4) return say('每个环至少 4 个点', 'every ring needs at least 4 points')
    for (const pt of ring) {
      if (!Array.isArray(pt) || pt.length < 2 || !pt.every((n) => typeof n === 'number' && Number.isFinite(n)))
        return say('坐标应为 [经度, 纬度]', 'points must be [longitude, latitude]')
      if (Math.abs(pt[0]) > 180 || Math.abs(pt[1]) > 90) return say('经纬度超出范围', 'longitude or latitude out of range')
    }
    const [a, z] = [ring[0], ring[ring.length - 1]]
    if (a[0] !== z[0] || a[1] !== z[1]) return say('环未闭合（首尾点应相同）', 'a ring is not closed (first and last points differ)')
    points += ring.length - 1
  }
  return { ok: true, polygon: { type: g.type, coordinates: g.coordinates }, points }
}

/** svgPaths draws polygons into a width×height box, north up, all at one scale; one path per polygon. */
export function svgPaths(polygons: (Polygon | null | undefined)[], width: number, height: number): string[] {
  const all = polygons.flatMap((p) => (p ? rings(p).flat() : []))
  if (!all.length) return polygons.map(() => '')
  const xs = all.map((p) => p[0])
  const ys = all.map((p) => p[1])
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]
  const scale = Math.min((width - 8) / (x1 - x0 || 1e-9), (height - 8) / (y1 - y0 || 1e-9))
  const px = (p: number[]) => `${(4 + (p[0] - x0) * scale).toFixed(1)},${(height - 4 - (p[1] - y0) * scale).toFixed(1)}`
  return polygons.map((p) => (p ? rings(p).map((r) => `M${r.map(px).join('L')}Z`).join(' ') : ''))
}
