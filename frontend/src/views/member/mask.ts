// Personal data is sensitive (DOMAIN.md): a member's page shows it masked
// until asked, so it is not read off a screen over someone's shoulder.

/** mask keeps the first and last characters of a value and hides the rest. */
export function mask(value: string | null | undefined, keepStart = 3, keepEnd = 4): string {
  if (!value) return '—'
  const chars = [...value]
  if (chars.length <= keepStart + keepEnd) return '*'.repeat(chars.length)
  return chars.slice(0, keepStart).join('') + '*'.repeat(chars.length - keepStart - keepEnd) + chars.slice(-keepEnd).join('')
}
