// The operations on an organisation's page, carried out in the dashboard as
// the staff would: on organisations this file makes for itself in the
// editor's community, so no other test's records change.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { editorCommunity, gql, gqlAs, launch, openPage, seriousViolations, shot, visit } from '../lib/browser.mjs'

const run = Date.now().toString(36).slice(-5)
const browsers = {}
const fx = {}

before(async () => {
  for (const as of ['admin', 'editor', 'analyst']) browsers[as] = await launch({ as })
  Object.assign(fx, await fixtures())
})
after(async () => {
  for (const b of Object.values(browsers)) await b.close()
})

/** must runs a query that has to succeed and returns its data. */
async function must(query, variables) {
  const { data, errors } = await gql(query, variables)
  assert.ok(!errors?.length, `${query}: ${JSON.stringify(errors)}`)
  return data
}

const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
function creditCode(seq) {
  const first = `91652302OO${String(seq).padStart(7, '0')}`.replace('OO', 'MA')
  const sum = [...first].reduce((s, c, i) => s + chars.indexOf(c) * weights[i], 0)
  return first + chars[(31 - (sum % 31)) % 31]
}

/** fixtures makes three branches under the editor's community organisation, with members, a unit and an expired term. */
async function fixtures() {
  const { organizations } = await must(`{ organizations(first: 500, where: { dissolvedOnIsNil: true }) { nodes { id name kind parentID community { id } } } }`)
  const ours = organizations.nodes.filter((o) => o.community?.id === editorCommunity.id)
  // Under the community's general branch where it has one; else beside its branch, responsible for the community.
  const general = ours.find((o) => ['GENERAL_BRANCH', 'COMMUNITY_COMMITTEE'].includes(o.kind))
  const home = general ?? { id: ours.find((o) => o.kind === 'BRANCH').parentID }
  const elsewhere = organizations.nodes.find((o) => o.community && o.community.id !== editorCommunity.id && o.kind !== 'PARTY_GROUP')
  assert.ok(home.id && elsewhere, 'the demo has an organisation in the editor’s community and one elsewhere')
  const { areas } = await must(`{ areas(first: 100, where: { kind: GRID }) { nodes { id parent { id } } } }`)
  const grid = areas.nodes.find((a) => a.parent?.id === editorCommunity.id)
  const branch = async (name) =>
    (
      await must('mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name } }', {
        input: { name, kind: 'BRANCH', formation: 'TERRITORIAL', establishedOn: '2024-01-01', parentID: home.id, ...(general ? {} : { areaIDs: [editorCommunity.id] }) },
      })
    ).createOrganization
  const a = await branch(`e2e 操作甲支部${run}`)
  const b = await branch(`e2e 操作乙支部${run}`)
  const c = await branch(`e2e 操作丙支部${run}`)
  const members = []
  for (const n of ['一', '二', '三']) {
    const { createMember } = await must('mutation ($input: CreateMemberInput!) { createMember(input: $input) { id name } }', {
      input: { name: `e2e 党员${n}${run}`, gender: 'MALE', status: 'FULL', joinedPartyOn: '2010-07-01', category: 'IN_SERVICE', residenceGridID: grid.id },
    })
    await must('mutation ($input: CreateMembershipInput!) { createMembership(input: $input) { id } }', {
      input: { memberID: createMember.id, organizationID: a.id, startedOn: '2024-01-01', startReason: 'TRANSFERRED_IN' },
    })
    members.push(createMember)
  }
  const { createUnit } = await must('mutation ($input: CreateUnitInput!) { createUnit(input: $input) { id name } }', {
    input: { name: `e2e 操作单位${run}`, kind: 'NON_PUBLIC_ENTERPRISE', creditCode: creditCode(Number.parseInt(run, 36) % 9000000), gridID: grid.id, employees: 12 },
  })
  await must('mutation ($input: CreateTermInput!) { createTerm(input: $input) { id } }', {
    input: { organizationID: a.id, startedOn: '2024-01-01', dueOn: '2025-01-01' },
  })
  return { home, elsewhere, a, b, c, members, grid, unit: createUnit }
}

