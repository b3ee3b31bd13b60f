// The gaps table: filters narrow it to what the server reports for the same
// question, and the CSV export holds exactly those rows.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { gql, launch, openPage, seriousViolations, shot, visit } from '../lib/browser.mjs'

let browser
before(async () => (browser = await launch()))
after(() => browser?.close())

async function expectedGaps(vars) {
  const { data, errors } = await gql(
    `query ($areaId: ID, $severities: [Severity!], $rules: [RuleCode!]) {
      coverageGaps(areaId: $areaId, severities: $severities, rules: $rules, first: 500) { totalCount nodes { rule subjectName } }
    }`,
    vars,
  )
  assert.equal(errors, undefined, JSON.stringify(errors))
  return data.coverageGaps
}

/** parseCSV reads the export (RFC 4180, with a byte order mark). */
function parseCSV(text) {
  assert.equal(text.charCodeAt(0), 0xfeff, 'the file starts with a byte order mark for Excel')
  const rows = []
  let row = []
  let cell = ''
  let quoted = false
  for (let i = 1; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++
      else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') row.push(cell), (cell = '')
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++
    else cell += c
  }
  return rows
}

async function choose(page, testid, option) {
  await page.locator(`[data-testid=${testid}]`).click()
  await page.getByRole('option', { name: option, exact: true }).click()
  await page.keyboard.press('Escape')
}

describe('the gaps table', () => {
  it('filters by severity and community and exports the rows it shows', async () => {
    const { data } = await gql(`{ areas(where: { kind: COMMUNITY }) { nodes { id name } } }`)
    const all = await expectedGaps({ severities: ['HIGH'] })
    assert.ok(all.totalCount > 0, 'the demo has HIGH gaps')
    // The community with the most HIGH gaps, so the filter visibly narrows.
    const counts = await Promise.all(data.areas.nodes.map(async (c) => ({ ...c, n: (await expectedGaps({ areaId: c.id, severities: ['HIGH'] })).totalCount })))
    const community = counts.sort((a, b) => b.n - a.n)[0]
    const expected = await expectedGaps({ areaId: community.id, severities: ['HIGH'] })

    const page = await openPage(browser.context)
    await visit(page, '/gaps')
    const count = page.locator('[data-testid=gaps-count]')
    await choose(page, 'filter-severity', '高')
    await count.filter({ hasText: `共 ${all.totalCount} 项缺口` }).waitFor()
    await choose(page, 'filter-community', community.name)
    await count.filter({ hasText: `共 ${expected.totalCount} 项缺口` }).waitFor()
    assert.match(page.url(), /severity=HIGH/)
    assert.match(page.url(), new RegExp(`area=${community.id}`))
    await page.waitForLoadState('networkidle')
    const rows = page.locator('[data-testid=gaps-table] tbody tr')
    assert.equal(await rows.count(), Math.min(expected.totalCount, 50))

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-csv]').click()])
    assert.match(download.suggestedFilename(), /^覆盖缺口_.+_\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = parseCSV(readFileSync(await download.path(), 'utf8'))
    assert.equal(csv[0][0], '严重程度')
    assert.equal(csv.length - 1, expected.totalCount, 'one row per gap')
    assert.deepEqual(csv.slice(1).map((r) => r[4]).sort(), expected.nodes.map((g) => g.subjectName).sort())
    assert.ok(csv.slice(1).every((r) => r[0] === '高' && r[5] === community.name))
    await shot(page, 'gaps')
    assert.deepEqual(await seriousViolations(page), [])
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('reads its rule filter from a shared link', async () => {
    const { nodes } = await expectedGaps({})
    const rule = nodes[0].rule
    const expected = await expectedGaps({ rules: [rule] })
    const page = await openPage(browser.context)
    await visit(page, `/gaps?rule=${rule}`)
    await page.locator('[data-testid=gaps-count]', { hasText: `共 ${expected.totalCount} 项缺口` }).waitFor()
    assert.equal(await page.locator(`[data-testid=gaps-table] [data-rule=${rule}]`).count(), Math.min(expected.totalCount, 50))
    assert.deepEqual(page.problems, [])
    await page.close()
  })
})
