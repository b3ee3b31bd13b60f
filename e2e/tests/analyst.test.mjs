// The analyst's dashboard: communities and grids side by side in the
// roll-up, drilling down; the register lists sort (naturally), filter, page
// and follow the header's area; the area picker; the map's legend; record
// pages say where a record sits; a changed form asks before it is left;
// every view passes axe and is photographed; an analyst is offered no write
// action anywhere; an editor's pickers offer only their own grids.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { editorCommunity, gql, launch, openPage, seriousViolations, shot, visit } from '../lib/browser.mjs'

let analyst
let admin
before(async () => {
  analyst = await launch({ as: 'analyst' })
  admin = await launch({ as: 'admin' })
})
after(async () => {
  await analyst?.close()
  await admin?.close()
})

/** The words of a write action: none may be visible to an analyst. */
const writeWords = /^(编辑|新建|保存|删除|记录组织生活|新建下级组织|新增.*|转移.*|任命.*|撤销.*)$/

/** assertNoWriteAction finds no write control on the page. */
async function assertNoWriteAction(page, where) {
  const controls = await page.locator('main button:visible, main a.el-button:visible, main [role=button]:visible').allInnerTexts()
  const writes = controls.map((c) => c.trim()).filter((c) => writeWords.test(c))
  assert.deepEqual(writes, [], `an analyst sees write actions on ${where}`)
  assert.equal(await page.locator('[data-testid=new-record], [data-testid=edit]').count(), 0, `an analyst sees a write link on ${where}`)
}

/** check runs axe, saves a screenshot and finds no problem on the page. */
async function check(page, name) {
  await page.waitForLoadState('networkidle')
  await page.mouse.move(0, 0)
  await shot(page, `analyst-${name}`)
  assert.deepEqual(await seriousViolations(page), [], `axe on ${name}`)
  assert.deepEqual(page.problems, [], `problems on ${name}`)
}

/** numbers reads a table row's figures. */
async function figures(row) {
  return (await row.locator('td').allInnerTexts()).map(Number)
}

/** naturalKey mirrors collate.Key: numerals (Chinese or Arabic) compared by value. */
const digits = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
function chineseNumber(s) {
  if (!/[十百]/.test(s)) return [...s].reduce((n, c) => n * 10 + digits[c], 0)
  let total = 0
  let pending = -1
  for (const c of s) {
    if (c === '十' || c === '百') {
      total += (pending < 0 ? 1 : pending) * (c === '十' ? 10 : 100)
      pending = -1
    } else pending = digits[c]
  }
  return total + (pending > 0 ? pending : 0)
}
const naturalKey = (name) =>
  name
    .replace(/[0-9]+/g, (m) => String(Number(m)).padStart(8, '0'))
    .replace(/[零〇一二两三四五六七八九十百]+/g, (m) => String(chineseNumber(m)).padStart(8, '0'))
const inNaturalOrder = (names) => names.every((n, i) => i === 0 || Buffer.compare(Buffer.from(naturalKey(names[i - 1])), Buffer.from(naturalKey(n))) <= 0)

