// Issue 13, items 6 and 7, for the work queue on a phone (390 px), in a real browser through
// the whole stack: the queue's rows and the tracking-number CSV fit the window (nothing
// sideways), a long tracking-number file is shown a page at a time and filters to exactly
// its bad rows, a row is selected and marked delivered by keyboard alone, the queue adds no
// live region of its own, and axe-core finds no serious or critical violation.
import type { Page } from 'playwright-core'

import { QUEUE_SEED_KINDS } from '../../dev/oms-sandbox/seed'
import { seriousViolations } from './support/axe'
import { usePageStack } from './support/pageStack'

const pages = usePageStack()

const PHONE = { width: 390, height: 844 }
const queue = (page: Page) => page.getByRole('region', { name: 'Shipments that need attention' })
const numbersSection = (page: Page) => page.locator('section[aria-labelledby="order-tracking-tracking-csv-title"]')
const pageHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight)

/** The elements of the queue that reach outside the window, described; [] when none does. */
const outsideTheWindow = (page: Page) =>
  queue(page).evaluate(section => {
    const width = window.innerWidth
    const found: string[] = []
    for (const element of [section, ...Array.from(section.querySelectorAll('*'))]) {
      // Visually hidden text (the styleguide's `clip`) is a 1 px box on purpose.
      if (element.closest('.clip')) continue
      const box = element.getBoundingClientRect()
      if (box.width === 0 && box.height === 0) continue
      if (box.left < -1 || box.right > width + 1) found.push(`<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}"> ${Math.round(box.left)}–${Math.round(box.right)}`)
      if (element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'visible') {
        found.push(`<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}"> scrolls sideways`)
      }
    }
    return found
  })

/** The page's live regions: anything a screen reader would speak on change. */
const liveRegions = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('[aria-live], [role="status"], [role="alert"], [role="log"]'))
      .filter(element => element.getAttribute('aria-live') !== 'off')
      .map(element => element.id || element.outerHTML.slice(0, 120))
  )

/** Presses Tab (or Shift+Tab) until the focused element matches, at most `max` times. */
async function tabTo(page: Page, matches: (element: Element) => boolean, options: { back?: boolean; max?: number } = {}): Promise<void> {
  for (let presses = 1; presses <= (options.max ?? 60); presses++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab')
    if (await page.evaluate(`(${matches.toString()})(document.activeElement)`)) return
  }
  throw new Error('no element reached by Tab')
}

test('the queue on a phone: rows as a list inside the window, one selected and marked delivered by keyboard, one live region', async () => {
  const { sandbox } = pages.stack
  for (const i of QUEUE_SEED_KINDS.keys()) sandbox.emitOrderEvent(`${1172452910000 + i}-01`, 'invoiced')
  const order = { orderId: '1172452999300-01', invoiceNumber: '88300' }
  sandbox.addOrders([
    {
      orderId: order.orderId,
      invoicedAt: new Date(Date.now() - 3_600_000).toISOString(),
      invoices: [{ invoiceNumber: order.invoiceNumber, trackingNumber: 'BR300000001BR', courier: 'Correios' }],
    },
  ])
  await sandbox.eventsSettled()

  const page = await pages.newPage({ viewport: PHONE })
  await queue(page).getByRole('button', { name: /^All/ }).click()
  const rows = queue(page).getByRole('list', { name: 'Invoices on this page' })
  await rows.getByRole('button', { name: order.orderId }).waitFor()
  expect(await queue(page).getByRole('table').count()).toBe(0)
  expect(await outsideTheWindow(page)).toEqual([])
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
  // "1–n of N" is a status the page's one live region does not need a twin of.
  await queue(page).getByText(/^1–\d+ of \d+$/).waitFor()
  expect(await queue(page).getByText(/^1–\d+ of \d+$/).getAttribute('aria-live')).toBe('off')
  expect(await liveRegions(page)).toEqual(['order-tracking-live-region'])
  expect(await seriousViolations(page, 'work queue · 390px')).toEqual([])
  await pages.screenshot(page, 'queue-phone')

  // The tab a keyboard reaches shows that it has focus (the styleguide's tabs are outline-0).
  await queue(page).getByRole('button', { name: 'Refresh' }).focus()
  await tabTo(page, element => /^All/.test(element.textContent ?? ''), { back: true })
  expect(
    await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!)
      return `${style.outlineStyle} ${style.outlineWidth}`
    })
  ).toBe('solid 2px')

  // Keyboard only: from "Refresh" forward to the row's checkbox, Space; back to the bulk action, Enter.
  const checkboxId = `order-tracking-queue-select-${order.orderId}-${order.invoiceNumber}`
  await queue(page).getByRole('button', { name: 'Refresh' }).focus()
  await tabTo(page, new Function('element', `return element.id === ${JSON.stringify(checkboxId)}`) as (element: Element) => boolean)
  await page.keyboard.press('Space')
  expect(await page.locator(`#${checkboxId}`).isChecked()).toBe(true)
  await tabTo(page, element => element.textContent === 'Mark selected delivered (1)', { back: true })
  await page.keyboard.press('Enter')
  await page.locator('#order-tracking-queue-delivered-date').waitFor()
  await page.waitForFunction(() => document.activeElement?.id === 'order-tracking-queue-delivered-date')
  await page.keyboard.press('Enter')
  await queue(page).getByText('1 marked delivered, 0 failed.').first().waitFor()
  const stored = sandbox.getOrder(order.orderId)!.packageAttachment.packages[0]
  expect(stored.courierStatus?.finished).toBe(true)
}, 90_000)

