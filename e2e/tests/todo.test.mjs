// The 待办 view: the staff member's list of what is due, grouped by the
// person responsible, with the counts the server gives for each kind; a
// kind filter narrows the rows; each row links to the operation on its
// record; an editor sees their community's reminders only.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { editorCommunity, gql, gqlAs, launch, openPage, seriousViolations, shot, visit } from '../lib/browser.mjs'

const query = `query ($areaId: ID) { reminders(areaId: $areaId, within: 30) { total counts { kind count }
  groups { responsible reminders { kind action subject { id } } } } }`

async function expected(vars = {}, role) {
  const { data, errors } = role ? await gqlAs(role, query, vars) : await gql(query, vars)
  assert.equal(errors, undefined, JSON.stringify(errors))
  return data.reminders
}

let browser
before(async () => (browser = await launch()))
after(() => browser?.close())

describe('the to-do view', () => {
  it('lists what is due by person responsible, counts and filters by kind, and links to the operation', async () => {
    const want = await expected()
    assert.ok(want.total > 0, 'the demo has something due')
    const page = await openPage(browser.context)
    await visit(page, '/')
    await page.getByRole('link', { name: '待办', exact: true }).first().click()
    await page.waitForURL(/\/todo/)
    await page.locator('[data-testid=todo-total]', { hasText: `共${want.total}项待办` }).waitFor()
    await page.waitForLoadState('networkidle')
    assert.equal(await page.locator('[data-testid=todo-group]').count(), want.groups.length)
    const names = await page.locator('[data-testid=todo-responsible]').allTextContents()
    assert.deepEqual(names, want.groups.map((g) => g.responsible ?? '未指定负责人'))
    for (const c of want.counts) {
      const count = page.locator(`[data-testid=todo-kinds] [data-kind=${c.kind}] [data-testid=todo-kind-count]`)
      assert.equal(await count.textContent(), String(c.count), `${c.kind} count`)
    }
    await shot(page, 'todo')
    assert.deepEqual(await seriousViolations(page), [])

    // Filter by the kind with the most reminders: only its rows remain.
    const kind = [...want.counts].sort((a, b) => b.count - a.count)[0]
    await page.locator(`[data-testid=todo-kinds] [data-kind=${kind.kind}]`).click()
    await page.waitForURL(new RegExp(`kind=${kind.kind}`))
    const rows = page.locator('[data-testid=todo-table] tbody tr')
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=todo-table] tbody tr').length === n, kind.count)
    assert.equal(await rows.count(), kind.count)
    assert.equal(await page.locator(`[data-testid=todo-table] tbody [data-kind]:not([data-kind=${kind.kind}])`).count(), 0)
    await page.locator(`[data-testid=todo-kinds] [data-kind=${kind.kind}]`).click()

    // A reminder with an operation opens it on the record's page.
    const withAction = want.groups.flatMap((g) => g.reminders).find((r) => r.action)
    assert.ok(withAction, 'some reminder names an operation')
    const link = page.locator(`[data-testid=todo-action][data-action=${withAction.action}]`).first()
    const href = await link.getAttribute('href')
    assert.match(href, new RegExp(`action=${withAction.action}`))
    await link.click()
    await page.waitForURL(new RegExp(`/(members|organizations)/\\d+\\?.*action=${withAction.action}`))
    await page.getByRole('dialog').first().waitFor()
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('shows an editor the reminders of their community only', async () => {
    const want = await expected({}, 'editor')
    const community = await expected({ areaId: editorCommunity.id })
    assert.ok(want.total <= community.total, 'an editor sees no more than their community holds')
    const all = await expected()
    assert.ok(want.total < all.total, 'an editor sees less than the whole sub-district')
    const editor = await launch({ as: 'editor' })
    try {
      const page = await openPage(editor.context)
      await visit(page, '/todo')
      await page.locator('[data-testid=todo-total]', { hasText: `共${want.total}项待办` }).waitFor()
      assert.deepEqual(page.problems, [])
      await page.close()
    } finally {
      await editor.close()
    }
  })

  it('sorts the gaps table by age, the oldest first, with how long each has been open', async () => {
    const { data, errors } = await gql(`{ coverageGaps(orderBy: AGE, first: 50) { nodes { subjectName openSince } } }`)
    assert.equal(errors, undefined, JSON.stringify(errors))
    const want = data.coverageGaps.nodes
    assert.ok(want.length > 0)
    const page = await openPage(browser.context)
    await visit(page, '/gaps?order=age')
    await page.locator('[data-testid=gap-age]').first().waitFor({ timeout: 90_000 })
    await page.waitForLoadState('networkidle')
    const ages = (await page.locator('[data-testid=gap-age]').allTextContents()).map((s) => Number(/(\d+)/.exec(s)[1]))
    assert.equal(ages.length, want.filter((g) => g.openSince).length)
    assert.deepEqual([...ages].sort((a, b) => b - a), ages, 'the oldest first')
    await shot(page, 'gaps-by-age')
    assert.deepEqual(await seriousViolations(page), [])
    assert.deepEqual(page.problems, [])
    await page.close()
  })
})
