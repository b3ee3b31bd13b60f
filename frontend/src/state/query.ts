// The URL holds what a view shows, so that a link reproduces it: the view is
// the path; the date ("asOf") and the area ("area") are in the query, with
// each view's own filters beside them.
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { isDate } from '@/lib/dates'

/** The state every view shares. */
export interface ViewState {
  /** The day the register is read as of, YYYY-MM-DD. */
  asOf: string
  /** The area shown; undefined means the whole sub-district. */
  area?: string
}

const idPattern = /^\d+$/

/** first is a query parameter's single value. */
export function first(value: LocationQuery[string] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value
  return v ?? undefined
}

/** list is a query parameter's values, whether written once, repeated, or comma separated. */
export function list(value: LocationQuery[string] | undefined): string[] {
  const values = Array.isArray(value) ? value : value == null ? [] : [value]
  return values.flatMap((v) => (v ?? '').split(',')).filter((v) => v !== '')
}

/** readState reads the shared state, taking today when the URL names no valid date. */
export function readState(query: LocationQuery, today: string): ViewState {
  const asOf = first(query.asOf)
  const area = first(query.area)
  return {
    asOf: isDate(asOf) ? asOf : today,
    area: area && idPattern.test(area) ? area : undefined,
  }
}

/**
 * normalizeQuery returns the query to redirect to when the URL lacks a valid
 * date (today is written in, so that a copied link keeps meaning the same
 * day) or names an area that cannot be an ID; null when it is fine.
 */
export function normalizeQuery(query: LocationQuery, today: string): LocationQuery | null {
  const state = readState(query, today)
  const asOf = first(query.asOf)
  const area = first(query.area)
  if (asOf === state.asOf && (area === undefined || area === state.area)) return null
  const out: LocationQuery = { ...query, asOf: state.asOf }
  if (state.area) out.area = state.area
  else delete out.area
  return out
}

/** withQuery merges changes into a query; an undefined, empty or empty-list value removes the key. */
export function withQuery(
  query: LocationQueryRaw,
  changes: Record<string, string | string[] | undefined>,
): LocationQueryRaw {
  const out: LocationQueryRaw = { ...query }
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete out[key]
    else out[key] = Array.isArray(value) ? value.join(',') : value
  }
  return out
}