async function orgOf(id) {
  return (
    await must(
      `query ($id: ID!) { node(id: $id) { ... on Organization { id name kind dissolvedOn
        appointments { role endedOn member { id } } terms { startedOn dueOn renewedOn }
        meetings { expectedAttendance attendance attendees { id } }
        unitCoverages { endedOn unit { id } } memberships { endedOn member { id } } children { id name dissolvedOn } } } }`,
      { id },
    )
  ).node
}

/** dialog waits for an operation's dialog to open. */
async function dialog(page, name) {
  const d = page.locator(`[data-testid=dialog-${name}]`)
  await d.waitFor()
  return d
}

/** choose picks an option of an Element Plus select by its text. */
async function choose(page, select, text, { closes = true } = {}) {
  await select.click()
  // The newest dropdown is the select's own: an earlier one may still be fading out.
  const item = page.locator('.el-select-dropdown__item:visible', { hasText: text }).last()
  await item.click()
  // Let a single select's dropdown fade out before the next select opens its own.
  if (closes) await item.waitFor({ state: 'hidden' })
}

/** save presses the dialog's button (twice for one that ends history) and waits for it to close. */
async function save(page, d, { ends = false } = {}) {
  await d.locator('[data-testid=action-save]').click()
  if (ends) {
    await d.locator('[data-testid=action-confirm]').waitFor()
    await d.locator('[data-testid=action-save]').click()
  }
  await d.waitFor({ state: 'detached', timeout: 15000 }).catch(async () => {
    throw new Error(`the dialog stayed open: ${await d.innerText()}`)
  })
  await page.waitForLoadState('networkidle')
}

async function checked(page, name) {
  await shot(page, `ops-org-${name}`)
  assert.deepEqual(await seriousViolations(page), [], `axe on the ${name} dialog`)
}