describe('the analyst compares areas', () => {
  it('sees a row per community in every roll-up table, adding up to the total, and drills down', async () => {
    const root = (await gql(`{ areas(where: { kind: SUBDISTRICT }) { nodes { id } } }`)).data.areas.nodes[0]
    const { data } = await gql(`query($id: ID) { coverage(areaId: $id) { members { total } children { area { id name kind } members { total } } } }`, { id: root.id })
    const communities = data.coverage.children.filter((c) => c.area?.kind === 'COMMUNITY')
    assert.ok(communities.length >= 2, 'the demo has communities to compare')
    const page = await openPage(analyst.context)
    await visit(page, '/rollup')
    for (const table of ['rollup-units', 'rollup-members', 'rollup-grids']) {
      const t = page.locator(`[data-testid=${table}]`)
      await t.locator('tbody tr').first().waitFor()
      assert.equal(await t.locator('tbody tr[data-row=child]').count(), data.coverage.children.length, `${table} has a row per area`)
      // The rows under the total, with the rest when there is one, add up to it.
      const total = await figures(t.locator('tbody tr[data-row=total]'))
      const parts = [...(await t.locator('tbody tr[data-row=child]').all()), ...(await t.locator('tbody tr[data-row=rest]').all())]
      const sums = total.map(() => 0)
      for (const r of parts) (await figures(r)).forEach((v, i) => (sums[i] += v))
      assert.deepEqual(sums, total, `${table}: rows add up to the total`)
    }
    const members = page.locator('[data-testid=rollup-members]')
    const totalRow = await figures(members.locator('tbody tr[data-row=total]'))
    assert.equal(totalRow[0], data.coverage.members.total, 'the roll-up says what the server counts')

    // Sorting by members puts the community with most members first.
    await members.locator('thead button[data-sort=total]').click()
    const most = [...communities].sort((a, b) => b.members.total - a.members.total)[0]
    await members.locator('tbody tr[data-row=child]').first().filter({ hasText: most.area.name }).waitFor()
    assert.equal(await members.locator('thead th[aria-sort=descending]').count(), 1)
    await check(page, 'rollup')

    // Each community's row drills down to its own roll-up, whose grids are rows too.
    await members.getByRole('link', { name: most.area.name }).click()
    await page.waitForURL(new RegExp(`area=${most.area.id}`))
    await page.locator('[data-testid=rollup] h2', { hasText: most.area.name }).waitFor()
    const grids = page.locator('[data-testid=rollup-grids] tbody tr[data-row=child]')
    await grids.first().waitFor()
    assert.ok((await grids.count()) > 1, 'a community’s grids each have a row')
    await check(page, 'rollup-community')
    await page.close()
  })

  it('chooses an area in a tree that includes the sub-district and closes on choice', async () => {
    const { data } = await gql(`{ areas(where: { kind: COMMUNITY }) { nodes { id name } } }`)
    const community = data.areas.nodes[0]
    const page = await openPage(analyst.context)
    await visit(page, '/rollup')
    await page.locator('[data-testid=area-picker] .el-select__wrapper, [data-testid=area-picker] .el-select').first().click()
    const tree = page.locator('.area-picker-popper .el-tree')
    await tree.waitFor()
    await tree.locator('.el-tree-node__content', { hasText: community.name }).first().click()
    await page.waitForURL(new RegExp(`area=${community.id}`))
    await tree.waitFor({ state: 'hidden' })
    await page.locator('[data-testid=rollup] h2', { hasText: community.name }).waitFor()
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('reads the map legend: what each colour means and which severities count', async () => {
    const page = await openPage(analyst.context)
    await visit(page, '/map')
    await page.locator('[data-testid=grid-map] canvas').first().waitFor()
    const legend = page.locator('[data-testid=map-legend]')
    for (const word of ['已覆盖', '有一般缺口', '有缺口', '未覆盖']) await legend.getByText(word, { exact: false }).first().waitFor()
    assert.match(await legend.innerText(), /严重、高.*中、低/)
    // Every grid with an open gap is shaded as such, never plain 已覆盖.
    const { data } = await gql(`{ gridMap }`)
    const withGaps = data.gridMap.features.filter((f) => f.properties.gaps > 0).length
    const counted = await legend.locator('li[data-shade]').evaluateAll((lis) =>
      Object.fromEntries(lis.map((li) => [li.dataset.shade, Number(li.querySelector('strong')?.textContent ?? 0)])),
    )
    assert.equal(counted.MINOR_GAPS + counted.PARTIAL + counted.UNCOVERED >= withGaps, true, 'no grid with an open gap is shaded covered')
    await assertNoWriteAction(page, 'the map')
    await check(page, 'map')
    await page.close()
  })
})

describe('the register lists', () => {
  it('sort names in natural order, on the server, by any sortable column', async () => {
    const page = await openPage(analyst.context)
    await visit(page, '/records?tab=organizations')
    const names = page.locator('[data-testid=organization-list] .el-table__body tr td:first-child a')
    await names.first().waitFor()
    assert.ok(inNaturalOrder(await names.allInnerTexts()), 'names in natural order')
    await page.locator('[data-testid=organization-list] th', { hasText: '类别' }).click()
    await page.waitForURL(/sort=KIND/)
    await page.waitForLoadState('networkidle')
    await assertNoWriteAction(page, 'the register')
    await check(page, 'records-organizations')
    await page.close()
  })

  it('filter by kind and community, page by number and size, and show each member’s organisation', async () => {
    const { data } = await gql(`{ areas(where: { kind: COMMUNITY }) { nodes { id name grids: children { id } } } }`)
    const community = data.areas.nodes[0]
    const ids = [community.id, ...community.grids.map((g) => g.id)]
    const expected = (
      await gql(`query($ids: [ID!]) { units(where: { hasGridWith: [{ idIn: $ids }], kind: NON_PUBLIC_ENTERPRISE }) { totalCount } }`, { ids })
    ).data.units.totalCount
    const page = await openPage(analyst.context)
    await visit(page, '/records?tab=units')
    await page.locator('[data-testid=unit-list] .el-table__row').first().waitFor()
    await page.locator('[data-testid=filter-kind]').click()
    await page.getByRole('option', { name: '非公有制企业', exact: true }).click()
    await page.locator('[data-testid=filter-community]').click()
    await page.getByRole('option', { name: community.name, exact: true }).click()
    await page.waitForURL(new RegExp(`community=${community.id}`))
    await page.locator('[data-testid=list-pager] .el-pagination__total', { hasText: String(expected) }).waitFor()
    await check(page, 'records-units')

    const members = (await gql(`{ members { totalCount } }`)).data.members.totalCount
    await visit(page, '/records?tab=members')
    const rows = page.locator('[data-testid=member-list] .el-table__body tr')
    await rows.first().waitFor()
    await page.locator('[data-testid=member-list] th', { hasText: '所在党组织' }).waitFor()
    const first = (await rows.first().locator('td').first().innerText()).trim()
    await page.locator('[data-testid=list-pager] .el-pager li', { hasText: /^3$/ }).click()
    await page.waitForURL(/page=3/)
    // Page 3 shows other members (the old page stays on screen until the new one arrives).
    await rows.first().locator('td').first().filter({ hasNotText: first }).waitFor()
    await page.waitForLoadState('networkidle')
    assert.equal(await rows.count(), 20)
    await page.locator('[data-testid=list-pager] .el-pagination__total', { hasText: String(members) }).waitFor()
    await check(page, 'records-members')
    await page.close()
  })

  it('follow the area chosen in the header', async () => {
    const { data } = await gql(`{ areas(where: { kind: COMMUNITY }) { nodes { id name grids: children { id } } } }`)
    const community = data.areas.nodes[1] ?? data.areas.nodes[0]
    const ids = [community.id, ...community.grids.map((g) => g.id)]
    const expected = (await gql(`query($ids: [ID!]) { units(where: { hasGridWith: [{ idIn: $ids }] }) { totalCount } }`, { ids })).data.units.totalCount
    const page = await openPage(analyst.context)
    await visit(page, `/records?tab=units&area=${community.id}`)
    await page.locator('[data-testid=follows-area]', { hasText: community.name }).waitFor()
    assert.equal(await page.locator('[data-testid=filter-community]').count(), 0, 'the header’s area takes the place of the community filter')
    await page.locator('[data-testid=list-pager] .el-pagination__total', { hasText: String(expected) }).waitFor()
    assert.deepEqual(page.problems, [])
    await page.close()
  })
})

describe('record pages and forms', () => {
  it('say where a record sits, and show no write action to an analyst', async () => {
    const { data } = await gql(`{
      members(first: 1, where: { hasMembershipsWith: [{ endedOnIsNil: true }] }) { nodes { id name memberships { endedOn organization { id name } } } }
      units(first: 1) { nodes { id name grid { name } } }
      organizations(first: 1, where: { kind: GRID_BRANCH }) { nodes { id name } }
      root: areas(where: { kind: SUBDISTRICT }) { nodes { name } }
    }`)
    const member = data.members.nodes[0]
    const org = member.memberships.find((m) => !m.endedOn).organization
    const page = await openPage(analyst.context)
    await visit(page, `/members/${member.id}`)
    const crumbs = page.locator('[data-testid=breadcrumbs]')
    await crumbs.getByRole('link', { name: org.name, exact: true }).waitFor()
    await crumbs.getByRole('link', { name: data.root.nodes[0].name, exact: true }).waitFor()
    await crumbs.locator('[aria-current=page]', { hasText: member.name }).waitFor()
    await assertNoWriteAction(page, 'a member page')
    await check(page, 'member')

    const unit = data.units.nodes[0]
    await visit(page, `/units/${unit.id}`)
    await page.locator('[data-testid=breadcrumbs] a', { hasText: unit.grid.name }).waitFor()
    await assertNoWriteAction(page, 'a unit page')
    await check(page, 'unit')

    const branch = data.organizations.nodes[0]
    await visit(page, `/organizations/${branch.id}`)
    await page.locator('[data-testid=breadcrumbs] [aria-current=page]', { hasText: branch.name }).waitFor()
    await assertNoWriteAction(page, 'an organisation page')
    await check(page, 'organization')
    await page.close()
  })

  it('opens every other view clean, with no write action for an analyst', async () => {
    const page = await openPage(analyst.context)
    for (const [path, name, ready] of [
      ['/tree', 'tree', '[data-testid=org-tree] .el-table__row'],
      ['/gaps', 'gaps', '[data-testid=gaps-table] tbody tr'],
    ]) {
      await visit(page, path)
      await page.locator(ready).first().waitFor()
      await assertNoWriteAction(page, path)
      await check(page, name)
    }
    await page.close()
  })

  it('asks before a changed form is left, and Cancel returns where the user came from', async () => {
    const page = await openPage(admin.context)
    await visit(page, '/records?tab=units')
    await page.locator('[data-testid=new-record]').click()
    await page.waitForURL(/\/units\/new/)
    await page.locator('[data-field=name] input').fill('尚未保存的单位')
    await page.getByRole('button', { name: '取消' }).click()
    const box = page.locator('.el-message-box')
    await box.getByText('尚未保存的修改').waitFor()
    await shot(page, 'analyst-leave-guard')
    await box.getByRole('button', { name: '留在此页' }).click()
    await box.waitFor({ state: 'hidden' })
    assert.match(page.url(), /\/units\/new/, 'staying keeps the form')
    assert.equal(await page.locator('[data-field=name] input').inputValue(), '尚未保存的单位')
    await page.getByRole('button', { name: '取消' }).click()
    await box.getByRole('button', { name: '离开' }).click()
    await page.waitForURL(/\/records\?.*tab=units/)
    // An unchanged form is left without a question.
    await visit(page, '/members/new')
    await page.locator('[data-field=name] input').waitFor()
    await check(page, 'member-form')
    await page.getByRole('button', { name: '取消' }).click()
    await page.waitForURL(/\/records/)
    assert.equal(await page.locator('.el-message-box').count(), 0)
    await page.close()
  })

  it('offers an editor only the grids of their community', async () => {
    const { data } = await gql(`query($id: ID!) { node(id: $id) { ... on Area { children { name } } } }`, { id: editorCommunity.id })
    const own = data.node.children.map((g) => g.name).sort()
    const editor = await launch({ as: 'editor' })
    const page = await openPage(editor.context)
    await visit(page, '/units/new')
    await page.locator('[data-field=name] input').waitFor()
    await check(page, 'editor-unit-form')
    await page.locator('[data-field=gridID] .el-select').click()
    const options = page.locator('.el-select-dropdown:visible .el-select-dropdown__item')
    await options.first().waitFor()
    assert.deepEqual((await options.allInnerTexts()).map((s) => s.trim()).sort(), own)
    await page.keyboard.press('Escape')
    await page.close()
    await editor.close()
  })
})

describe('the wall screen', () => {
  it('fills its panels at 1920×1080 and says when it was updated', async () => {
    const wall = await launch({ as: 'analyst', width: 1920, height: 1080 })
    const page = await openPage(wall.context)
    await visit(page, '/screen')
    await page.locator('[data-testid=grid-map] canvas').first().waitFor()
    await page.locator('[data-testid=screen-updated]').waitFor()
    await page.locator('.screen-figures .panel').first().waitFor()
    const size = await page.locator('.screen-figures dd').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    assert.ok(size >= 36, `figures are legible from across a room: ${size}px`)
    await assertNoWriteAction(page, 'the wall screen')
    await page.waitForTimeout(300)
    await shot(page, 'analyst-screen')
    assert.deepEqual(await seriousViolations(page), [])
    assert.deepEqual(page.problems, [])
    await page.close()
    await wall.close()
  })
})
