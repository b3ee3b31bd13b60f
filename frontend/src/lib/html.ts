/** escapeHtml makes text safe inside HTML, such as a chart tooltip. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
