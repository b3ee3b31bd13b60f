// The rectification ledger (整改台账) end to end: as the administrator,
// hand over one community's gaps from the gaps view (every gap of the
// community) and one gap of another community by its checkbox, and see the
// items and the figures change; as that community's editor, open the item,
// add a note, start work, then carry out the remedy through the dashboard's
// own operation (the remedy link's dialog) and see the item verified, with
// the day; as the editor, see no item of another community, and as the
// analyst no action. The gaps handed over are made here (two new members
// nobody has placed: pocket-member gaps).
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { editorCommunity, gql, launch, openPage, seriousViolations, shot, visit } from '../lib/browser.mjs'

const stamp = Date.now().toString(36).slice(-5)
const names = { mine: `e2e整改党员${stamp}`, other: `e2e转办党员${stamp}` }
let admin
let fx

/** must runs a GraphQL request that has to succeed. */
async function must(query, variables = {}) {
  const { data, errors } = await gql(query, variables)
  assert.equal(errors, undefined, `${query}: ${JSON.stringify(errors)}`)
  return data
}

/**
 * calm waits until no popup of Element Plus (a select's list, the date
 * picker's panel) is on screen, so that axe reads the page, not a popup
 * still fading out.
 */
async function calm(page) {
  await page.waitForFunction(
    () => [...document.querySelectorAll('.el-popper')].every((e) => getComputedStyle(e).display === 'none' || e.getBoundingClientRect().width === 0),
    null,
    { timeout: 5000 },
  )
}

/** dialog waits for a dialog, checks it with axe and saves its screenshot. */
async function dialog(page, testid, shotName) {
  const d = page.locator(`[data-testid=${testid}]`)
  await d.waitFor()
  await page.waitForTimeout(350) // the dialog's opening animation
  if (shotName) await shot(page, shotName)
  await calm(page)
  assert.deepEqual(await seriousViolations(page), [], `axe on ${testid}`)
  return d
}

/** save presses the dialog's button and waits for it to close. */
async function save(page, d) {
  await d.locator('[data-testid=action-save]').click()
  await d.waitFor({ state: 'hidden' })
  await page.waitForLoadState('networkidle')
}

/** figures are the ledger's figures of an area, as the API gives them. */
async function figures(areaId) {
  const d = await must('query ($a: ID) { rectificationFigures(areaId: $a) { all { total open verified } } }', { a: areaId })
  return d.rectificationFigures.all
}

/** itemOf is the ledger item following up a member's pocket-member gap, if any. */
async function itemOf(memberId) {
  const d = await must('{ rectifications(first: 500) { nodes { id rule status verifiedOn area { id } subject { id } } } }')
  return d.rectifications.nodes.find((n) => n.subject?.id === memberId && n.rule === 'ORG_MEMBER_UNATTACHED')
}

/** setUp makes two members nobody has placed: one in the editor's community, one in another. */
async function setUp() {
  const { areas, organizations } = await must(`{
    areas(first: 500, where: { kind: GRID, dissolvedOnIsNil: true }) { nodes { id name parentID } }
    organizations(first: 500, where: { dissolvedOnIsNil: true }) { nodes { id name kind formation community { id } } }
  }`)
  const grid = areas.nodes.find((g) => g.parentID === editorCommunity.id)
  const otherGrid = areas.nodes.find((g) => g.parentID && g.parentID !== editorCommunity.id)
  const placeIn = organizations.nodes.find((o) => o.community?.id === editorCommunity.id && o.formation === 'TERRITORIAL' && o.kind !== 'PARTY_GROUP')
  assert.ok(grid && otherGrid && placeIn, 'the demo has grids in two communities and a territorial organisation in the editor’s')
  const make = async (name, gridID) =>
    (
      await must('mutation ($input: CreateMemberInput!) { createMember(input: $input) { id name } }', {
        input: { name, gender: 'MALE', status: 'FULL', joinedPartyOn: '2015-07-01', category: 'RETIRED', residenceGridID: gridID },
      })
    ).createMember
  return { grid, otherGrid, placeIn, mine: await make(names.mine, grid.id), other: await make(names.other, otherGrid.id) }
}

