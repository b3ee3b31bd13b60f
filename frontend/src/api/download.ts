// Downloads of files the server writes for the signed-in user, such as the
// coverage workbook: fetched with the session's cross-site token (a plain
// link could not send it), then saved through an object URL.
import { csrfToken } from '@/state/session'
import { csrfHeader } from './auth'

/** workbookURL is the address of the coverage workbook of an area (null: all) on a day. */
export function workbookURL(areaId: string | null, asOf: string): string {
  const params = new URLSearchParams({ asOf })
  if (areaId) params.set('areaId', areaId)
  return `/export/coverage.xlsx?${params}`
}

/** fileName reads the file name a Content-Disposition header gives, preferring its UTF-8 form. */
export function fileName(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition)
  if (utf8) {
    try {
      return decodeURIComponent(utf8[1])
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="([^"]+)"/i.exec(disposition)
  return plain ? plain[1] : fallback
}

/** download fetches a file and hands it to the browser to save. It throws with the status when the server refuses. */
export async function download(url: string, fallbackName: string): Promise<void> {
  const token = csrfToken()
  const res = await fetch(url, { credentials: 'same-origin', headers: token ? { [csrfHeader]: token } : {} })
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  const blob = await res.blob()
  const href = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = href
  a.download = fileName(res.headers.get('Content-Disposition'), fallbackName)
  document.body.append(a)
  a.click()
  a.remove()
  URL.revokeObjectURL(href)
}
