// Update mutations take only what changed; an optional field emptied in a
// form is cleared with its clearX flag (clearCreditCode, clearParent…),
// since sending null would mean "leave as is".

type Value = unknown

function empty(v: Value): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)
}

function same(a: Value, b: Value): boolean {
  if (empty(a) && empty(b)) return true
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * updateInput compares a record's values with a form's and returns the
 * update input: changed fields with their new value; an emptied field as
 * its clear flag from clearFlags (a field without one is left out, the
 * server keeping its value, since a required field cannot be emptied).
 */
export function updateInput<T extends object>(
  original: T,
  edited: T,
  clearFlags: Partial<Record<keyof T, string>> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(edited) as (keyof T)[]) {
    const [was, now] = [original[key], edited[key]]
    if (same(was, now)) continue
    if (empty(now)) {
      const flag = clearFlags[key]
      if (flag) out[flag] = true
    } else {
      out[key as string] = now
    }
  }
  return out
}

/** createInput drops empty optional values, so the server applies its defaults. */
export function createInput<T extends object>(values: T): Partial<T> {
  const out: Partial<T> = {}
  for (const key of Object.keys(values) as (keyof T)[]) {
    if (!empty(values[key])) out[key] = values[key]
  }
  return out
}
