// The register's operations on member, unit and grid pages: as the
// administrator, place a new member, transfer, confirm, record a move,
// cover a unit and make an organisation responsible for a grid, each in
// its dialog, and see the gap it remedies leave the grid panel; as the
// editor, the actions are offered on records of its community only (the
// page says why elsewhere); as the analyst, no write action at all. The
// records written here are made here (a grid, a unit, a member).
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { editorCommunity, gql, launch, openPage, seriousViolations, shot, visit } from '../lib/browser.mjs'

const stamp = Date.now().toString(36).slice(-5)
const names = { grid: `e2e办理网格${stamp}`, unit: `e2e办理单位${stamp}`, member: `e2e办理党员${stamp}` }
let admin
let fx

/** must runs a GraphQL request that has to succeed. */
async function must(query, variables = {}) {
  const { data, errors } = await gql(query, variables)
  assert.equal(errors, undefined, `${query}: ${JSON.stringify(errors)}`)
  return data
}

const daysAgo = (n) => new Date(Date.now() - n * 86400000).toISOString().slice(0, 10)
const square = (x, y, d = 0.002) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
})

/** setUp makes this file's own grid (with residents and no organisation), unit and member in the editor's community. */
async function setUp() {
  const { areas, organizations } = await must(`{
    areas(first: 500, where: { kind: GRID, dissolvedOnIsNil: true }) { nodes { id name parentID } }
    organizations(first: 500, where: { dissolvedOnIsNil: true }) { nodes { id name kind formation community { id name } } }
  }`)
  const mine = areas.nodes.filter((g) => g.parentID === editorCommunity.id)
  const other = areas.nodes.find((g) => g.parentID !== editorCommunity.id)
  const inCommunity = organizations.nodes.filter((o) => o.community?.id === editorCommunity.id && o.kind !== 'PARTY_GROUP')
  const territorial = inCommunity.find((o) => o.formation === 'TERRITORIAL')
  const receiving = inCommunity.find((o) => o !== territorial)
  const outside = organizations.nodes.find((o) => o.community && o.community.id !== editorCommunity.id && o.kind !== 'PARTY_GROUP')
  assert.ok(mine.length && other && territorial && receiving && outside, 'the demo has a grid, a territorial organisation and another one in the editor’s community')
  const { createArea: grid } = await must(
    'mutation ($input: CreateAreaInput!) { createArea(input: $input) { id name } }',
    { input: { name: names.grid, kind: 'GRID', parentID: editorCommunity.id, households: 40, residents: 120, boundary: square(87.99, 44.15) } },
  )
  const { createUnit: unit } = await must('mutation ($input: CreateUnitInput!) { createUnit(input: $input) { id name } }', {
    input: { name: names.unit, kind: 'NON_PUBLIC_ENTERPRISE', gridID: grid.id, employees: 12 },
  })
  const { createMember: member } = await must('mutation ($input: CreateMemberInput!) { createMember(input: $input) { id name } }', {
    input: { name: names.member, gender: 'FEMALE', status: 'PROBATIONARY', joinedPartyOn: daysAgo(400), category: 'IN_SERVICE', residenceGridID: grid.id, workUnitID: unit.id },
  })
  const { members } = await must(`query ($g: ID!) { members(first: 1, where: { hasResidenceGridWith: { id: $g } }) { nodes { id name } } }`, { g: other.id })
  return { grid, unit, member, nextGrid: mine[0], placeIn: territorial, transferTo: receiving, outside, otherMember: members.nodes[0], otherGrid: other }
}

/** gapsOf lists the subjects' names of a grid's open gaps of a rule. */
async function gapsOf(gridId, rule) {
  const d = await must(`query ($a: ID!) { coverageGaps(areaId: $a, first: 200) { nodes { rule subjectName } } }`, { a: gridId })
  return d.coverageGaps.nodes.filter((g) => g.rule === rule).map((g) => g.subjectName)
}

/** panelGaps is the text of the grid panel's gaps on the map. */
async function panelGaps(page, gridId) {
  await visit(page, `/map?grid=${gridId}`)
  const panel = page.locator('[data-testid=grid-panel]')
  await panel.waitFor()
  await page.waitForLoadState('networkidle')
  return panel.innerText()
}

