// The grid map: every demo grid is drawn, and clicking one opens its panel
// with the branch responsible for it.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { gql, launch, openPage, seriousViolations, shot, visit } from '../lib/browser.mjs'

let browser
before(async () => (browser = await launch()))
after(() => browser?.close())

/** The grids with a boundary, and the branch a panel should show for each. */
async function demoGrids() {
  const { data } = await gql(`{
    areas(first: 500, where: { kind: GRID, dissolvedOnIsNil: true }) {
      nodes { id name boundary organizations { name kind dissolvedOn parent { name } } }
    }
  }`)
  return data.areas.nodes
    .filter((g) => g.boundary)
    .map((g) => {
      const o = g.organizations?.find((x) => !x.dissolvedOn)
      return { id: g.id, name: g.name, branch: o ? (o.kind === 'PARTY_GROUP' ? o.parent?.name : o.name) : undefined }
    })
}

/** hoverToFind moves over the map until the tooltip names a grid, and returns where and which. */
async function hoverToFind(page, names) {
  const box = await page.locator('[data-testid=grid-map] canvas').first().boundingBox()
  for (let y = 0.15; y < 0.9; y += 0.1) {
    for (let x = 0.15; x < 0.9; x += 0.1) {
      const at = { x: box.x + box.width * x, y: box.y + box.height * y }
      await page.mouse.move(at.x, at.y)
      await page.waitForTimeout(60)
      const text = await page.locator('[data-testid=grid-map]').innerText()
      const name = names.find((n) => text.includes(n))
      if (name) return { at, name }
    }
  }
  throw new Error('no grid found under the mouse on the map')
}

describe('the grid map', () => {
  it('shows every demo grid', async () => {
    const grids = await demoGrids()
    assert.ok(grids.length >= 10, `the demo has ${grids.length} grids with a boundary`)
    const page = await openPage(browser.context)
    await visit(page, '/')
    // The date joins the URL once the register's calendar is read.
    await page.waitForURL(/\/map\?asOf=\d{4}-\d{2}-\d{2}/, { timeout: 10_000 })
    assert.match(page.url(), /\/map\?asOf=\d{4}-\d{2}-\d{2}/, 'the URL holds the view and the date')
    const map = page.locator('[data-testid=grid-map]')
    await map.locator('canvas').first().waitFor()
    const label = await map.getAttribute('aria-label')
    for (const g of grids) assert.ok(label.includes(g.name), `the map names ${g.name}`)
    assert.equal(await page.locator('[data-testid=grid-list] button').count(), grids.length)
    const legend = await page.locator('.legend').innerText()
    assert.match(legend, /已覆盖/)
    await page.waitForTimeout(300)
    await shot(page, 'map')
    assert.deepEqual(await seriousViolations(page), [])
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('opens the panel of the grid clicked, with its branch', async () => {
    const grids = await demoGrids()
    const page = await openPage(browser.context)
    await visit(page, '/map')
    await page.locator('[data-testid=grid-map] canvas').first().waitFor()
    const { at, name } = await hoverToFind(page, grids.map((g) => g.name))
    const grid = grids.find((g) => g.name === name)
    await page.mouse.click(at.x, at.y)
    const panel = page.locator('[data-testid=grid-panel]')
    await panel.locator('.grid-name', { hasText: name }).waitFor()
    assert.match(page.url(), new RegExp(`grid=${grid.id}`), 'the URL names the open grid')
    if (grid.branch) await panel.locator('[data-testid=panel-branch]', { hasText: grid.branch }).waitFor()
    else await panel.getByText('没有党组织负责本网格').waitFor()
    await page.waitForLoadState('networkidle')
    await page.mouse.move(0, 0)
    await page.waitForTimeout(400)
    await shot(page, 'grid-panel')
    assert.deepEqual(await seriousViolations(page), [])
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('opens a grid from the list too, for keyboard users', async () => {
    const [grid] = (await demoGrids()).filter((g) => g.branch)
    const page = await openPage(browser.context)
    await visit(page, '/map')
    await page.locator(`[data-grid-id="${grid.id}"]`).focus()
    await page.keyboard.press('Enter')
    await page.locator('[data-testid=panel-branch]', { hasText: grid.branch }).waitFor()
    assert.deepEqual(page.problems, [])
    await page.close()
  })
})
