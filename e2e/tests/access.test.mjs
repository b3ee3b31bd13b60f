// Signing in and out, and what each role may see and do: the sign-in view,
// the header's user and sign-out, the cross-site token on every API
// request, masked personal data for an analyst, an editor refused outside
// their community in the server's words, and the administrator's audit log.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { accounts, baseURL, editorCommunity, gql, gqlAs, launch, openPage, problemsBut, seriousViolations, shot, visit } from '../lib/browser.mjs'

const browsers = {}
before(async () => {
  for (const as of ['anonymous', 'admin', 'analyst', 'editor']) browsers[as] = await launch({ as: as === 'anonymous' ? null : as })
})
after(() => Promise.all(Object.values(browsers).map((b) => b.close())))

async function signInThroughPage(page, { username, password }) {
  await page.getByLabel('用户名', { exact: true }).fill(username)
  await page.getByLabel('密码', { exact: true }).fill(password)
  await page.getByRole('button', { name: '登录', exact: true }).click()
}

describe('signing in', () => {
  it('sends an anonymous visit to the sign-in view and back where it was going', async () => {
    const page = await openPage(browsers.anonymous.context)
    await visit(page, '/gaps?severity=HIGH')
    await page.waitForURL(/\/login\?redirect=/)
    // The day is written in once signed in: the register's today, which
    // only a session may read (near midnight it is not the browser's).
    assert.match(decodeURIComponent(page.url()), /redirect=\/gaps\?severity=HIGH$/, 'the place and its state are kept')
    await page.getByRole('heading', { name: '登录' }).waitFor()
    assert.equal(await page.locator('[data-testid=user-menu]').count(), 0, 'no header before signing in')
    assert.deepEqual(await seriousViolations(page), [])
    await shot(page, 'login')

    await signInThroughPage(page, accounts.analyst)
    await page.waitForURL(/\/gaps\?.*asOf=/)
    assert.match(page.url(), /severity=HIGH/)
    const { data: { registerCalendar } } = await gql('{ registerCalendar { today } }')
    assert.equal(new URL(page.url()).searchParams.get('asOf'), registerCalendar.today, 'the register’s today is written in')
    await page.locator('[data-testid=gaps-count]').waitFor()
    await page.locator('[data-testid=user-name]', { hasText: accounts.analyst.username }).waitFor()
    assert.equal(await page.locator('[data-testid=user-role]').innerText(), '分析员')

    await page.locator('[data-testid=sign-out]').click()
    await page.waitForURL(/\/login$/)
    await visit(page, '/map')
    await page.waitForURL(/\/login\?redirect=/)
    assert.deepEqual(page.problems, [], 'a visit of nobody asks /auth/me, which is not an error, and makes no request without a session')
    await page.close()
  })

  it('sends a page whose session ended elsewhere to sign in, remembering where it was', async () => {
    const page = await openPage(browsers.anonymous.context)
    await visit(page, '/login?redirect=%2Ftree')
    await signInThroughPage(page, accounts.analyst)
    await page.waitForURL(/\/tree/)
    await page.locator('[data-testid=org-tree] .el-table__row').first().waitFor()
    // The session ends behind the page's back, as when it expires or the user is disabled.
    const { value } = (await browsers.anonymous.context.cookies()).find((c) => c.name === 'jiceng_session')
    const cookie = `jiceng_session=${value}`
    const { csrfToken } = await (await fetch(new URL('/auth/me', baseURL), { headers: { cookie } })).json()
    const out = await fetch(new URL('/auth/signout', baseURL), { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } })
    assert.equal(out.status, 204)
    await page.getByRole('link', { name: '覆盖缺口' }).click()
    await page.waitForURL(/\/login\?redirect=/)
    assert.match(decodeURIComponent(page.url()), /redirect=\/gaps\?/, 'it remembers the view it was opening')
    await page.getByRole('heading', { name: '登录' }).waitFor()
    assert.deepEqual(problemsBut(page, 401), [])
    await page.close()
  })

  it('says a wrong password is wrong, in Chinese and English', async () => {
    const page = await openPage(browsers.anonymous.context)
    await visit(page, '/login')
    await signInThroughPage(page, { username: accounts.analyst.username, password: 'not-the-password' })
    const error = page.locator('[data-testid=login-error]')
    await error.filter({ hasText: '用户名或密码错误' }).waitFor()
    assert.match(page.url(), /\/login/)
    assert.equal(await page.getByLabel('密码', { exact: true }).inputValue(), '', 'the password is cleared')
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    await page.getByLabel('Username', { exact: true }).waitFor()
    await page.getByRole('button', { name: '中文' }).click()
    assert.deepEqual(await seriousViolations(page), [])
    assert.deepEqual(problemsBut(page, 401), [])
    await page.close()
  })
})

