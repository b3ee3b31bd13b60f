// @vitest-environment happy-dom
import { effectScope, nextTick, ref } from 'vue'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { useGridMap } from './useGridMap'

let signals: AbortSignal[]
beforeEach(() => {
  signals = []
  // The analysis never answers: only an abort ends the request.
  vi.stubGlobal(
    'fetch',
    vi.fn((_url: string, init: RequestInit) => {
      signals.push(init.signal!)
      return new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)))
    }),
  )
})
afterEach(() => vi.unstubAllGlobals())

it('aborts a load overtaken by a newer one, and the one running when the view goes away', async () => {
  const day = ref('2026-01-01')
  const scope = effectScope()
  const map = scope.run(() => useGridMap(() => undefined, () => day.value))!
  expect(signals).toHaveLength(1)
  day.value = '2026-02-01'
  await nextTick()
  expect(signals).toHaveLength(2)
  expect(signals[0].aborted).toBe(true)
  expect(signals[1].aborted).toBe(false)
  scope.stop()
  expect(signals[1].aborted).toBe(true)
  await nextTick()
  expect(map.error.value).toBeUndefined()
})
