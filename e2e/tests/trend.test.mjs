// Coverage over time: the 趋势 view draws the demo's year month-end by
// month-end with the API's figures and rates in its table, lists what changed between two
// days, and the 半年汇报 page gives the last half year's account with the
// API's numbers, prints on A4 without the header and downloads as Excel.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { gql, launch, openPage, seriousViolations, shot, visit } from '../lib/browser.mjs'

let browser
before(async () => (browser = await launch()))
after(() => browser?.close())

const monthsBefore = (day, months) => {
  const [y, m, d] = day.split('-').map(Number)
  const first = new Date(Date.UTC(y, m - 1 - months, 1))
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
  first.setUTCDate(Math.min(d, last))
  return first.toISOString().slice(0, 10)
}

// reportingDays are the days of a monthly series: from, every month-end
// after it and before to, and to.
const reportingDays = (from, to) => {
  const out = [from]
  const [y, m] = from.split('-').map(Number)
  for (let i = 0; ; i++) {
    const end = new Date(Date.UTC(y, m + i, 0)).toISOString().slice(0, 10)
    if (end >= to) break
    if (end > from) out.push(end)
  }
  if (to !== from) out.push(to)
  return out
}

async function setting() {
  const { data, errors } = await gql(`{ registerCalendar { today recordedSince }
    areas(first: 10, where: { kind: SUBDISTRICT }) { nodes { id name } } }`)
  assert.equal(errors, undefined, JSON.stringify(errors))
  return { ...data.registerCalendar, root: data.areas.nodes[0] }
}

async function check(page, name) {
  await page.waitForLoadState('networkidle')
  await page.mouse.move(0, 0)
  await shot(page, name)
  assert.deepEqual(await seriousViolations(page), [], `axe on ${name}`)
  assert.deepEqual(page.problems, [], `problems on ${name}`)
}