/** dialog waits for an action's dialog, checks it with axe and saves its screenshot. */
async function dialog(page, testid, shotName) {
  const d = page.locator(`[data-testid=${testid}]`)
  await d.waitFor()
  await page.waitForTimeout(350) // the dialog's opening animation
  if (shotName) await shot(page, shotName)
  await calm(page)
  assert.deepEqual(await seriousViolations(page), [], `axe on ${testid}`)
  return d
}

/** save presses the dialog's button (twice for an operation that ends history) and waits for it to close. */
async function save(page, d, ends = false) {
  await d.locator('[data-testid=action-save]').click()
  if (ends) {
    await d.locator('[data-testid=action-confirm]').waitFor()
    await d.locator('[data-testid=action-save]').click()
  }
  await d.waitFor({ state: 'hidden' })
  await page.waitForLoadState('networkidle')
}

/** setDay types a day into a dialog's effective-day picker. */
/**
 * calm waits until no popup of Element Plus (a select's list, the date
 * picker's panel) is on screen, so that axe reads the page and its dialog,
 * not a popup still fading out.
 */
async function calm(page) {
  await page.waitForFunction(
    () => [...document.querySelectorAll('.el-popper')].every((e) => getComputedStyle(e).display === 'none' || e.getBoundingClientRect().width === 0),
    null,
    { timeout: 5000 },
  )
}

async function setDay(d, day) {
  const input = d.locator('[data-field=on] input')
  await input.fill(day)
  await input.press('Enter')
  // Typing opens the date picker's panel (a popup Element Plus leaves
  // unnamed): click away so it closes, and let it go before going on.
  await d.locator('.el-dialog__title').click()
  await d.page().locator('.el-picker__popper:visible').first().waitFor({ state: 'hidden' })
}

/** choose picks an option of an Element Plus select by its visible name. */
async function choose(page, field, name) {
  await page.locator(`[data-field=${field}] .el-select`).click()
  await page.locator(`[data-field=${field}] input`).fill(name)
  await page.locator('.el-select-dropdown__item:visible', { hasText: name }).first().click()
}

before(async () => {
  fx = await setUp()
  admin = await launch()
})
after(() => admin?.close())

