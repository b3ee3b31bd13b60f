// The gaps table as a CSV file: every gap the filters select, not just the
// page on screen, fetched 500 at a time (the API's largest page).
import { request } from '@/api/client'
import type { GapFieldsFragment, GapsQueryVariables } from '@/gql/graphql'
import { toCSV, type Cell } from '@/lib/csv'
import { figureText } from '@/lib/records'
import { GapsDocument } from './queries'

/** Words is how the file's header and cells are written in the chosen language. */
export interface Words {
  header: readonly string[]
  severity: (s: GapFieldsFragment['severity']) => string
  rule: (r: GapFieldsFragment['rule']) => string
  type: (typename: string) => string
  figure: (name: string) => string
  text: (l: { zh: string; en: string }) => string
}

/** gapRow is one gap as a row of the file; the rule's code stays for other tools to read. */
export function gapRow(g: GapFieldsFragment, w: Words): Cell[] {
  return [
    w.severity(g.severity),
    g.rule,
    w.rule(g.rule),
    w.type(g.subject.__typename),
    g.subjectName,
    g.community?.name,
    g.grid?.name,
    w.text(g.message),
    g.figures.map((f) => figureText(f, w.figure)).join('; '),
    w.text(g.remedy),
    g.suggestions.map((s) => s.name).join('; '),
  ]
}

/** fetchAllGaps reads every page of gaps the variables select. */
export async function fetchAllGaps(vars: Omit<GapsQueryVariables, 'first' | 'after'>): Promise<GapFieldsFragment[]> {
  const out: GapFieldsFragment[] = []
  let after: string | null | undefined
  for (;;) {
    const page = (await request(GapsDocument, { ...vars, first: 500, after })).coverageGaps
    out.push(...page.nodes)
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return out
    after = page.pageInfo.endCursor
  }
}

/** gapsCSV writes the gaps as the file's text. */
export function gapsCSV(gaps: readonly GapFieldsFragment[], w: Words): string {
  return toCSV(w.header, gaps.map((g) => gapRow(g, w)))
}

/** exportFileName names the file after the area and the date, without characters file systems refuse. */
export function exportFileName(prefix: string, area: string, asOf: string): string {
  return `${[prefix, area, asOf].filter(Boolean).join('_').replace(/[\\/:*?"<>|\s]+/g, '-')}.csv`
}
