// @vitest-environment happy-dom
import { effectScope, nextTick } from 'vue'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { useEditable } from './editable'

let fetch: ReturnType<typeof vi.fn>
beforeEach(() => {
  fetch = vi.fn(async () => new Response(JSON.stringify({ data: { viewer: { role: 'EDITOR', areaIDs: ['7'] } } }), { status: 200 }))
  vi.stubGlobal('fetch', fetch)
})
afterEach(() => vi.unstubAllGlobals())

it('reads the viewer’s areas once per component, however many pickers ask', async () => {
  const scope = effectScope()
  const [a, b] = scope.run(() => [useEditable(), useEditable()])!
  await vi.waitFor(() => expect(a.isEditor.value).toBe(true))
  expect(b).toBe(a)
  expect(b.mayUseArea('7')).toBe(true)
  expect(b.mayUseArea('8')).toBe(false)
  expect(fetch).toHaveBeenCalledOnce()

  const other = effectScope()
  other.run(() => useEditable())
  await nextTick()
  expect(fetch).toHaveBeenCalledTimes(2) // another component reads them for itself
  scope.stop()
  other.stop()
})
