// Chinese by default, English on request; the choice is kept in the browser.
import { createI18n } from 'vue-i18n'
import { enumMessages } from './enums'
import { messages as records } from './records'
import { parts, viewParts } from './parts'
import { messages as ui } from './ui'

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
  return { ...pick(ui, lang), ...Object.assign({}, ...parts.map((p) => pick(p, lang))), ...pick(records, lang), enum: enumMessages(lang) }
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

let viewWords: Promise<void> | undefined

/**
 * loadViewWords reads the views' own words (i18n/parts.ts viewParts) into
 * both languages, once; the router waits for it before the first page.
 */
export function loadViewWords(): Promise<void> {
  viewWords ??= Promise.all(Object.values(viewParts).map((load) => load()))
    .then((modules) => {
      for (const m of modules) {
        i18n.global.mergeLocaleMessage('zh-CN', pick(m.messages, 0))
        i18n.global.mergeLocaleMessage('en', pick(m.messages, 1))
      }
    })
    .catch((err: unknown) => {
      viewWords = undefined
      throw err
    })
  return viewWords
}

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
