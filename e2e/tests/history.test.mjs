// The register over time in the dashboard: a day before recorded
// organisational life is warned about, a day after the register's today is
// refused, and a member's page lists the member's history.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { gql, launch, openPage, shot, visit } from '../lib/browser.mjs'

let browser
before(async () => (browser = await launch()))
after(() => browser?.close())

const shift = (day, days) => {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

async function calendar() {
  const { data, errors } = await gql('{ registerCalendar { today recordedSince completeFrom } }')
  assert.equal(errors, undefined, JSON.stringify(errors))
  assert.ok(data.registerCalendar.recordedSince, 'the demo records meetings')
  return data.registerCalendar
}

describe('the register over time', () => {
  it('warns on the map for a day before recorded organisational life, and is quiet for today', async () => {
    const { today, recordedSince, completeFrom } = await calendar()
    const page = await openPage(browser.context)
    await visit(page, `/map?asOf=${shift(recordedSince, -1)}`)
    const warning = page.locator('[data-testid=pre-history]')
    await warning.waitFor()
    const text = await warning.innerText()
    assert.ok(text.includes('所选日期早于登记簿有组织生活记录的起始日'), `got ${text}`)
    assert.ok(text.includes(recordedSince), `got ${text}, want ${recordedSince} in it`)
    await shot(page, 'map-before-history')
    // The first recorded day's own window reaches before it: the warning says
    // from which day the figures are complete (the server's completeFrom).
    await visit(page, `/map?asOf=${recordedSince}`)
    await warning.waitFor()
    const windowText = await warning.innerText()
    assert.ok(windowText.includes('组织生活统计期早于') && windowText.includes(completeFrom), `got ${windowText}, want ${completeFrom} in it`)
    await visit(page, `/map?asOf=${today}`)
    // Today's window reaches before the record only before completeFrom.
    assert.equal(await page.locator('[data-testid=pre-history]').count(), today < completeFrom ? 1 : 0)
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('refuses a day after the register’s today: the URL is corrected and the page says so', async () => {
    const { today } = await calendar()
    const page = await openPage(browser.context)
    const tomorrow = shift(today, 1)
    await visit(page, `/gaps?asOf=${tomorrow}`)
    const notice = page.locator('[data-testid=refused-day]')
    await notice.waitFor()
    const text = await notice.innerText()
    assert.ok(text.includes(tomorrow) && text.includes(today), `got ${text}`)
    await page.waitForURL((u) => u.searchParams.get('asOf') === today, { timeout: 10_000 })
    assert.equal(new URL(page.url()).searchParams.get('asOf'), today)
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('shows a member’s history: the status periods with 转正 where the member was confirmed', async () => {
    const { data } = await gql('{ members(first: 200) { nodes { id name history(attribute: MEMBER_STATUS) { text validFrom } } } }')
    const members = data.members.nodes
    const confirmed = members.find((m) => m.history.length > 1 && m.history.at(-1).text === 'FULL')
    const member = confirmed ?? members[0]
    const page = await openPage(browser.context)
    await visit(page, `/members/${member.id}`)
    const history = page.locator('[data-testid=member-history]')
    await history.waitFor()
    const text = await history.innerText()
    assert.ok(text.includes('历史沿革') && text.includes('党员身份'), `got ${text}`)
    assert.ok(text.includes(member.history.at(-1).text === 'FULL' ? '正式党员' : '预备党员'), `got ${text}`)
    if (confirmed) assert.ok(text.includes('转正') && text.includes(confirmed.history.at(-1).validFrom), `got ${text}`)
    await shot(page, 'member-history')
    assert.deepEqual(page.problems, [])
    await page.close()
  })
})