describe('an administrator on an organisation’s page', () => {
  it('opens the form of the organisation a community lacks with the community filled in (社区未组建’s remedy)', async () => {
    const page = await openPage(browsers.admin.context)
    await visit(page, `/organizations/new?area=${editorCommunity.id}`)
    const areas = page.locator('[data-field=areaIDs]')
    await areas.locator('.el-tag', { hasText: editorCommunity.name }).waitFor()
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('follows the gap 没有书记 from the gaps table into a pre-filled appointment and carries it out', async () => {
    const page = await openPage(browsers.admin.context)
    await visit(page, `/gaps?rule=LIFE_NO_SECRETARY&area=${editorCommunity.id}`)
    const row = page.locator('[data-testid=gaps-table] .el-table__row', { hasText: fx.a.name })
    await row.locator('[data-testid=gap-remedy]').click()
    const d = await dialog(page, 'appoint')
    assert.match(page.url(), /action=appoint/)
    assert.match(await d.locator('[data-testid=appoint-role]').innerText(), /书记/, 'pre-filled with the secretary’s office')
    await choose(page, d.locator('[data-testid=appoint-member]'), fx.members[0].name)
    assert.match(await d.locator('[data-testid=action-preview]').innerText(), new RegExp(`${fx.members[0].name}.*书记`))
    await checked(page, 'appoint')
    await save(page, d)
    const org = await orgOf(fx.a.id)
    assert.ok(org.appointments.some((x) => x.role === 'SECRETARY' && !x.endedOn && x.member?.id === fx.members[0].id))
    await visit(page, `/gaps?rule=LIFE_NO_SECRETARY&area=${editorCommunity.id}`)
    await page.locator('[data-testid=gaps-table]').waitFor()
    assert.equal(await page.locator('[data-testid=gaps-table] .el-table__row', { hasText: fx.a.name }).count(), 0, 'the gap is gone')
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('appoints a successor: the office held ends the day the next begins, in one transaction', async () => {
    await must('mutation ($in: CreateAppointmentInput!) { createAppointment(input: $in) { id } }', {
      in: { role: 'SECRETARY', organizationID: fx.b.id, holderName: `e2e 原书记${run}`, startedOn: '2020-01-01' },
    })
    const page = await openPage(browsers.admin.context)
    await visit(page, `/organizations/${fx.b.id}?action=appoint&role=SECRETARY`)
    const d = await dialog(page, 'appoint')
    await d.locator('.el-radio', { hasText: '外单位人员' }).click()
    await d.locator('[data-testid=appoint-holder-name]').fill(`e2e 新书记${run}`)
    await save(page, d, { ends: true })
    const secretaries = (await must(
      `query ($id: ID!) { node(id: $id) { ... on Organization { appointments { role endedOn startedOn holderName } } } }`,
      { id: fx.b.id },
    )).node.appointments.filter((a) => a.role === 'SECRETARY')
    const before = secretaries.find((a) => a.holderName === `e2e 原书记${run}`)
    const after = secretaries.find((a) => a.holderName === `e2e 新书记${run}`)
    assert.ok(before?.endedOn && after && !after.endedOn && before.endedOn === after.startedOn, JSON.stringify(secretaries))
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('renews an expired term, confirming the day it takes effect', async () => {
    const page = await openPage(browsers.admin.context)
    await visit(page, `/organizations/${fx.a.id}`)
    await page.locator('[data-testid=org-action-renew]').click()
    const d = await dialog(page, 'renew')
    await checked(page, 'renew')
    await save(page, d, { ends: true })
    const terms = (await orgOf(fx.a.id)).terms
    assert.equal(terms.length, 2)
    const old = terms.find((x) => x.startedOn === '2024-01-01')
    const next = terms.find((x) => x.startedOn !== '2024-01-01')
    assert.ok(old.renewedOn && next.startedOn === old.renewedOn && !next.renewedOn && next.dueOn > next.startedOn, JSON.stringify(terms))
    const gaps = await must(`query ($a: ID) { coverageGaps(areaId: $a, rules: [LIFE_TERM_EXPIRED], first: 500) { nodes { subjectName } } }`, { a: editorCommunity.id })
    assert.ok(!gaps.coverageGaps.nodes.some((g) => g.subjectName === fx.a.name), 'no expired term left')
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('records a meeting with its roll: the counts follow from who attended', async () => {
    const page = await openPage(browsers.admin.context)
    await visit(page, `/organizations/${fx.a.id}?action=meeting`)
    const d = await dialog(page, 'meeting')
    await d.locator('[data-testid=meeting-roll] .el-checkbox', { hasText: fx.members[0].name }).click()
    await d.locator('[data-testid=meeting-roll] .el-checkbox', { hasText: fx.members[1].name }).click()
    assert.match(await d.locator('[data-testid=meeting-counts]').innerText(), /应到 3 人，实到 2 人/)
    await checked(page, 'meeting')
    await save(page, d)
    const meetings = (await orgOf(fx.a.id)).meetings
    assert.equal(meetings.length, 1)
    assert.equal(meetings[0].expectedAttendance, 3)
    assert.equal(meetings[0].attendance, 2)
    assert.deepEqual(meetings[0].attendees.map((m) => m.id).sort(), [fx.members[0].id, fx.members[1].id].sort())
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('covers a unit (挂靠, as a territorial branch covers) and the unit’s page says so', async () => {
    const affiliated = async () => (await must('query ($a: ID) { coverage(areaId: $a) { units { affiliated } } }', { a: editorCommunity.id })).coverage.units.affiliated
    const before = await affiliated()
    const page = await openPage(browsers.admin.context)
    await visit(page, `/organizations/${fx.a.id}?action=coverUnit&unit=${fx.unit.id}&mode=AFFILIATED`)
    const d = await dialog(page, 'coverUnit')
    await d.locator('[data-testid=cover-preview]', { hasText: fx.unit.name }).waitFor()
    assert.match(await d.locator('[data-testid=cover-preview]').innerText(), /挂靠/)
    await checked(page, 'coverUnit')
    await save(page, d)
    const { node } = await must('query ($id: ID!) { node(id: $id) { ... on Unit { coverageMode } } }', { id: fx.unit.id })
    assert.equal(node.coverageMode, 'AFFILIATED')
    assert.equal(await affiliated(), before + 1, 'the roll-up counts one more affiliated unit')
    // The map's panel of the unit's grid lists it as 挂靠.
    await visit(page, `/map?grid=${fx.grid.id}`)
    await page.locator('tr', { hasText: fx.unit.name }).filter({ hasText: '挂靠' }).first().waitFor()
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('offers to stop covering the links in force on the dialog’s day, not today’s', async () => {
    const { registerCalendar } = await must('{ registerCalendar { today } }')
    const day = new Date(`${registerCalendar.today}T00:00:00Z`)
    day.setUTCDate(day.getUTCDate() - 1)
    const yesterday = day.toISOString().slice(0, 10)
    const page = await openPage(browsers.admin.context)
    // The link the test above made starts today: the deep link chooses it on today…
    await visit(page, `/organizations/${fx.a.id}?action=coverUnit&stop=1&unit=${fx.unit.id}`)
    const d = await dialog(page, 'coverUnit')
    const preview = d.locator('[data-testid=cover-preview-stop]')
    await preview.filter({ hasText: fx.unit.name }).waitFor()
    // …and on the day before it, when it was not in force, there is none to end.
    const on = d.locator('[data-field=endedOn] input')
    await on.fill(yesterday)
    await on.press('Enter')
    await d.locator('.el-dialog__title').click()
    await preview.filter({ hasText: yesterday }).waitFor()
    await page.waitForLoadState('networkidle')
    assert.doesNotMatch(await preview.innerText(), new RegExp(fx.unit.name))
    await d.locator('[data-testid=cover-coverage]').click()
    await page.locator('.el-select-dropdown__empty:visible').last().waitFor()
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('adds a Party group with its members; the group’s page counts them and offers no 新建下级组织', async () => {
    const page = await openPage(browsers.admin.context)
    await visit(page, `/organizations/${fx.a.id}?action=addGroup`)
    const d = await dialog(page, 'addGroup')
    await d.locator('[data-field=name] input').fill(`e2e 党小组${run}`)
    await choose(page, d.locator('[data-testid=group-members]'), fx.members[1].name, { closes: false })
    await choose(page, d.locator('[data-testid=group-members]'), fx.members[2].name, { closes: false })
    await d.locator('[data-field=name] input').click()
    // Let the members' dropdown close before the leader's opens.
    await page.locator('.el-select-dropdown__item:visible', { hasText: fx.members[2].name }).first().waitFor({ state: 'hidden' })
    await choose(page, d.locator('[data-testid=group-leader]'), fx.members[1].name)
    await checked(page, 'addGroup')
    await save(page, d)
    await page.locator('h1', { hasText: `e2e 党小组${run}` }).waitFor()
    assert.equal(await page.locator('[data-testid=new-child]').count(), 0)
    await page.locator('.fact', { hasText: '党员' }).first().waitFor()
    assert.match(await page.locator('.fact', { hasText: '党员' }).first().innerText(), /2/)
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('upgrades a branch to a general branch (升格)', async () => {
    const page = await openPage(browsers.admin.context)
    await visit(page, `/organizations/${fx.c.id}`)
    await page.locator('[data-testid=org-action-upgrade]').click()
    const d = await dialog(page, 'upgrade')
    await d.locator('[data-field=reason] input').fill('党员人数增加')
    await checked(page, 'upgrade')
    await save(page, d, { ends: true })
    assert.equal((await orgOf(fx.c.id)).kind, 'GENERAL_BRANCH')
    await page.locator('.fact', { hasText: '党总支' }).first().waitFor()
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('dissolves a branch, re-homing its members, unit and Party group first', async () => {
    const count = async () =>
      (await must('query ($a: ID) { coverage(areaId: $a) { organizations { kind count } } }', { a: editorCommunity.id })).coverage.organizations.find((k) => k.kind === 'BRANCH')?.count ?? 0
    const branchesBefore = await count()
    const page = await openPage(browsers.admin.context)
    await visit(page, `/organizations/${fx.a.id}`)
    await page.locator('[data-testid=org-action-dissolve]').click()
    const d = await dialog(page, 'dissolve')
    // The lists are the server's reading of what the dissolution moves (Organization.toRehome).
    await d.locator('[data-testid=dissolve-rehome]', { hasText: '党员 3 人' }).waitFor()
    const rehome = await d.locator('[data-testid=dissolve-rehome]').innerText()
    assert.match(rehome, /党员 3 人/)
    assert.match(rehome, /覆盖单位 1 个/)
    assert.match(rehome, /下级组织 1 个/)
    await choose(page, d.locator('[data-testid=dissolve-members-to]'), fx.b.name)
    await choose(page, d.locator('[data-testid=dissolve-units-to]'), fx.b.name)
    await choose(page, d.locator('[data-testid=dissolve-children-to]'), fx.b.name)
    await d.locator('[data-field=reason] textarea').fill('两支部合并')
    assert.match(await d.locator('[data-testid=action-preview]').innerText(), new RegExp(`3 名党员的组织关系转入 ${fx.b.name}`))
    await checked(page, 'dissolve')
    await save(page, d, { ends: true })
    const a = await orgOf(fx.a.id)
    const b = await orgOf(fx.b.id)
    assert.ok(a.dissolvedOn)
    assert.equal(b.memberships.filter((m) => !m.endedOn).length, 3)
    assert.ok(b.unitCoverages.some((c) => !c.endedOn && c.unit.id === fx.unit.id))
    assert.ok(b.children.some((c) => c.name === `e2e 党小组${run}`))
    assert.equal(await page.locator('[data-testid=org-actions]').count(), 0, 'a dissolved organisation offers no operation')
    // The roll-up no longer counts the dissolved branch.
    const kinds = (await must('query ($a: ID) { coverage(areaId: $a) { organizations { kind count } } }', { a: editorCommunity.id })).coverage.organizations
    assert.equal(kinds.find((k) => k.kind === 'BRANCH')?.count ?? 0, branchesBefore - 1)
    assert.deepEqual(page.problems, [])
    await page.close()
  })
})

describe('within the role', () => {
  it('an editor is offered the operations in its community only, and told why elsewhere', async () => {
    const mine = await gqlAs('editor', 'query ($id: ID!) { node(id: $id) { ... on Organization { viewerMayEdit { allowed } } } }', { id: fx.b.id })
    assert.equal(mine.data.node.viewerMayEdit.allowed, true)
    const page = await openPage(browsers.editor.context)
    await visit(page, `/organizations/${fx.b.id}`)
    await page.locator('[data-testid=org-actions]').waitFor()
    await visit(page, `/organizations/${fx.elsewhere.id}`)
    await page.locator('h1', { hasText: fx.elsewhere.name }).waitFor()
    assert.match(await page.locator('[data-testid=read-only]').innerText(), /不在您负责的范围内/)
    assert.equal(await page.locator('[data-testid=org-actions]').count(), 0)
    assert.equal(await page.locator('[data-testid=edit]').count(), 0)
    await visit(page, `/organizations/${fx.elsewhere.id}?action=appoint`)
    await page.locator('h1', { hasText: fx.elsewhere.name }).waitFor()
    assert.equal(await page.locator('[data-testid=dialog-appoint]').count(), 0, 'a deep link opens nothing it may not do')
    await shot(page, 'ops-org-editor-elsewhere')
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('an analyst sees no write action, and no remedy links', async () => {
    const page = await openPage(browsers.analyst.context)
    await visit(page, `/organizations/${fx.b.id}?action=dissolve`)
    await page.locator('h1', { hasText: fx.b.name }).waitFor()
    assert.match(await page.locator('[data-testid=read-only]').innerText(), /只能查看/)
    assert.equal(await page.locator('[data-testid=org-actions]').count(), 0)
    assert.equal(await page.locator('[data-testid=dialog-dissolve]').count(), 0)
    await visit(page, '/gaps')
    await page.locator('[data-testid=gaps-table] .el-table__row').first().waitFor()
    assert.equal(await page.locator('[data-testid=gap-remedy]').count(), 0)
    assert.deepEqual(await seriousViolations(page), [])
    assert.deepEqual(page.problems, [])
    await page.close()
  })
})
