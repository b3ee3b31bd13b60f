// Records: their pages show their history, and their forms show the
// server's own message at the field it rejected.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { gql, launch, openPage, seriousViolations, shot, visit } from '../lib/browser.mjs'

let browser
before(async () => (browser = await launch()))
after(() => browser?.close())

/** serverSays sends a mutation the server must reject, and returns its error. */
async function serverSays(mutation, variables) {
  const { errors, data } = await gql(mutation, variables)
  assert.ok(errors?.length, `the server accepted ${JSON.stringify(variables)}: ${JSON.stringify(data)}`)
  return errors[0]
}

// The form's label names the field; the message after it is shown at the field.
const shown = (err) => err.message.replace(`${err.extensions.field}: `, '').replace(/^[^：]+：/, '')

async function fieldError(page, field) {
  const error = page.locator(`[data-field=${field}] .el-form-item__error`)
  await error.waitFor()
  return (await error.innerText()).trim()
}

async function firstOf(kind, extra = '') {
  const { data } = await gql(`{ ${kind}(first: 1${extra}) { nodes { id name } } }`)
  return data[kind].nodes[0]
}

describe('record forms', () => {
  it('reject a unit with a bad credit code, with the server’s message at the field', async () => {
    const grid = await firstOf('areas', ', where: { kind: GRID }')
    const creditCode = '91652302MA00000000'
    const err = await serverSays(
      'mutation ($input: CreateUnitInput!) { createUnit(input: $input) { id } }',
      { input: { name: 'e2e 检验单位', kind: 'NON_PUBLIC_ENTERPRISE', creditCode, gridID: grid.id } },
    )
    assert.equal(err.extensions.field, 'creditCode')

    const page = await openPage(browser.context)
    await visit(page, `/units/new?grid=${grid.id}`)
    await page.locator('[data-field=name] input').fill('e2e 检验单位')
    await page.locator('[data-field=creditCode] input').fill(creditCode)
    await page.locator('[data-testid=form-save]').click()
    assert.equal(await fieldError(page, 'creditCode'), shown(err))
    assert.match(page.url(), /\/units\/new/, 'the form stays open')
    await shot(page, 'unit-form')
    assert.deepEqual(await seriousViolations(page), [])
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('reject a meeting with more present than expected', async () => {
    const org = await firstOf('organizations', ', where: { kind: GRID_BRANCH }')
    const err = await serverSays(
      'mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }',
      { input: { type: 'MONTHLY_MEETING', heldOn: '2024-01-15', expectedAttendance: 5, attendance: 9, organizationID: org.id } },
    )
    const page = await openPage(browser.context)
    await visit(page, `/organizations/${org.id}/meetings/new`)
    await page.locator('h1', { hasText: org.name }).waitFor()
    await page.locator('[data-field=expectedAttendance] input').fill('5')
    await page.locator('[data-field=attendance] input').fill('9')
    await page.locator('[data-field=topic] textarea').click()
    await page.locator('[data-testid=form-save]').click()
    assert.equal(await fieldError(page, err.extensions.field), shown(err))
    await shot(page, 'meeting-form')
    assert.deepEqual(page.problems, [])
    await page.close()
  })
})

describe('record pages', () => {
  it('show an organisation with its upgrade history', async () => {
    const { data } = await gql('{ kindChanges(first: 1) { nodes { organization { id name } } } }')
    const org = data.kindChanges.nodes[0]?.organization ?? (await firstOf('organizations'))
    const page = await openPage(browser.context)
    await visit(page, `/organizations/${org.id}`)
    await page.locator('h1', { hasText: org.name }).waitFor()
    await shot(page, 'organization')
    assert.deepEqual(await seriousViolations(page), [])
    await page.getByRole('tab', { name: '沿革与考核' }).click()
    await page.getByText('升格记录').waitFor()
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('show a unit and a member, the member’s personal data as the server sends it to an administrator', async () => {
    const unit = await firstOf('units')
    const { data } = await gql('{ members(first: 50) { nodes { id name phone } } }')
    const member = data.members.nodes.find((m) => m.phone) ?? data.members.nodes[0]
    const page = await openPage(browser.context)
    await visit(page, `/units/${unit.id}`)
    await page.locator('h1', { hasText: unit.name }).waitFor()
    await shot(page, 'unit')
    await visit(page, `/members/${member.id}`)
    await page.locator('h1', { hasText: member.name }).waitFor()
    if (member.phone) await page.getByText(member.phone, { exact: true }).waitFor()
    assert.match(await page.locator('[data-testid=personal-note]').innerText(), /审计日志/, 'the administrator is told the read is recorded')
    await shot(page, 'member')
    assert.deepEqual(await seriousViolations(page), [])
    assert.deepEqual(page.problems, [])
    await page.close()
  })
})