describe('operations on a member, as the administrator', () => {
  it('places a new member from a prefilled link, and the pocket-member gap leaves the grid', async () => {
    assert.deepEqual(await gapsOf(fx.grid.id, 'ORG_MEMBER_UNATTACHED'), [names.member], 'the new member is a pocket member')
    const page = await openPage(admin.context)
    assert.match(await panelGaps(page, fx.grid.id), new RegExp(names.member), 'the grid panel lists the pocket member')
    await visit(page, `/members/${fx.member.id}?action=place&organization=${fx.placeIn.id}&on=${daysAgo(30)}`)
    const d = await dialog(page, 'action-place', 'ops-member-place')
    assert.match(await d.locator('[data-testid=action-preview]').innerText(), new RegExp(`${names.member} 将编入 ${fx.placeIn.name}，自 ${daysAgo(30)} 起`))
    await save(page, d)
    assert.doesNotMatch(page.url(), /action=/, 'closing drops the action from the URL')
    const { node } = await must('query ($id: ID!) { node(id: $id) { ... on Member { memberships { organization { id } endedOn } } } }', { id: fx.member.id })
    assert.deepEqual(node.memberships, [{ organization: { id: fx.placeIn.id }, endedOn: null }])
    assert.deepEqual(await gapsOf(fx.grid.id, 'ORG_MEMBER_UNATTACHED'), [])
    assert.doesNotMatch(await panelGaps(page, fx.grid.id), new RegExp(`${names.member}`), 'the gap left the panel')
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('transfers the member, asking once more with the day', async () => {
    const page = await openPage(admin.context)
    await visit(page, `/members/${fx.member.id}`)
    await page.locator('[data-testid=open-transfer]').click()
    const d = await dialog(page, 'action-transfer', 'ops-member-transfer')
    await choose(page, 'toOrganizationID', fx.transferTo.name)
    assert.match(await d.locator('[data-testid=action-preview]').innerText(), new RegExp(`将从 ${fx.placeIn.name} 转入 ${fx.transferTo.name}`))
    // A day before the membership began: the server's refusal comes back to the field.
    await setDay(d, daysAgo(40))
    await d.locator('[data-testid=action-save]').click()
    await d.locator('[data-testid=action-confirm]').waitFor()
    await d.locator('[data-testid=action-save]').click()
    await d.locator('[data-field=on] .el-form-item__error').waitFor()
    assert.match(await d.locator('[data-field=on] .el-form-item__error').innerText(), new RegExp(fx.placeIn.name))
    await setDay(d, daysAgo(0))
    await d.locator('[data-testid=action-save]').click()
    await d.locator('[data-testid=action-confirm]').waitFor()
    assert.match(await d.locator('[data-testid=action-confirm]').innerText(), /\d{4}-\d{2}-\d{2} 起生效/)
    await calm(page)
    await shot(page, 'ops-member-transfer-confirm')
    assert.deepEqual(await seriousViolations(page), [])
    await d.locator('[data-testid=action-save]').click()
    await d.waitFor({ state: 'hidden' })
    const { node } = await must('query ($id: ID!) { node(id: $id) { ... on Member { memberships { organization { id } endedOn endReason } } } }', { id: fx.member.id })
    const open = node.memberships.filter((m) => !m.endedOn)
    assert.deepEqual(open.map((m) => m.organization.id), [fx.transferTo.id])
    assert.equal(node.memberships.find((m) => m.organization.id === fx.placeIn.id).endReason, 'TRANSFERRED_OUT')
    // The page is read again: it names the new organisation.
    await page.locator('.record-header', { hasText: fx.transferTo.name }).waitFor()
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('confirms the probationary member (转正)', async () => {
    const page = await openPage(admin.context)
    await visit(page, `/members/${fx.member.id}?action=confirm`)
    const d = await dialog(page, 'action-confirm-member', 'ops-member-confirm')
    assert.match(await d.locator('[data-testid=action-preview]').innerText(), /将自 \d{4}-\d{2}-\d{2} 起转为正式党员/)
    await save(page, d)
    const { node } = await must('query ($id: ID!) { node(id: $id) { ... on Member { statusOn } } }', { id: fx.member.id })
    assert.equal(node.statusOn, 'FULL')
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('refuses an effective day after today at the field, before sending', async () => {
    const page = await openPage(admin.context)
    await visit(page, `/members/${fx.member.id}?action=move&grid=${fx.nextGrid.id}&on=2999-01-01`)
    const d = await dialog(page, 'action-move')
    await d.locator('[data-testid=action-save]').click()
    assert.equal((await d.locator('[data-field=on] .el-form-item__error').innerText()).trim(), '生效日期不能晚于今天')
    await page.close()
  })

  it('records a move of home, and the member is counted in the new grid', async () => {
    const page = await openPage(admin.context)
    await visit(page, `/members/${fx.member.id}?action=move&grid=${fx.nextGrid.id}`)
    const d = await dialog(page, 'action-move', 'ops-member-move')
    assert.match(await d.locator('[data-testid=action-preview]').innerText(), new RegExp(`从 ${names.grid} 变为 .*${fx.nextGrid.name}`))
    await d.locator('[data-field=reason] input').fill('搬家')
    await save(page, d)
    const { node } = await must('query ($id: ID!) { node(id: $id) { ... on Member { grid { id } residenceGrid { id } } } }', { id: fx.member.id })
    assert.deepEqual(node, { grid: { id: fx.nextGrid.id }, residenceGrid: { id: fx.nextGrid.id } })
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('opens each other member dialog from its link, with no serious axe violation', async () => {
    const page = await openPage(admin.context)
    for (const [action, testid] of [
      ['workUnit', 'action-workUnit'],
      ['category', 'action-category'],
      ['flow', 'action-flow'],
      ['mobileReport', 'action-mobileReport'],
      ['confirm&mode=extend', 'action-confirm-member'],
    ]) {
      await visit(page, `/members/${fx.member.id}?action=${action}`)
      const d = await dialog(page, testid, `ops-member-${action.replace(/&.*/, '-extend')}`)
      if (action.endsWith('extend')) {
        // The latest day of an extension is the server's (Member.probationExtendableTo), not months counted here.
        const { node } = await must('query ($id: ID!) { node(id: $id) { ... on Member { probationExtendableTo } } }', { id: fx.member.id })
        assert.equal(await d.locator('[data-field=until] input').inputValue(), node.probationExtendableTo)
      }
    }
    assert.deepEqual(page.problems, [])
    await page.close()
  })
})

describe('operations on a unit and a grid, as the administrator', () => {
  it('covers the unit (挂靠), and its needs-joint gap leaves the grid', async () => {
    assert.deepEqual(await gapsOf(fx.grid.id, 'ORG_UNIT_NEEDS_JOINT'), [names.unit], 'a unit with one full member and no coverage')
    const page = await openPage(admin.context)
    await visit(page, `/units/${fx.unit.id}?action=cover&mode=AFFILIATED&organization=${fx.placeIn.id}`)
    const d = await dialog(page, 'action-cover', 'ops-unit-cover')
    assert.match(await d.locator('[data-testid=action-preview]').innerText(), new RegExp(`${names.unit} 将由 ${fx.placeIn.name} 覆盖（挂靠）`))
    await save(page, d)
    const { node } = await must('query ($id: ID!) { node(id: $id) { ... on Unit { coverageMode } } }', { id: fx.unit.id })
    assert.equal(node.coverageMode, 'AFFILIATED')
    assert.deepEqual(await gapsOf(fx.grid.id, 'ORG_UNIT_NEEDS_JOINT'), [])
    await page.locator('.record-header', { hasText: '挂靠' }).waitFor() // the page is read again
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('opens each other unit dialog from its link, with no serious axe violation', async () => {
    const page = await openPage(admin.context)
    for (const action of ['endCover', 'instructor', 'massOrg', 'visit', 'move', 'resize']) {
      await visit(page, `/units/${fx.unit.id}?action=${action}`)
      await dialog(page, action === 'move' || action === 'resize' ? `action-unit-${action}` : `action-${action}`, `ops-unit-${action}`)
    }
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('offers the instructors in force on the visit’s and the end dialog’s day, not today’s', async () => {
    const create = (input) => must('mutation ($input: CreateAppointmentInput!) { createAppointment(input: $input) { id } }', { input })
    const holder = `e2e 前任指导员${Date.now()}`
    await create({ role: 'PARTY_BUILDING_INSTRUCTOR', holderName: holder, unitID: fx.unit.id, startedOn: '2020-01-01', endedOn: '2024-06-01' })
    await create({ role: 'LIAISON', holderName: `e2e 联络员${Date.now()}`, unitID: fx.unit.id, startedOn: '2024-06-01' })
    const page = await openPage(admin.context)
    for (const [action, testid] of [['visit', 'action-visit'], ['endInstructor', 'action-endInstructor']]) {
      const offered = async () => {
        await page.waitForLoadState('networkidle')
        await page.locator(`[data-testid=${testid}] [data-field] .el-select`).first().click()
        await page.locator('.el-select-dropdown__item:visible').first().waitFor()
        const items = await page.locator('.el-select-dropdown__item:visible').allInnerTexts()
        await page.keyboard.press('Escape')
        return items
      }
      await visit(page, `/units/${fx.unit.id}?action=${action}&on=2024-05-31`)
      await dialog(page, testid)
      const before = await offered()
      assert.ok(before.some((x) => x.includes(holder)), `${action} on 2024-05-31 offers the instructor then: ${before}`)
      assert.ok(!before.some((x) => x.includes('联络员')), `${action} on 2024-05-31 offers no liaison yet: ${before}`)
      await visit(page, `/units/${fx.unit.id}?action=${action}&on=2024-06-01`)
      await dialog(page, testid)
      const on = await offered()
      assert.ok(!on.some((x) => x.includes(holder)) && on.some((x) => x.includes('联络员')), `${action} on 2024-06-01 offers the liaison only: ${on}`)
    }
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('makes an organisation responsible for the grid, and the uncovered-grid gap and status change', async () => {
    assert.deepEqual(await gapsOf(fx.grid.id, 'WORK_GRID_UNCOVERED'), [names.grid])
    const page = await openPage(admin.context)
    await visit(page, `/map?grid=${fx.grid.id}`)
    await page.locator('[data-testid=open-responsible]').click()
    const d = await dialog(page, 'action-responsible', 'ops-grid-responsible')
    await choose(page, 'add', fx.placeIn.name)
    assert.match(await d.locator('[data-testid=action-preview]').innerText(), new RegExp(`${fx.placeIn.name} 将负责 ${names.grid}`))
    await save(page, d)
    assert.match(page.url(), new RegExp(`grid=${fx.grid.id}`), 'the panel stays open')
    assert.doesNotMatch(page.url(), /action=/)
    assert.deepEqual(await gapsOf(fx.grid.id, 'WORK_GRID_UNCOVERED'), [])
    const { node } = await must('query ($id: ID!) { node(id: $id) { ... on Area { organizations { id } } } }', { id: fx.grid.id })
    assert.deepEqual(node.organizations.map((o) => o.id), [fx.placeIn.id])
    await page.locator('[data-testid=grid-panel]', { hasText: fx.placeIn.name }).waitFor()
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('updates the grid’s boundary from pasted GeoJSON, with a preview', async () => {
    const page = await openPage(admin.context)
    await visit(page, `/map?grid=${fx.grid.id}&action=boundary`)
    const d = await dialog(page, 'action-boundary')
    const field = d.locator('[data-field=boundary] textarea')
    await field.fill('{"type":"Point","coordinates":[1,2]}')
    assert.match(await d.locator('[data-field=boundary] .el-form-item__error').innerText(), /Polygon 或 MultiPolygon/)
    const next = square(87.99, 44.15, 0.003)
    await field.fill(JSON.stringify(next))
    await d.locator('[data-testid=boundary-preview] path').nth(1).waitFor()
    await shot(page, 'ops-grid-boundary')
    assert.deepEqual(await seriousViolations(page), [])
    await save(page, d)
    const { node } = await must('query ($id: ID!) { node(id: $id) { ... on Area { boundary } } }', { id: fx.grid.id })
    assert.deepEqual(node.boundary, next)
    assert.deepEqual(page.problems, [])
    await page.close()
  })
})

describe('within the role', () => {
  it('offers the editor the actions on its community’s records, and only its organisations', async () => {
    const editor = await launch({ as: 'editor' })
    const page = await openPage(editor.context)
    await visit(page, `/members/${fx.member.id}?action=transfer`)
    const d = await dialog(page, 'action-transfer', 'ops-member-transfer-editor')
    await page.locator('[data-field=toOrganizationID] .el-select').click()
    // The choices arrive with the viewer's permissions: wait for them.
    await page.locator('.el-select-dropdown__item:visible').first().waitFor()
    const offered = await page.locator('.el-select-dropdown__item:visible').allInnerTexts()
    assert.ok(offered.includes(fx.transferTo.name) || offered.includes(fx.placeIn.name), `the editor is offered its organisations: ${offered}`)
    assert.ok(!offered.includes(fx.outside.name), `the editor is not offered ${fx.outside.name} of another community`)
    await page.keyboard.press('Escape')
    await editor.close()
  })

  it('shows the editor why a member, a unit and a grid of another community are read-only, and never opens their actions', async () => {
    const editor = await launch({ as: 'editor' })
    const page = await openPage(editor.context)
    await visit(page, `/members/${fx.otherMember.id}?action=transfer`)
    const note = page.locator('[data-testid=read-only]')
    await note.waitFor()
    assert.match(await note.innerText(), /该记录属于.+，您只能编辑本辖区的记录/)
    assert.equal(await page.locator('[data-testid^=open-], [data-testid=edit], [data-testid=action-transfer]').count(), 0)
    await shot(page, 'ops-member-editor-read-only')
    await visit(page, `/map?grid=${fx.otherGrid.id}&action=responsible`)
    await page.locator('[data-testid=grid-actions] [data-testid=read-only]').waitFor()
    assert.equal(await page.locator('[data-testid^=open-], [data-testid=action-responsible]').count(), 0)
    assert.deepEqual(page.problems, [])
    await editor.close()
  })

  it('shows the analyst no write action on a member, a unit or a grid', async () => {
    const analyst = await launch({ as: 'analyst' })
    const page = await openPage(analyst.context)
    for (const path of [`/members/${fx.member.id}?action=move`, `/units/${fx.unit.id}?action=cover`]) {
      await visit(page, path)
      const note = page.locator('[data-testid=read-only]')
      await note.waitFor()
      assert.match(await note.innerText(), /只读角色/)
      assert.equal(await page.locator('[data-testid^=open-], [data-testid=edit], [data-testid^=action-]').count(), 0, path)
    }
    await visit(page, `/map?grid=${fx.grid.id}&action=boundary`)
    await page.locator('[data-testid=grid-panel]').waitFor()
    await page.waitForLoadState('networkidle')
    assert.equal(await page.locator('[data-testid=grid-actions], [data-testid^=action-]').count(), 0)
    assert.deepEqual(page.problems, [])
    await analyst.close()
  })
})
