// Importing ledgers (importhttp.go on the server): POST /ledger/import
// takes the workbook as a form's file and answers with a job, polled at
// GET /ledger/jobs/{id} until it is DONE or FAILED; a dry run reports what
// the import would do and writes nothing.
import { csrfToken } from '@/state/session'
import { csrfHeader } from './auth'

/** LedgerProblem is what is wrong at a sheet's row and column. */
export interface LedgerProblem {
  sheet: string
  row: number
  column: string
  value: string
  message: string
}

/** LedgerRow is what became, or would become, of a row. */
export interface LedgerRow {
  sheet: string
  row: number
  name: string
  action: 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'FAILED'
  changed?: string[]
}

/** LedgerResult is the report of an import or a dry run. */
export interface LedgerResult {
  file: string
  dryRun: boolean
  written: boolean
  rows: LedgerRow[]
  problems: LedgerProblem[]
  created: number
  updated: number
  unchanged: number
  failed: number
  unknownSheets?: string[]
}

/** LedgerJob is an import running or done. */
export interface LedgerJob {
  id: string
  file: string
  dryRun: boolean
  done: number
  total: number
  status: 'RUNNING' | 'DONE' | 'FAILED'
  error?: string
  result?: LedgerResult
}

async function answer(res: Response): Promise<LedgerJob> {
  if (!res.ok) {
    let message = `HTTP ${res.status}`
    try {
      const body = await res.json()
      message = String(body?.error?.message ?? body?.errors?.[0]?.message ?? message)
    } catch {
      // keep the status
    }
    throw new Error(message)
  }
  return (await res.json()) as LedgerJob
}

function headers(): Record<string, string> {
  const token = csrfToken()
  return token ? { [csrfHeader]: token, Accept: 'application/json' } : { Accept: 'application/json' }
}

/** startImport uploads a ledger and returns its job. */
export async function startImport(file: File, dryRun: boolean): Promise<LedgerJob> {
  const form = new FormData()
  form.append('file', file, file.name)
  return answer(await fetch(`/ledger/import?dryRun=${dryRun}`, { method: 'POST', credentials: 'same-origin', headers: headers(), body: form }))
}

/** pollImport reads a job's state. */
export async function pollImport(id: string): Promise<LedgerJob> {
  return answer(await fetch(`/ledger/jobs/${encodeURIComponent(id)}`, { credentials: 'same-origin', headers: headers() }))
}

/** runImport uploads a ledger and polls its job to the end, telling onProgress along the way. */
export async function runImport(file: File, dryRun: boolean, onProgress: (job: LedgerJob) => void, every = 300): Promise<LedgerJob> {
  let job = await startImport(file, dryRun)
  onProgress(job)
  while (job.status === 'RUNNING') {
    await new Promise((resolve) => setTimeout(resolve, every))
    job = await pollImport(job.id)
    onProgress(job)
  }
  return job
}

/** rowsWithProblems joins each row's outcome with its problems, the rows with problems first. */
export function rowsWithProblems(result: LedgerResult): (LedgerRow & { problems: LedgerProblem[] })[] {
  const key = (sheet: string, row: number) => `${sheet}\u0000${row}`
  const problems = new Map<string, LedgerProblem[]>()
  for (const p of result.problems) {
    const k = key(p.sheet, p.row)
    problems.set(k, [...(problems.get(k) ?? []), p])
  }
  const rows = result.rows.map((r) => ({ ...r, problems: problems.get(key(r.sheet, r.row)) ?? [] }))
  const rank = (r: LedgerRow) => (r.action === 'FAILED' ? 0 : r.action === 'UNCHANGED' ? 2 : 1)
  return rows.sort((a, b) => rank(a) - rank(b))
}

/** GridFeature is what became, or would become, of a feature of a GeoJSON file. */
export interface GridFeature {
  index: number
  name: string
  areaId?: number
  action: 'UPDATED' | 'UNCHANGED' | 'FAILED'
  problem?: string
  boundary?: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] }
}

/** GridResult is the report of an import of grid boundaries. */
export interface GridResult {
  file: string
  crs: string
  dryRun: boolean
  written: boolean
  features: GridFeature[]
  updated: number
  unchanged: number
  failed: number
}

/** importGrids sends a GeoJSON FeatureCollection of grid boundaries; crs '' reads the file's own. */
export async function importGrids(file: File, opts: { dryRun: boolean; crs: string; property: string }): Promise<GridResult> {
  const form = new FormData()
  form.append('file', file, file.name)
  const params = new URLSearchParams({ dryRun: String(opts.dryRun) })
  if (opts.crs) params.set('crs', opts.crs)
  if (opts.property) params.set('property', opts.property)
  const res = await fetch(`/ledger/grids?${params}`, { method: 'POST', credentials: 'same-origin', headers: headers(), body: form })
  if (!res.ok) {
    let message = `HTTP ${res.status}`
    try {
      const body = await res.json()
      message = String(body?.errors?.[0]?.message ?? body?.error?.message ?? message).replace(/^file: /, '')
    } catch {
      // keep the status
    }
    throw new Error(message)
  }
  return (await res.json()) as GridResult
}

/** rings lists a boundary's rings of [lng, lat] positions. */
export function rings(boundary: GridFeature['boundary']): number[][][] {
  if (!boundary) return []
  return boundary.type === 'Polygon' ? (boundary.coordinates as number[][][]) : (boundary.coordinates as number[][][][]).flat()
}
