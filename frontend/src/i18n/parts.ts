// The words of the views that keep theirs apart, each in a file ui-NAME.ts
// exporting messages: the same tree of [zh, en] pairs as ui.ts, under a
// top-level key of its own (ledger, rectify, …).
type Tree = { [key: string]: Tree | readonly [string, string] }

// The words every page can show (the actions, the analyst's and the forms'
// shared words) are read with the shell.
const shell = import.meta.glob<{ messages: Tree }>(['./ui-action.ts', './ui-analyst.ts', './ui-ux.ts'], { eager: true })
export const parts: Tree[] = Object.values(shell).map((m) => m.messages)

// Every other view's words are a chunk of their own, read once before the
// first page is shown (i18n/index.ts loadViewWords): the views' words do not
// weigh on the shell's initial JavaScript. A new ui-NAME.ts is one of these.
export const viewParts = import.meta.glob<{ messages: Tree }>([
  './ui-*.ts',
  '!./ui-action.ts',
  '!./ui-analyst.ts',
  '!./ui-ux.ts',
  '!./*.test.ts',
])