// ---------------------------------------------------------------------------------------
// A long tracking-number file

const ROWS = 2_000
/** Every 50th row from the 8th has a URL that is not http(s): 40 rows with problems. */
const isBadRow = (i: number) => i % 50 === 7
const NUMBERS_CSV = [
  'orderId,invoiceNumber,trackingNumber,trackingUrl,courier',
  ...Array.from({ length: ROWS }, (_, i) => {
    const number = `QA${String(i).padStart(9, '0')}BR`
    return `${6_100_000_000_000 + i}-01,NF${i},${number},${isBadRow(i) ? 'javascript:alert(1)' : `https://tracking.example/${number}`},Correios`
  }),
].join('\n')
/** Spreadsheet rows (the header is row 1) of the bad ones. */
const BAD_ROWS = Array.from({ length: ROWS }, (_, i) => i).filter(isBadRow).map(i => i + 2)

test('a 2,000-row tracking-number file on a phone: one page of rows, no sideways scroll, filtered to exactly its bad rows', async () => {
  const page = await pages.newPage({ viewport: PHONE })
  const emptyHeight = await pageHeight(page)
  await numbersSection(page).getByLabel('Tracking numbers CSV file').setInputFiles({ name: 'numbers.csv', mimeType: 'text/csv', buffer: Buffer.from(NUMBERS_CSV) })
  await numbersSection(page).getByText(`${ROWS} rows: ${ROWS - BAD_ROWS.length} ready, ${BAD_ROWS.length} with problems.`).waitFor()

  const listed = numbersSection(page).getByRole('list', { name: 'Rows of numbers.csv' }).locator(':scope > li')
  await numbersSection(page).getByText('Rows 1–25 of 2,000', { exact: true }).waitFor()
  expect(await numbersSection(page).getByRole('table').count()).toBe(0)
  expect(await listed.count()).toBe(25)
  expect(await listed.first().innerText()).toMatch(/^Row 2\nOrder 6100000000000-01\nInvoice NF0\nTracking number QA000000000BR\nResult\nReady$/)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
  // Bounded: one page of 25 rows, where the whole file would add over 200,000 px.
  expect((await pageHeight(page)) - emptyHeight).toBeLessThan(4_000)
  expect(await seriousViolations(page, 'tracking-number CSV preview · 390px')).toEqual([])
  await pages.screenshot(page, 'queue-phone-long-tracking-csv')

  // The filter shows the bad rows, all of them and only them, page after page.
  await numbersSection(page).getByLabel('Show only rows with problems').check()
  await numbersSection(page).getByText(`Rows 1–25 of ${BAD_ROWS.length}`, { exact: true }).waitFor()
  const rowNumbers = async () => (await listed.allInnerTexts()).map(text => Number(/^Row (\d+)/.exec(text)![1]))
  const shown = await rowNumbers()
  await numbersSection(page).getByRole('button', { name: 'Next rows' }).click()
  await numbersSection(page).getByText(`Rows 26–${BAD_ROWS.length} of ${BAD_ROWS.length}`, { exact: true }).waitFor()
  shown.push(...(await rowNumbers()))
  expect(shown).toEqual(BAD_ROWS)
  for (const text of await listed.allInnerTexts()) expect(text).toContain('trackingUrl: ')
  expect(await seriousViolations(page, 'tracking-number CSV, problems only · 390px')).toEqual([])
}, 90_000)