describe('the cross-site token', () => {
  it('goes with every API request, and a request without it is refused', async () => {
    const page = await openPage(browsers.admin.context)
    const sent = []
    page.on('request', (r) => r.url().endsWith('/query') && sent.push(r.headers()['x-csrf-token']))
    await visit(page, '/records')
    await page.locator('.el-table__row').first().waitFor()
    assert.ok(sent.length > 0, 'the page asked the API')
    assert.ok(sent.every((token) => typeof token === 'string' && token.length > 16), 'every request carried the token')
    const refused = await page.evaluate(async () => {
      const ask = (headers) =>
        fetch('/query', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ __typename }' }) })
      const without = await ask({})
      const wrong = await ask({ 'X-CSRF-Token': 'forged' })
      return { without: without.status, code: (await without.json()).errors[0].extensions.code, wrong: wrong.status }
    })
    assert.deepEqual(refused, { without: 403, code: 'FORBIDDEN', wrong: 403 })
    assert.deepEqual(problemsBut(page, 403), [])
    await page.close()
  })
})

describe('an analyst', () => {
  it('sees masked personal data and no way to change the register', async () => {
    const { data } = await gql('{ members(first: 50) { nodes { id name phone } } }')
    const member = data.members.nodes.find((m) => m.phone)
    const masked = (await gqlAs('analyst', 'query ($id: ID!) { node(id: $id) { ... on Member { phone } } }', { id: member.id })).data.node.phone
    assert.notEqual(masked, member.phone)
    assert.match(masked, /\*{4}/)

    const page = await openPage(browsers.analyst.context)
    await visit(page, `/members/${member.id}`)
    await page.locator('h1', { hasText: member.name }).waitFor()
    await page.getByText(masked, { exact: true }).waitFor()
    assert.equal(await page.getByText(member.phone).count(), 0, 'the real phone number is nowhere')
    assert.match(await page.locator('[data-testid=personal-note]').innerText(), /仅管理员可查看/)
    assert.equal(await page.locator('[data-testid=edit]').count(), 0)
    await shot(page, 'member-analyst')
    assert.deepEqual(await seriousViolations(page), [])

    await visit(page, '/records?tab=units')
    await page.locator('[data-testid=read-only]').waitFor()
    assert.equal(await page.locator('[data-testid=new-record]').count(), 0)
    await page.locator('.el-table__row a').first().click()
    await page.locator('h1').waitFor()
    await page.waitForLoadState('networkidle')
    assert.equal(await page.locator('[data-testid=edit]').count(), 0)
    assert.equal(await page.getByRole('link', { name: '审计日志' }).count(), 0, 'no audit log in the header')

    for (const path of ['/units/new', '/audit']) {
      await visit(page, path)
      await page.locator('[data-testid=forbidden]', { hasText: '分析员' }).waitFor()
    }
    const audit = await gqlAs('analyst', '{ auditEntries(first: 1) { totalCount } }')
    assert.equal(audit.errors?.[0]?.extensions?.code, 'FORBIDDEN', 'the API refuses the audit log too')
    assert.deepEqual(page.problems, [])
    await page.close()
  })
})

