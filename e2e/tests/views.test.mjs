// Every view opens without a console error or an accessibility violation,
// keeps its state in the URL, and switches language.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { launch, openPage, seriousViolations, shot, visit } from '../lib/browser.mjs'

let browser
before(async () => (browser = await launch()))
after(() => browser?.close())

describe('the views', () => {
  for (const [path, name, ready] of [
    ['/tree', 'tree', '[data-testid=org-tree] .el-table__row'],
    ['/rollup', 'rollup', '[data-testid=rollup] table'],
    ['/records', 'records', '.el-table__row'],
  ]) {
    it(`${path} opens clean`, async () => {
      const page = await openPage(browser.context)
      await visit(page, path)
      await page.locator(ready).first().waitFor()
      await page.waitForLoadState('networkidle')
      await shot(page, name)
      assert.deepEqual(await seriousViolations(page), [])
      assert.deepEqual(page.problems, [])
      await page.close()
    })
  }

  it('finds an organisation in the tree and keeps the search in the URL', async () => {
    const page = await openPage(browser.context)
    await visit(page, '/tree')
    await page.getByRole('textbox', { name: '搜索组织名称' }).fill('党小组')
    await page.waitForURL(/q=/)
    const names = await page.locator('[data-testid=org-tree] .el-table__row a').allInnerTexts()
    assert.ok(names.some((n) => n.includes('党小组')))
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('reproduces a date from a link', async () => {
    const page = await openPage(browser.context)
    await visit(page, '/rollup?asOf=2024-06-30')
    await page.getByText('统计截至 2024-06-30').waitFor()
    assert.equal(await page.locator('.as-of input').inputValue(), '2024-06-30')
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('exports the roll-up as an Excel workbook', async () => {
    const page = await openPage(browser.context)
    await visit(page, '/rollup')
    await page.locator('[data-testid=rollup] table').first().waitFor()
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=rollup-export]').click()])
    assert.match(file.suggestedFilename(), /基层党组织覆盖情况\d{8}\.xlsx$/)
    const path = await file.path()
    const { readFileSync } = await import('node:fs')
    assert.equal(readFileSync(path).subarray(0, 2).toString(), 'PK', 'the file is a workbook (a zip)')
    assert.deepEqual(page.problems, [])
    await page.close()
  })

  it('switches to English and back', async () => {
    const page = await openPage(browser.context)
    await visit(page, '/map')
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('link', { name: 'Grid map' }).waitFor()
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en')
    assert.match(await page.title(), /Grid map/)
    await page.reload({ waitUntil: 'networkidle' })
    await page.getByRole('link', { name: 'Coverage gaps' }).waitFor()
    await shot(page, 'map-en')
    await page.getByRole('button', { name: '中文' }).click()
    await page.getByRole('link', { name: '网格地图' }).waitFor()
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN')
    assert.deepEqual(page.problems, [])
    await page.close()
  })
})

describe('GraphiQL', () => {
  it('works from the bundle, with no CDN', async () => {
    const page = await openPage(browser.context)
    await visit(page, '/graphiql.html')
    await page.locator('.graphiql-execute-button').click()
    await page.locator('.result-window', { hasText: 'gapTotal' }).waitFor()
    await shot(page, 'graphiql')
    assert.deepEqual(page.problems, [])
    await page.close()
  })
})

describe('the wall screen (大屏)', () => {
  it('fills a 1920×1080 screen', async () => {
    const wall = await launch({ width: 1920, height: 1080 })
    try {
      const page = await openPage(wall.context)
      await visit(page, '/screen')
      await page.locator('[data-testid=grid-map] canvas').first().waitFor()
      await page.waitForTimeout(300)
      await shot(page, 'screen')
      assert.deepEqual(await seriousViolations(page), [])
      assert.deepEqual(page.problems, [])
      await page.getByRole('button', { name: '退出大屏' }).click()
      await page.waitForURL(/\/map/)
    } finally {
      await wall.close()
    }
  })
})
