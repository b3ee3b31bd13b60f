// Bad input through the forms: each kind (a required field left empty, an
// ID number, phone or credit code that fails its check, a rule of the
// register the server alone can judge) is answered in Chinese at the field
// at fault, never with a code or an ID, and nothing is written.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { gql, launch, openPage, shot, visit } from '../lib/browser.mjs'

let browser
before(async () => (browser = await launch()))
after(() => browser?.close())

/** fieldErrors waits for the form's messages and returns them by data-field. */
async function fieldErrors(page, fields) {
  const out = {}
  for (const f of fields) {
    const error = page.locator(`[data-field=${f}] .el-form-item__error`)
    await error.waitFor()
    out[f] = (await error.innerText()).trim()
  }
  return out
}

/** chinese asserts a message a person reads is Chinese, with no enum code or English words. */
function chinese(message, what) {
  assert.match(message, /[\u4e00-\u9fff]/, `${what}: ${message} is not Chinese`)
  assert.doesNotMatch(message, /[A-Z]{2,}_[A-Z]|[a-z]{4,}/, `${what}: ${message} shows a code or English`)
}

async function count(kind, name) {
  const { data } = await gql(`query ($name: String!) { ${kind}(where: { name: $name }) { nodes { id } } }`, { name })
  return data[kind].nodes.length
}

async function firstOf(kind, where) {
  const { data } = await gql(`{ ${kind}(first: 1, where: ${where}) { nodes { id name } } }`)
  return data[kind].nodes[0]
}

const save = (page) => page.locator('[data-testid=form-save]').click()

describe('bad input', () => {
  it('a member with a wrong ID number, a short phone and no joining date', async () => {
    const name = 'e2e 坏输入党员'
    const page = await openPage(browser.context)
    await visit(page, '/members/new')
    await page.locator('[data-field=name] input').fill(name)
    await page.locator('[data-field=idNumber] input').fill('110105194912310021')
    await page.locator('[data-field=phone] input').fill('12345')
    await save(page)
    const errors = await fieldErrors(page, ['idNumber', 'phone', 'joinedPartyOn'])
    assert.equal(errors.idNumber, '校验位是“1”，按前17位应为“X”，请核对')
    assert.match(errors.phone, /11位手机号码/)
    assert.equal(errors.joinedPartyOn, '必须填写')
    for (const [f, m] of Object.entries(errors)) chinese(m, f)
    assert.match(page.url(), /\/members\/new/, 'the form stays open')
    await shot(page, 'bad-input-member')
    assert.equal(await count('members', name), 0, 'nothing is written')
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('a unit with no name, no grid and a credit code whose check character is wrong', async () => {
    const page = await openPage(browser.context)
    await visit(page, '/units/new')
    await page.locator('[data-field=creditCode] input').fill('91652302MA00000000')
    await save(page)
    const errors = await fieldErrors(page, ['name', 'gridID', 'creditCode'])
    assert.deepEqual(errors, { name: '必须填写', gridID: '必须填写', creditCode: '校验位是“0”，按前17位应为“Q”，请核对' })
    await shot(page, 'bad-input-unit')
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('a branch under a Party group: the server’s rule, in Chinese, at the parent', async () => {
    const group = await firstOf('organizations', '{ kind: PARTY_GROUP }')
    const name = 'e2e 坏输入支部'
    const page = await openPage(browser.context)
    await visit(page, `/organizations/new?parent=${group.id}`)
    await page.locator('[data-field=name] input').fill(name)
    await save(page)
    const { parentID } = await fieldErrors(page, ['parentID'])
    assert.match(parentID, /^党支部的上级应为/)
    assert.ok(parentID.includes(`${group.name}（党小组）`), `${parentID} names the group`)
    chinese(parentID.replace(group.name, ''), 'parentID')
    assert.equal(await count('organizations', name), 0, 'nothing is written')
    await shot(page, 'bad-input-organization')
    await page.close()
  })

  it('a meeting with more present than expected', async () => {
    const org = await firstOf('organizations', '{ kind: GRID_BRANCH }')
    const { data: before } = await gql(`{ node(id: "${org.id}") { ... on Organization { meetings { id } } } }`)
    const page = await openPage(browser.context)
    await visit(page, `/organizations/${org.id}/meetings/new`)
    await page.locator('h1', { hasText: org.name }).waitFor()
    await page.locator('[data-field=expectedAttendance] input').fill('5')
    await page.locator('[data-field=attendance] input').fill('9')
    await page.locator('[data-field=topic] textarea').click()
    await save(page)
    const { attendance } = await fieldErrors(page, ['attendance'])
    assert.equal(attendance, '实到9人，多于应到的5人')
    const { data: afterwards } = await gql(`{ node(id: "${org.id}") { ... on Organization { meetings { id } } } }`)
    assert.equal(afterwards.node.meetings.length, before.node.meetings.length, 'nothing is written')
    await page.close()
  })
})
