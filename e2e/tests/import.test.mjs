// Importing a ledger from the dashboard: a CSV of units with a bad credit
// code is previewed with the problem at its row and column and cannot be
// imported; the corrected file previews clean and imports with a progress
// bar; imported again, it changes nothing.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { gql, launch, openPage, seriousViolations, shot, visit } from '../lib/browser.mjs'

let browser
before(async () => (browser = await launch()))
after(() => browser?.close())

const codeChars = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** creditCode completes seventeen characters with their GB 32100 check character. */
function creditCode(first17) {
  const sum = [...first17].reduce((s, c, i) => s + codeChars.indexOf(c) * weights[i], 0)
  return first17 + codeChars[(31 - (sum % 31)) % 31]
}

async function gridPath() {
  const { data } = await gql('{ areas(first: 1, where: { kind: GRID }) { nodes { name parent { name parent { name } } } } }')
  const g = data.areas.nodes[0]
  return `${g.parent.parent.name}/${g.parent.name}/${g.name}`
}

function csvFile(name, rows) {
  const text = ['单位名称,统一社会信用代码,单位类型,所在网格,职工人数', ...rows.map((r) => r.join(','))].join('\r\n')
  // With a byte-order mark, as Excel saves "CSV UTF-8".
  return { name, mimeType: 'text/csv', buffer: Buffer.from('\ufeff' + text, 'utf8') }
}

describe('the import view', () => {
  it('previews a ledger with its problems at their rows, then imports the corrected one with a progress bar', async () => {
    const grid = await gridPath()
    const suffix = String(Date.now() % 100000).padStart(5, '0')
    const good = creditCode(`91652302MA7E2E${suffix.slice(0, 3)}`)
    const other = creditCode(`91652302MA7E2F${suffix.slice(0, 3)}`)
    const bad = other.slice(0, 17) + (other[17] === '0' ? '1' : '0')
    const names = [`e2e导入单位甲${suffix}`, `e2e导入单位乙${suffix}`]

    const page = await openPage(browser.context)
    await visit(page, '/import')
    await page.getByRole('heading', { name: '导入台账' }).waitFor()
    await page.getByRole('link', { name: '导入', exact: true }).waitFor()

    await page.locator('[data-testid=ledger-file]').setInputFiles(
      csvFile('单位.csv', [
        [names[0], good, '非公有制企业', grid, 20],
        [names[1], bad, '非公有制企业', grid, 5],
      ]),
    )
    await page.locator('[data-testid=ledger-preview]').click()
    await page.locator('[data-testid=ledger-summary]').waitFor()
    assert.match(await page.locator('[data-testid=ledger-summary]').innerText(), /将新建 1 条.*1 行有问题/s)
    const problem = page.locator('[data-testid=ledger-rows] .has-problem')
    assert.equal(await problem.count(), 1)
    const text = await problem.innerText()
    assert.match(text, /单位/)
    assert.match(text, /\b3\b/, 'the problem is at the CSV’s third line')
    assert.match(text, /统一社会信用代码/)
    assert.ok(text.includes(bad), 'the value written is shown')
    assert.ok(await page.locator('[data-testid=ledger-import]').isDisabled(), 'a ledger with problems cannot be imported')
    assert.deepEqual(await seriousViolations(page), [])
    await shot(page, 'import-preview')

    await page.locator('[data-testid=ledger-file]').setInputFiles(
      csvFile('单位-改正.csv', [
        [names[0], good, '非公有制企业', grid, 20],
        [names[1], other, '非公有制企业', grid, 5],
      ]),
    )
    await page.locator('[data-testid=ledger-preview]').click()
    await page.locator('[data-testid=ledger-summary]', { hasText: '0 行有问题' }).waitFor()
    await page.locator('[data-testid=ledger-import]').click()
    await page.locator('[data-testid=ledger-done]').waitFor()
    assert.match(await page.locator('[data-testid=ledger-done]').innerText(), /新建 2 条/)
    assert.equal(await page.locator('[data-testid=ledger-progress]').getAttribute('aria-valuenow'), '100')
    await shot(page, 'import-done')
    const { data } = await gql('query ($p: String!) { units(where: { nameHasPrefix: $p }) { totalCount } }', { p: `e2e导入单位` })
    assert.ok(data.units.totalCount >= 2)

    await page.locator('[data-testid=ledger-preview]').click()
    await page.locator('[data-testid=ledger-summary]', { hasText: '2 条不变' }).waitFor()
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('previews grid boundaries from a GIS in GCJ-02, converted, before saving', async () => {
    const { data } = await gql('{ areas(first: 1, where: { kind: GRID }) { nodes { name boundary } } }')
    const grid = data.areas.nodes[0]
    const collection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: grid.name }, geometry: grid.boundary },
        { type: 'Feature', properties: { name: '不存在的网格' }, geometry: grid.boundary },
      ],
    }
    const page = await openPage(browser.context)
    await visit(page, '/import')
    await page.locator('[data-testid=grids-file]').setInputFiles({
      name: '网格.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(collection)),
    })
    await page.locator('[data-testid=grids-crs]').click()
    await page.getByRole('option', { name: 'GCJ-02（高德、腾讯）' }).click()
    await page.locator('[data-testid=grids-preview]').click()
    const summary = page.locator('[data-testid=grids-summary]')
    await summary.waitFor()
    assert.match(await summary.innerText(), /GCJ-02.*将更新 1 个网格边界.*1 个要素有问题/s)
    assert.equal(await page.locator('[data-testid=grid-shape]').count(), 1, 'the grid found is drawn')
    // On the grid map's ECharts layer: the file's boundary over the register's grids.
    const preview = page.locator('[data-testid=grid-preview]')
    await preview.locator('canvas').first().waitFor()
    assert.equal(await preview.getAttribute('data-imported'), '1')
    // The register's grids come from the grid map's own query, which may
    // still be running (or waiting its turn) when the file's boundary is drawn.
    await page
      .waitForFunction(() => Number(document.querySelector('[data-testid=grid-preview]')?.getAttribute('data-current')) > 1, null, {
        timeout: 15_000,
      })
      .catch(() => {})
    assert.ok(Number(await preview.getAttribute('data-current')) > 1, 'the current grids are drawn under the new boundary')
    assert.match(await preview.locator('[role=img]').getAttribute('aria-label'), new RegExp(`导入的边界（${grid.name}）画在系统现有的 \\d+ 个网格边界之上`))
    // The canvas holds the new boundary's blue and the current grids' dashed grey.
    const inks = await preview.locator('canvas').first().evaluate(async (canvas) => {
      await new Promise((r) => setTimeout(r, 300))
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height)
      let blue = 0
      let grey = 0
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]]
        if (Math.abs(r - 64) < 24 && Math.abs(g - 158) < 24 && b > 230) blue++
        if (Math.abs(r - 134) < 12 && Math.abs(g - 144) < 12 && Math.abs(b - 156) < 12) grey++
      }
      return { blue, grey }
    })
    assert.ok(inks.blue > 50, `the new boundary is drawn in blue (${inks.blue} pixels)`)
    assert.ok(inks.grey > 50, `the current boundaries are drawn in grey (${inks.grey} pixels)`)
    assert.match(await page.locator('[data-testid=grids-features]').innerText(), /系统中没有名为“不存在的网格”的网格/)
    assert.ok(await page.locator('[data-testid=grids-save]').isDisabled(), 'a file with a problem cannot be saved')
    await shot(page, 'import-grids')
    assert.deepEqual(await seriousViolations(page), [])
    assert.deepEqual(page.problems, [])
    await page.close()
  })
})