describe('coverage over time', () => {
  it('draws the year by month-ends, its table holding the API’s figures and rates', async () => {
    const { today, root } = await setting()
    const from = monthsBefore(today, 12)
    const { data, errors } = await gql(
      `query($a: ID, $f: Date!, $t: Date!) { coverageTrend(areaId: $a, from: $f, to: $t, every: MONTH) {
        asOf unitRate gridRate report { gapTotal units { total withoutOrganization } grids { total covered } members { total } } families { family count } } }`,
      { a: root.id, f: from, t: today },
    )
    assert.equal(errors, undefined, JSON.stringify(errors))
    const points = data.coverageTrend
    assert.deepEqual(points.map((p) => p.asOf), reportingDays(from, today), 'the first day, the month-ends, the last day')
    const page = await openPage(browser.context)
    await visit(page, `/trend?asOf=${today}&from=${from}&to=${today}&every=MONTH`)
    const table = page.locator('[data-testid=trend-table]')
    await table.waitFor()
    assert.equal(await table.locator('tbody tr').count(), points.length)
    // One month in the middle: every figure the table shows is the API's.
    const p = points[6]
    const row = table.locator(`tr[data-day="${p.asOf}"]`)
    const cell = async (field) => Number(await row.locator(`td[data-field=${field}]`).innerText())
    assert.equal(await cell('units'), p.report.units.total)
    assert.equal(await cell('unitsWithout'), p.report.units.withoutOrganization)
    assert.equal(await cell('grids'), p.report.grids.total)
    assert.equal(await cell('gridsCovered'), p.report.grids.covered)
    assert.equal(await cell('members'), p.report.members.total)
    assert.equal(await cell('gapTotal'), p.report.gapTotal)
    const rate = async (field) => (await row.locator(`td[data-field=${field}]`).innerText()).replace('%', '')
    assert.equal(await rate('unitRate'), p.unitRate === null ? '—' : String(p.unitRate))
    assert.equal(await rate('gridRate'), p.gridRate === null ? '—' : String(p.gridRate))
    for (const f of p.families) assert.equal(await cell(f.family), f.count, f.family)
    assert.ok(points.some((q) => q.report.gapTotal !== points[0].report.gapTotal), 'the demo’s gaps change over the year')
    // The charts are drawn (ECharts paints on a canvas).
    for (const id of ['trend-rates', 'trend-gaps']) {
      const canvas = page.locator(`[data-testid=${id}] canvas`)
      await canvas.waitFor()
      const box = await canvas.boundingBox()
      assert.ok(box && box.width > 200 && box.height > 200, `${id} is drawn: ${JSON.stringify(box)}`)
    }
    assert.equal(await page.getByRole('link', { name: '趋势', exact: true }).getAttribute('aria-current'), 'page')
    await check(page, 'trend')
    await page.close()
  })

  it('says so when the span starts before the register’s recorded history', async () => {
    const { today, recordedSince } = await setting()
    const page = await openPage(browser.context)
    const from = monthsBefore(recordedSince, 3)
    await visit(page, `/trend?asOf=${today}&from=${from}&to=${today}&every=QUARTER`)
    const warning = page.locator('[data-testid=trend-before-history]')
    await warning.waitFor()
    const text = await warning.innerText()
    assert.ok(text.includes(from) && text.includes(recordedSince), `got ${text}`)
    await page.locator('[data-testid=trend-table] tbody tr').first().waitFor()
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('lists what changed between two days, as coverageChanges does, each with a link', async () => {
    const { today, root } = await setting()
    const from = monthsBefore(today, 6)
    const { data, errors } = await gql(
      `query($a: ID, $f: Date!, $t: Date!) { coverageChanges(areaId: $a, from: $f, to: $t) {
        opened { day gap { subjectName } } closed { day } organizationsSetUp { day } organizationsDissolved { day } unitsCovered { day } membersMoved { day } } }`,
      { a: root.id, f: from, t: today },
    )
    assert.equal(errors, undefined, JSON.stringify(errors))
    const c = data.coverageChanges
    assert.ok(c.opened.length + c.closed.length > 0, 'the demo’s gaps change in half a year')
    const page = await openPage(browser.context)
    await visit(page, `/trend?asOf=${today}&cfrom=${from}&cto=${today}`)
    const changes = page.locator('[data-testid=trend-changes]')
    await changes.locator('[data-testid=changes-opened]').waitFor()
    for (const group of ['opened', 'closed', 'organizationsSetUp', 'organizationsDissolved', 'unitsCovered', 'membersMoved']) {
      const count = await changes.locator(`[data-testid=changes-${group}]`).getAttribute('data-count')
      assert.equal(Number(count), c[group].length, group)
    }
    if (c.opened.length) {
      const opened = changes.locator('[data-testid=changes-opened]')
      const text = await opened.innerText()
      assert.ok(text.includes(`${c.opened[0].day} 出现`), `got ${text}`)
      const link = opened.locator('a').first()
      await link.click()
      await page.waitForURL(/\/(organizations|units|members|map)/)
      await page.goBack({ waitUntil: 'networkidle' })
    }
    await changes.scrollIntoViewIfNeeded()
    await check(page, 'trend-changes')
    await page.close()
  })
})

describe('the half-yearly account', () => {
  it('shows the last half year’s figures from the API, prints on A4 and downloads as Excel', async () => {
    const { today, root } = await setting()
    const year = Number(today.slice(0, 4))
    const [y, half, from, to] =
      today.slice(5) >= '07-01' ? [year, 1, `${year}-01-01`, `${year}-06-30`] : [year - 1, 2, `${year - 1}-07-01`, `${year - 1}-12-31`]
    const { data, errors } = await gql(
      `query($a: ID, $f: Date!, $t: Date!) { halfYearReport(areaId: $a, from: $f, to: $t) {
        found closed ledger { handedOver verified stillOpen overdue waived } byArea { area { name } account { stillOpen } }
        start { gapTotal units { total } } end { gapTotal units { total } } } }`,
      { a: root.id, f: from, t: to },
    )
    assert.equal(errors, undefined, JSON.stringify(errors))
    const r = data.halfYearReport
    assert.ok(r.ledger.handedOver > 0 && r.ledger.verified > 0, `the demo’s ledger is in the account: ${JSON.stringify(r.ledger)}`)
    const page = await openPage(browser.context)
    await visit(page, `/report?asOf=${today}`)
    const report = page.locator('[data-testid=report]')
    await report.waitFor()
    const heading = await report.locator('h2').innerText()
    assert.ok(heading.includes(`${y}年${half === 1 ? '上半年' : '下半年'}`) && heading.includes(root.name), `got ${heading}`)
    assert.ok((await report.innerText()).includes(`${from} 至 ${to}`))
    const figure = async (name) => Number(await report.locator(`[data-testid=report-summary] tr[data-figure=${name}] td`).innerText())
    assert.equal(await figure('found'), r.found)
    assert.equal(await figure('closed'), r.closed)
    for (const k of ['handedOver', 'verified', 'stillOpen', 'overdue', 'waived']) assert.equal(await figure(k), r.ledger[k], k)
    const cov = (name) => report.locator(`[data-testid=report-coverage] tr[data-figure=${name}] td`).allInnerTexts()
    assert.deepEqual((await cov('gapTotal')).slice(0, 2).map(Number), [r.start.gapTotal, r.end.gapTotal])
    assert.deepEqual((await cov('unitsTotal')).slice(0, 2).map(Number), [r.start.units.total, r.end.units.total])
    assert.equal(await report.locator('[data-testid=report-areas] tbody tr').count(), r.byArea.length + 1)
    await check(page, 'report')

    // Printed: no header, no toolbar; the account alone, on A4.
    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.locator('.app-header').isVisible(), false)
    assert.equal(await page.locator('[data-testid=report-print]').isVisible(), false)
    assert.ok(await report.isVisible())
    await shot(page, 'report-print')
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
    assert.equal(pdf.subarray(0, 4).toString(), '%PDF')
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
    assert.ok(pages >= 2, `the coverage part starts a page: ${pages} pages`)
    await page.emulateMedia({ media: 'screen' })

    const [file] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=report-export]').click()])
    assert.match(file.suggestedFilename(), /半年汇报.+\.xlsx$/)
    assert.equal(readFileSync(await file.path()).subarray(0, 2).toString(), 'PK', 'the file is a workbook (a zip)')
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('gives the last month’s account (每月报表) with the API’s numbers', async () => {
    const { today, root } = await setting()
    const [y, m] = today.split('-').map(Number)
    const last = new Date(Date.UTC(y, m - 1, 0))
    const [year, month] = [last.getUTCFullYear(), last.getUTCMonth() + 1]
    const from = `${year}-${String(month).padStart(2, '0')}-01`
    const to = last.toISOString().slice(0, 10)
    const { data, errors } = await gql(
      `query($a: ID, $f: Date!, $t: Date!) { halfYearReport(areaId: $a, from: $f, to: $t) { found closed ledger { handedOver verified stillOpen overdue waived } } }`,
      { a: root.id, f: from, t: to },
    )
    assert.equal(errors, undefined, JSON.stringify(errors))
    const r = data.halfYearReport
    const page = await openPage(browser.context)
    await visit(page, `/report?asOf=${today}&year=${year}&month=${month}`)
    const report = page.locator('[data-testid=report]')
    await report.waitFor()
    assert.ok((await report.locator('h2').innerText()).includes(`${year}年${month}月`))
    assert.ok((await report.innerText()).includes(`${from} 至 ${to}`))
    const figure = async (name) => Number(await report.locator(`[data-testid=report-summary] tr[data-figure=${name}] td`).innerText())
    assert.equal(await figure('found'), r.found)
    assert.equal(await figure('closed'), r.closed)
    for (const k of ['handedOver', 'verified', 'stillOpen', 'overdue', 'waived']) assert.equal(await figure(k), r.ledger[k], k)
    await check(page, 'report-month')
    await page.close()
  })
})
