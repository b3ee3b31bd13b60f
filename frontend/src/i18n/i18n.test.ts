// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { enumMessages, enumValues } from './enums'
import { pick } from './index'
import { messages as ui } from './ui'

describe('messages', () => {
  it('takes one language out of the pairs', () => {
    const zh = pick(ui, 0) as { nav: { map: string } }
    const en = pick(ui, 1) as { nav: { map: string } }
    expect(zh.nav.map).toBe('网格地图')
    expect(en.nav.map).toBe('Grid map')
  })
  it('names every enum value in both languages', () => {
    for (const lang of [0, 1] as const) {
      const names = enumMessages(lang)
      for (const value of enumValues('RuleCode')) expect(names.RuleCode[value]).toBeTruthy()
    }
  })
  it('uses no character vue-i18n would read as syntax', () => {
    const texts = JSON.stringify(ui)
    expect(texts).not.toMatch(/[@|]/)
  })
})
