// The words of the views that keep theirs apart, each in a file ui-NAME.ts
// exporting messages: the same tree of [zh, en] pairs as ui.ts.
type Tree = { [key: string]: Tree | readonly [string, string] }

export const parts: Tree[] = Object.values(import.meta.glob<{ messages: Tree }>('./ui-*.ts', { eager: true })).map((m) => m.messages)
