// CSV as spreadsheet programs in Chinese offices open it: UTF-8 with a byte
// order mark (without it Excel reads GBK and garbles the names), CRLF line
// ends, RFC 4180 quoting.

export type Cell = string | number | boolean | null | undefined

/**
 * A cell a spreadsheet would read as a formula (=, +, -, @, tab, CR) is
 * prefixed with an apostrophe: a unit's name must never run as a formula on
 * the computer of whoever opens the export. Numbers stay numbers.
 */
function guard(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

/** csvCell writes one cell. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'string' ? guard(value) : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** toCSV writes a header and rows, with the byte order mark. */
export function toCSV(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/** downloadText saves text as a file through the browser's download. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
