// Chinese by default, English on request; the choice is kept in the browser.
import { createI18n } from 'vue-i18n'
import { enumMessages } from './enums'
import { messages as records } from './records'
import { messages as ui } from './ui'
import { messages as uiImport } from './ui-import'

/** Lang is a language the dashboard speaks. */
export type Lang = 'zh-CN' | 'en'

const storageKey = 'jiceng.lang'

type Tree = { [key: string]: Tree | readonly [string, string] }

/** pick takes one language out of a tree of [zh, en] pairs. */
export function pick(tree: Tree, lang: 0 | 1): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(tree).map(([k, v]) => [k, Array.isArray(v) ? v[lang] : pick(v as Tree, lang)]),
  )
}

function messagesOf(lang: 0 | 1) {
  return { ...pick(ui, lang), ...pick(records, lang), ...pick(uiImport, lang), enum: enumMessages(lang) }
}

function savedLang(): Lang {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

export const i18n = createI18n({
  legacy: false,
  locale: savedLang(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': messagesOf(0), en: messagesOf(1) },
})

/** setLang switches the language, remembers it, and tells assistive technology. */
export function setLang(lang: Lang) {
  i18n.global.locale.value = lang
  document.documentElement.lang = lang
  try {
    localStorage.setItem(storageKey, lang)
  } catch {
    // A browser that refuses storage still switches for this visit.
  }
}

document.documentElement.lang = i18n.global.locale.value