before(async () => {
  fx = await setUp()
  admin = await launch()
})
after(() => admin?.close())

describe('handing gaps over, as the administrator', () => {
  it('hands over every gap of the editor’s community, and the item and the figures appear', async () => {
    const before = await figures(editorCommunity.id)
    assert.equal(await itemOf(fx.mine.id), undefined, 'the new member’s gap is not handed over yet')
    const page = await openPage(admin.context)
    await visit(page, `/gaps?area=${editorCommunity.id}`)
    const row = page.locator('[data-testid=gaps-table] .el-table__row', { hasText: names.mine })
    await row.waitFor()
    await page.locator('[data-testid=hand-over-all]').click()
    const d = await dialog(page, 'action-hand-over', 'rectify-hand-over')
    assert.match(await d.locator('[data-testid=hand-over-what]').innerText(), new RegExp(`${editorCommunity.name}今天尚未转办的全部问题`))
    await d.locator('[data-field=responsible] input').fill('王主任')
    await d.locator('[data-field=plan] textarea').fill('一个月内编入党组织')
    await save(page, d)
    await page.locator('[data-testid=hand-over-done]').waitFor()
    // The gap now shows its item's status and link instead of a checkbox.
    await row.locator('[data-testid=gap-rectification]', { hasText: '待整改' }).waitFor()
    const item = await itemOf(fx.mine.id)
    assert.ok(item, 'the member’s gap is in the ledger')
    assert.deepEqual([item.status, item.area.id], ['OPEN', editorCommunity.id])
    const now = await figures(editorCommunity.id)
    assert.ok(now.total > before.total && now.open > before.open, `figures: got ${JSON.stringify(now)} after ${JSON.stringify(before)}`)

    await visit(page, `/rectifications?area=${editorCommunity.id}&status=OPEN`)
    await page.locator('[data-testid=rectify-table] .el-table__row', { hasText: names.mine }).waitFor()
    assert.equal((await page.locator('[data-testid=figure-total] .value').innerText()).trim(), String(now.total))
    assert.equal((await page.locator('[data-testid=figure-open] .value').innerText()).trim(), String(now.open))
    assert.match(await page.locator('[data-testid=figures-by-area]').textContent(), new RegExp(`${editorCommunity.name} ${now.open}`))
    await page.waitForTimeout(300) // the chart's first paint
    await shot(page, 'rectify-ledger')
    assert.deepEqual(await seriousViolations(page), [])
    // The items the filters select, as a workbook.
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=rectify-export]').click()])
    assert.match(file.suggestedFilename(), /\.xlsx$/)
    assert.equal(readFileSync(await file.path()).subarray(0, 2).toString(), 'PK', 'the file is a workbook (a zip)')
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('hands over one gap of another community by its checkbox', async () => {
    const page = await openPage(admin.context)
    await visit(page, `/gaps?area=${fx.otherGrid.id}&rule=ORG_MEMBER_UNATTACHED`)
    const row = page.locator('[data-testid=gaps-table] .el-table__row', { hasText: names.other })
    await row.locator('.el-checkbox').click()
    await page.locator('[data-testid=hand-over-selected]', { hasText: '（1）' }).click()
    const d = await dialog(page, 'action-hand-over')
    assert.match(await d.locator('[data-testid=hand-over-what]').innerText(), /所选的 1 个问题/)
    // A deadline before today is refused at the field, before sending.
    const deadline = d.locator('[data-field=deadline] input')
    await deadline.fill('2020-01-01')
    await deadline.press('Enter')
    await d.locator('.el-dialog__title').click()
    await d.locator('[data-testid=action-save]').click()
    assert.equal((await d.locator('[data-field=deadline] .el-form-item__error').innerText()).trim(), '整改期限不能早于今天')
    await deadline.fill('2099-12-31')
    await deadline.press('Enter')
    await d.locator('.el-dialog__title').click()
    await save(page, d)
    await row.locator('[data-testid=gap-rectification]').waitFor()
    const item = await itemOf(fx.other.id)
    assert.ok(item && item.area.id !== editorCommunity.id, 'the gap went to its own community')
    assert.deepEqual(page.problems, [])
    await page.close()
  })
})

describe('working on an item, as the community’s editor', () => {
  it('adds a note, starts work, carries out the remedy, and sees the item verified with the day', async () => {
    const item = await itemOf(fx.mine.id)
    const editor = await launch({ as: 'editor' })
    const page = await openPage(editor.context)
    await visit(page, '/rectifications')
    await page.locator('[data-testid=rectify-table] .el-table__row', { hasText: names.mine }).locator('[data-testid=item-link]').click()
    await page.locator('[data-testid=item-subject]', { hasText: names.mine }).waitFor()
    assert.match(page.url(), new RegExp(`/rectifications/${item.id}`))
    await page.waitForLoadState('networkidle')
    await shot(page, 'rectify-item-open')
    assert.deepEqual(await seriousViolations(page), [])

    await page.locator('[data-testid=open-note]').click()
    let d = await dialog(page, 'action-note', 'rectify-note')
    await d.locator('[data-testid=action-save]').click()
    assert.equal((await d.locator('[data-field=text] .el-form-item__error').innerText()).trim(), '必填')
    await d.locator('[data-field=text] textarea').fill('已与本人电话联系，约定下周办理组织关系转入')
    await d.locator('[data-field=attachment] input').fill('谈话记录 2026-12')
    await save(page, d)
    await page.locator('[data-testid=item-note]', { hasText: '谈话记录 2026-12' }).waitFor()

    await page.locator('[data-testid=open-start]').click()
    d = await dialog(page, 'action-work', 'rectify-work')
    assert.match(await d.locator('[data-testid=action-preview]').innerText(), /状态将变为“整改中”/)
    await d.locator('[data-field=note] textarea').fill('开始办理')
    await save(page, d)
    await page.locator('[data-testid=item-status][data-status=IN_PROGRESS]').waitFor()

    // The remedy: the member's place dialog, opened from the item's link.
    await page.locator('[data-testid=gap-remedy]').click()
    const place = await dialog(page, 'action-place')
    await page.locator('[data-field=organizationID] .el-select').click()
    await page.locator('[data-field=organizationID] input').fill(fx.placeIn.name)
    await page.locator('.el-select-dropdown__item:visible', { hasText: fx.placeIn.name }).first().click()
    await save(page, place)

    await visit(page, `/rectifications/${item.id}`)
    const status = page.locator('[data-testid=item-status]')
    await status.waitFor()
    assert.equal(await status.getAttribute('data-status'), 'VERIFIED')
    assert.equal((await status.innerText()).trim(), '已核销')
    const { today } = (await must('{ registerCalendar { today } }')).registerCalendar
    assert.equal((await page.locator('[data-testid=closed-on]').innerText()).trim(), today)
    await page.locator('[data-testid=item-gap-gone]').waitFor()
    await page.locator('[data-testid=item-note][data-author=system]').first().waitFor()
    assert.equal(await page.locator('[data-testid=item-actions]').count(), 0, 'a verified item takes no more progress')
    // The gap's first day, recorded at the hand-over, is kept once verified.
    assert.match((await page.locator('[data-testid=item-open-since]').innerText()).trim(), /^\d{4}-\d{2}-\d{2}$/)
    const after = await itemOf(fx.mine.id)
    assert.deepEqual([after.status, after.verifiedOn], ['VERIFIED', today])
    await shot(page, 'rectify-item-verified')
    assert.deepEqual(await seriousViolations(page), [])
    assert.deepEqual(page.problems, [])
    await editor.close()
  })

  it('shows the administrator the change that closed the gap, with a link into the audit log', async () => {
    const item = await itemOf(fx.mine.id)
    const page = await openPage(admin.context)
    await visit(page, `/rectifications/${item.id}`)
    const closed = page.locator('[data-testid=item-closed-by]')
    await closed.locator('[data-testid=closed-by-audit]').waitFor()
    // The place was the editor's: the audit entry names them and the membership it made.
    assert.match(await closed.innerText(), /用户 e2e-editor：新建\s*组织关系/)
    // A verified item is found by its status, and not among the open ones.
    await visit(page, `/rectifications?status=VERIFIED&sort=-verifiedOn`)
    await page.locator('[data-testid=rectify-table] .el-table__row', { hasText: names.mine }).first().waitFor()
    await visit(page, `/rectifications?status=OPEN&status=IN_PROGRESS&responsible=王主任`)
    await page.locator('[data-testid=rectify-table]').waitFor()
    assert.equal(await page.locator('[data-testid=rectify-table] .el-table__row', { hasText: names.mine }).count(), 0)
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('shows the editor no item of another community, and no action on it', async () => {
    const other = await itemOf(fx.other.id)
    const editor = await launch({ as: 'editor' })
    const page = await openPage(editor.context)
    await visit(page, '/rectifications')
    await page.locator('[data-testid=rectify-table]').waitFor()
    assert.equal(await page.locator('[data-testid=rectify-table] .el-table__row', { hasText: names.other }).count(), 0)
    await visit(page, `/rectifications/${other.id}`)
    await page.locator('[data-testid=item-missing]').waitFor()
    assert.match(await page.locator('[data-testid=item-missing]').innerText(), /不在您负责的区域/)
    assert.equal(await page.locator('[data-testid^=open-], [data-testid=item-actions]').count(), 0)
    await shot(page, 'rectify-editor-other')
    assert.deepEqual(page.problems, [])
    await editor.close()
  })

  it('shows the analyst an item read-only, saying why', async () => {
    const other = await itemOf(fx.other.id)
    const analyst = await launch({ as: 'analyst' })
    const page = await openPage(analyst.context)
    await visit(page, `/rectifications/${other.id}`)
    await page.locator('[data-testid=read-only]').waitFor()
    assert.match(await page.locator('[data-testid=read-only]').innerText(), /只读角色/)
    assert.equal(await page.locator('[data-testid^=open-], [data-testid=item-actions], [data-testid=gap-remedy]').count(), 0)
    assert.deepEqual(page.problems, [])
    await analyst.close()
  })

  it('asks the administrator a second time, naming the item, before waiving it', async () => {
    const other = await itemOf(fx.other.id)
    const page = await openPage(admin.context)
    await visit(page, `/rectifications/${other.id}`)
    await page.locator('[data-testid=open-waive]').click()
    const d = await dialog(page, 'action-waive')
    await d.locator('[data-field=reason] textarea').fill('e2e：该党员已迁出')
    await d.locator('[data-testid=action-save]').click()
    const ask = d.locator('[data-testid=action-confirm]')
    await ask.waitFor()
    assert.match(await ask.innerText(), new RegExp(`${names.other}.*免于整改后不能撤回`))
    assert.notEqual((await itemOf(fx.other.id)).status, 'WAIVED', 'the first press waives nothing')
    await shot(page, 'rectify-waive-confirm')
    await save(page, d)
    await page.locator('[data-testid=item-status][data-status=WAIVED]').waitFor()
    assert.equal((await itemOf(fx.other.id)).status, 'WAIVED')
    // The item keeps the day it was waived: today.
    const { registerCalendar } = await must('{ registerCalendar { today } }')
    assert.equal(await page.locator('[data-testid=item-waived-on]').innerText(), registerCalendar.today)
    assert.deepEqual(page.problems, [])
    await page.close()
  })
})

describe('the figures as of a day, and how long each item took', () => {
  /** figuresOn are the ledger's figures as of day (today when undefined), as the API gives them. */
  async function figuresOn(day) {
    const d = await must('query ($d: Date) { rectificationFigures(asOf: $d) { all { total open overdue verified waived medianDaysToClose } } }', { d: day })
    return d.rectificationFigures.all
  }

  it('shows the figures as the ledger stood on the header’s day, and each item’s days and its gap’s', async () => {
    const { rectifications } = await must(`{ rectifications(first: 500, status: [VERIFIED], orderBy: [{ field: VERIFIED_ON, direction: DESC }]) {
      nodes { id subjectName handedOverOn verifiedOn days openSince openForDays } } }`)
    // An item of the demo's campaign verified after its hand-over: on its hand-over day it was open.
    const it = rectifications.nodes.find((n) => n.verifiedOn > n.handedOverOn && n.openSince && !n.subjectName.startsWith('e2e'))
    assert.ok(it, 'the demo holds an item verified after its hand-over')
    const [then, now] = [await figuresOn(it.handedOverOn), await figuresOn(undefined)]
    assert.ok(then.verified < now.verified && then.total <= now.total, `as of ${it.handedOverOn} ${JSON.stringify(then)}, today ${JSON.stringify(now)}`)
    assert.ok(now.waived >= 2, 'the demo’s committee waived two items')

    const page = await openPage(admin.context)
    await visit(page, `/rectifications?asOf=${it.handedOverOn}`)
    const asOf = page.locator('[data-testid=figures-as-of]')
    await asOf.waitFor()
    assert.equal(await asOf.getAttribute('data-day'), it.handedOverOn)
    assert.match(await asOf.innerText(), new RegExp(`截至 ${it.handedOverOn}`))
    const card = (k) => page.locator(`[data-testid=figure-${k}] .value`)
    await page.waitForFunction(
      ([sel, want]) => document.querySelector(sel)?.textContent.trim() === want,
      ['[data-testid=figure-verified] .value', String(then.verified)],
      { timeout: 10000 },
    )
    for (const k of ['total', 'open', 'overdue', 'verified', 'waived']) assert.equal((await card(k).innerText()).trim(), String(then[k]), k)
    await shot(page, 'rectify-figures-as-of')
    assert.deepEqual(await seriousViolations(page), [])

    // Today's figures, and the item's days in the list and on its page, as the server counts them.
    await visit(page, `/rectifications?status=VERIFIED&sort=-verifiedOn`)
    await page.waitForFunction(
      ([sel, want]) => document.querySelector(sel)?.textContent.trim() === want,
      ['[data-testid=figure-verified] .value', String(now.verified)],
      { timeout: 10000 },
    )
    await visit(page, `/rectifications/${it.id}`)
    await page.locator('[data-testid=item-days]').waitFor()
    assert.equal((await page.locator('[data-testid=item-days]').innerText()).trim(), `用时 ${it.days} 天`)
    assert.equal((await page.locator('[data-testid=item-gap-days]').innerText()).trim(), `${it.openForDays} 天`)
    assert.equal((await page.locator('[data-testid=item-open-since]').innerText()).trim(), it.openSince)
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('lists each item with its gap’s days, and a waived item with its reason', async () => {
    const { rectifications } = await must(`{ rectifications(first: 500, status: [WAIVED]) {
      nodes { id subjectName waiveReason waivedOn days openForDays } } }`)
    const it = rectifications.nodes.find((n) => !n.subjectName.startsWith('e2e') && n.waiveReason.includes('党工委'))
    assert.ok(it, 'the demo holds an item the working committee waived')
    const page = await openPage(admin.context)
    await visit(page, `/rectifications?status=WAIVED`)
    const row = page.locator('[data-testid=rectify-table] .el-table__row', { hasText: it.subjectName })
    await row.waitFor()
    assert.equal((await row.locator('[data-testid=item-gap-days]').innerText()).trim(), `${it.openForDays} 天`)
    await row.locator('[data-testid=item-link]').click()
    await page.locator('[data-testid=item-waived-on]').waitFor()
    assert.equal((await page.locator('[data-testid=item-waived-on]').innerText()).trim(), it.waivedOn)
    assert.match(await page.locator('.el-descriptions').innerText(), new RegExp(it.waiveReason.slice(0, 12)))
    assert.equal((await page.locator('[data-testid=item-days]').innerText()).trim(), `用时 ${it.days} 天`)
    await shot(page, 'rectify-item-waived')
    assert.deepEqual(await seriousViolations(page), [])
    assert.deepEqual(page.problems, [])
    await page.close()
  })
})