describe('an editor and the audit log', () => {
  const address = `e2e 编辑员修改的地址 ${Date.now()}`
  const created = `e2e 编辑员新建的单位 ${Date.now()}`
  let changed, inside

  it('an editor changes a unit of their community, and is refused outside it in the server’s words', async () => {
    const { data } = await gql(`{
      areas(first: 500, where: { kind: GRID, dissolvedOnIsNil: true }) { nodes { id name parent { id } } }
      units(first: 500, where: { closedOnIsNil: true }) { nodes { id name grid { parent { id } } } }
    }`)
    const outside = data.areas.nodes.find((g) => g.parent?.id !== editorCommunity.id)
    inside = data.areas.nodes.find((g) => g.parent?.id === editorCommunity.id)
    changed = data.units.nodes.find((u) => u.grid.parent?.id === editorCommunity.id)
    assert.ok(outside && inside && changed, 'the demo has grids outside and units inside the editor’s community')
    const refused = await gqlAs('editor', 'mutation ($input: CreateUnitInput!) { createUnit(input: $input) { id } }', {
      input: { name: 'e2e 越权单位', kind: 'NON_PUBLIC_ENTERPRISE', gridID: outside.id },
    })
    const err = refused.errors?.[0]
    assert.equal(err?.extensions?.code, 'FORBIDDEN', JSON.stringify(refused))

    const page = await openPage(browsers.editor.context)
    await visit(page, `/units/new?grid=${outside.id}`)
    await page.locator('[data-testid=user-role]', { hasText: '编辑员' }).waitFor()
    await page.locator('[data-testid=user-menu]', { hasText: editorCommunity.name }).waitFor()
    await page.locator('[data-field=name] input').fill('e2e 越权单位')
    await page.locator('[data-testid=form-save]').click()
    const shown = page.locator('[data-testid=form-error]')
    await shown.waitFor()
    assert.equal((await shown.innerText()).trim(), `没有权限：${err.message}`)
    assert.match(page.url(), /\/units\/new/, 'the form stays open')

    await visit(page, `/units/${changed.id}/edit`)
    const name = page.locator('[data-field=name] input')
    await page.waitForFunction((el) => el.value !== '', await name.elementHandle())
    await page.locator('[data-field=address] input').fill(address)
    await page.locator('[data-testid=form-save]').click()
    await page.waitForURL(new RegExp(`/units/${changed.id}\\?`))
    await page.getByText(address).waitFor()
    assert.deepEqual(page.problems, [])
    await page.close()

    const made = await gqlAs('editor', 'mutation ($input: CreateUnitInput!) { createUnit(input: $input) { id } }', {
      input: { name: created, kind: 'NON_PUBLIC_ENTERPRISE', gridID: inside.id },
    })
    assert.ok(made.data?.createUnit?.id, JSON.stringify(made))
  })

  it('the administrator sees the editor’s change in the audit log, newest first', async () => {
    const page = await openPage(browsers.admin.context)
    await visit(page, '/map')
    await page.getByRole('link', { name: '审计日志' }).click()
    await page.waitForURL(/\/audit\?/)
    await page.locator('[data-testid=audit-table] tbody tr').first().waitFor()
    await page.locator('[data-testid=filter-action]').click()
    await page.getByRole('option', { name: '修改', exact: true }).click()
    await page.keyboard.press('Escape')
    await page.waitForURL(/action=UPDATE/)
    const row = page.locator('[data-testid=audit-table] tbody tr').first()
    await row.filter({ hasText: address }).waitFor()
    const text = await row.innerText()
    assert.ok(text.includes(`用户 ${accounts.editor.username}`), `the entry names the editor: ${text}`)
    assert.ok(text.includes(`单位 ${changed.name}`), `the entry names the unit: ${text}`)
    assert.ok(!text.includes(changed.id), `the entry shows no ID: ${text}`)

    // A record a change names is shown by the name the server gives with the page.
    await visit(page, `/audit?action=CREATE&actor=${accounts.editor.username}`)
    const creation = page.locator('[data-testid=audit-table] tbody tr', { hasText: created })
    await creation.waitFor()
    const made = await creation.innerText()
    assert.ok(made.includes(inside.name), `the creation names its grid ${inside.name}: ${made}`)
    assert.ok(!made.includes(inside.id), `the creation shows no ID: ${made}`)

    const { data } = await gql(`{ auditEntries(where: { actorContainsFold: "${accounts.editor.username}" }) { totalCount } }`)
    await visit(page, '/audit')
    await page.getByRole('textbox', { name: '按操作人筛选' }).fill(accounts.editor.username)
    await page.waitForURL(new RegExp(`actor=${accounts.editor.username}`))
    await page.locator('[data-testid=audit-count]', { hasText: `共 ${data.auditEntries.totalCount} 条记录` }).waitFor()
    await page.waitForLoadState('networkidle')
    await shot(page, 'audit')
    assert.deepEqual(await seriousViolations(page), [])
    assert.deepEqual(page.problems, [])
    await page.close()
  })
})
