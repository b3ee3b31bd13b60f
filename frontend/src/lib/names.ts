// Names sorted as a reader expects: 第二网格 before 第十网格, which plain
// string order (or pinyin order: 二 er, 三 san, 一 yi) gets wrong.

const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** chineseNumber reads a Chinese numeral up to 99 (一, 十二, 二十, 三十五). */
export function chineseNumber(s: string): number {
  const ten = s.indexOf('十')
  if (ten < 0) return [...s].reduce((n, c) => n * 10 + (digits[c] ?? 0), 0)
  const tens = ten === 0 ? 1 : (digits[s[ten - 1]] ?? 1)
  const ones = ten === s.length - 1 ? 0 : (digits[s[ten + 1]] ?? 0)
  return tens * 10 + ones
}

/** sortKey writes Chinese numerals as digits, so that numeric collation orders them. */
export function sortKey(name: string): string {
  return name.replace(/[零〇一二两三四五六七八九十]+/g, (m) => String(chineseNumber(m)))
}

const collator = new Intl.Collator('zh-CN', { numeric: true })

/** compareNames orders names with their numbers, Chinese or Arabic, by value. */
export function compareNames(a: string, b: string): number {
  return collator.compare(sortKey(a), sortKey(b))
}

/** compareIds orders numeric IDs by value, which is the order records were made in. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)
}
