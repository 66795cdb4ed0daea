// Issue "The details an operator trips over", items 6 and 7, in a real browser through the
// whole stack: axe-core (./support/axe) finds no serious or critical violation on the
// landing page (work queue), the order pages, the CSV preview and results and the
// Integrations page, in English and Portuguese, on a desktop (1366 px) and a phone (390 px);
// a 2,000-row CSV previewed on a phone keeps the page short (one page of rows at a time),
// filters to its problems, and its rows are reached by keyboard.
import { readFileSync } from 'fs'
import path from 'path'
import type { Page } from 'playwright-core'

import { QUEUE_SEED_KINDS } from '../../dev/oms-sandbox/seed'
import { TRACKED, UNTRACKED } from '../support/operations'
import { afterShipBody, sendAfterShip } from '../support/webhooks'
import { seriousViolations } from './support/axe'
import { usePageStack } from './support/pageStack'

const pages = usePageStack()

type Locale = 'en-US' | 'pt-BR'
const MESSAGE_FILES: Record<Locale, string> = { 'en-US': 'en.json', 'pt-BR': 'pt.json' }
const messages = (locale: Locale): Record<string, string> =>
  JSON.parse(readFileSync(path.join(__dirname, '../../messages', MESSAGE_FILES[locale]), 'utf-8'))
/** A message of the page, its {placeholders} filled in (plain ones only). */
function text(locale: Locale, id: string, values: Record<string, string> = {}): string {
  const message = messages(locale)[`admin/order-tracking.${id}`]
  if (message === undefined) throw new Error(`no message ${id} in ${locale}`)
  return message.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`)
}

const DESKTOP = { width: 1366, height: 768 }
const PHONE = { width: 390, height: 844 }

// ---------------------------------------------------------------------------------------
// What the screens show

const HEADER = 'orderId,invoiceNumber,date,city,state,description,isDelivered,deliveredDate'
/** Ready rows, a row the service refuses (unknown order) and one the preview refuses. */
const SMALL_CSV = [
  HEADER,
  `${TRACKED.orderId},${TRACKED.invoiceNumber},2025-03-01T09:20:00-03:00,São Paulo,SP,Objeto postado,no,`,
  `${TRACKED.orderId},${TRACKED.invoiceNumber},2025-03-02T03:45:00-03:00,Campinas,SP,"Objeto em trânsito, de CTE Vila Maria para CTE Campinas",no,`,
  `9999999999999-01,1,2025-03-01T10:00:00-03:00,Recife,PE,Objeto postado,no,`,
  `${TRACKED.orderId},${TRACKED.invoiceNumber},2025-02-30,Curitiba,PR,Data errada,no,`,
].join('\r\n')

/** The queue's tracking-number file: a good row and one whose URL is not http(s). */
const TRACKING_NUMBERS_CSV = [
  'orderId,invoiceNumber,trackingNumber,trackingUrl,courier',
  `${UNTRACKED.orderId},${UNTRACKED.invoiceNumber},BR555000111BR,https://rastreamento.correios.example/BR555000111BR,Correios`,
  `${TRACKED.orderId},${TRACKED.invoiceNumber},BR555000222BR,javascript:alert(1),Correios`,
].join('\r\n')

const csvFile = (name: string, body: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(body, 'utf-8') })

/** Orders whose invoices show each tag an invoice can have. */
const ORDERS = [
  { orderId: TRACKED.orderId, invoiceNumber: TRACKED.invoiceNumber, shows: 'in transit, no events' },
  { orderId: UNTRACKED.orderId, invoiceNumber: UNTRACKED.invoiceNumber, shows: 'no tracking number, its form' },
  { orderId: '00-v5195004lux-01', invoiceNumber: 'NF-9', shows: 'delivered, a timeline' },
  { orderId: '1172452900811-01', invoiceNumber: '000030900', shows: 'two invoices, events' },
]

/** The seeded queue orders, one of each kind (no tracking number, stale, late, exception...). */
const QUEUE_ORDERS = QUEUE_SEED_KINDS.map((_, i) => `${1172452910000 + i}-01`)

/** The tracking index learns the queue's orders; the webhooks fill the Integrations page. */
async function fillScreens() {
  const { sandbox, baseUrl } = pages.stack
  for (const orderId of [...QUEUE_ORDERS, TRACKED.orderId]) sandbox.emitOrderEvent(orderId, 'invoiced')
  await sandbox.eventsSettled()
  const checkpoint = { checkpoint_time: '2026-11-28T08:30:00-03:00', city: 'Cajamar', state: 'SP', location: 'CTE', message: 'Objeto em trânsito', tag: 'InTransit' }
  expect((await sendAfterShip(baseUrl, afterShipBody('BR123456789BR', [checkpoint]))).status).toBe(200)
  expect((await sendAfterShip(baseUrl, afterShipBody('ZZ000000000BR', [checkpoint]))).status).toBe(202)
}

const csvSection = (page: Page) => page.locator('section[aria-labelledby="order-tracking-csv-title"]')

/**
 * What axe finds on the page; whether it has one main landmark holding its level-1 heading
 * (axe rates a missing main "moderate", so it is asked here); and whether the page scrolls
 * sideways (unusable on a phone).
 */
async function audit(page: Page, where: string, viewport: { width: number }): Promise<string[]> {
  const found = await seriousViolations(page, where)
  const mains = await page.getByRole('main').count()
  if (mains !== 1) found.push(`[${where}] ${mains} main landmarks, not 1`)
  else if ((await page.getByRole('main').getByRole('heading', { level: 1 }).count()) !== 1) found.push(`[${where}] the main landmark does not hold the page's heading`)
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  if (width > viewport.width) found.push(`[${where}] the page is ${width} px wide in a ${viewport.width} px window: it scrolls sideways`)
  return found
}

/** Every screen of the issue in one locale and width, with what axe found on each. */
async function auditScreens(locale: Locale, viewport: { width: number; height: number }): Promise<string[]> {
  const found: string[] = []
  const where = (screen: string) => `${screen} · ${locale} · ${viewport.width}px`

  const page = await pages.newPage({ locale, viewport })
  await page.getByRole('button', { name: QUEUE_ORDERS[0] }).waitFor()
  found.push(...(await audit(page, where('landing (work queue)'), viewport)))
  // Every problem at once: the status tags (an exception among them) and the problem tags.
  await page.getByRole('button', { name: text(locale, 'queue.tab.all'), exact: true }).click()
  await page.getByRole('button', { name: QUEUE_ORDERS[QUEUE_SEED_KINDS.indexOf('exception')] }).waitFor()
  found.push(...(await audit(page, where('work queue, all problems'), viewport)))

  await page.locator('#order-tracking-csv-file').setInputFiles(csvFile('tracking.csv', SMALL_CSV))
  await csvSection(page).getByRole('button', { name: text(locale, 'csv.import'), exact: true }).waitFor()
  found.push(...(await audit(page, where('CSV preview'), viewport)))
  await csvSection(page).getByRole('button', { name: text(locale, 'csv.import'), exact: true }).click()
  await csvSection(page).getByRole('button', { name: text(locale, 'csv.downloadResults') }).waitFor()
  found.push(...(await audit(page, where('CSV results'), viewport)))

  await page.locator('#order-tracking-tracking-number-csv').setInputFiles(csvFile('numbers.csv', TRACKING_NUMBERS_CSV))
  await page.getByRole('button', { name: text(locale, 'trackingCsv.import'), exact: true }).waitFor()
  found.push(...(await audit(page, where('tracking-number CSV preview'), viewport)))

  for (const order of ORDERS) {
    const search = page.getByRole('search')
    await search.getByLabel(text(locale, 'search.orderId')).fill(order.orderId)
    await search.getByLabel(text(locale, 'search.orderId')).press('Enter')
    await page.getByRole('region', { name: text(locale, 'invoice.title', { invoiceNumber: order.invoiceNumber }) }).waitFor()
    found.push(...(await audit(page, where(`order ${order.orderId} (${order.shows})`), viewport)))
  }
  // The delivery confirmation, open over the last order.
  const card = page.getByRole('region', { name: text(locale, 'invoice.title', { invoiceNumber: ORDERS[ORDERS.length - 1].invoiceNumber }) })
  await card.getByRole('button', { name: text(locale, 'markDelivered.open'), exact: true }).click()
  await page.getByRole('dialog').waitFor()
  found.push(...(await audit(page, where('mark delivered dialog'), viewport)))

  const integrations = await pages.newPage({ locale, viewport, integrations: true })
  await integrations.getByTestId('deliveries').waitFor()
  await integrations.getByTestId('unmatched').waitFor()
  found.push(...(await audit(integrations, where('Integrations'), viewport)))
  return found
}

function expectNoViolations(found: string[]) {
  if (found.length > 0) throw new Error(`axe found ${found.length} serious or critical violations:\n\n${found.join('\n\n')}`)
}

describe.each([
  ['en-US', DESKTOP],
  ['en-US', PHONE],
  ['pt-BR', DESKTOP],
  ['pt-BR', PHONE],
] as Array<[Locale, { width: number; height: number }]>)('axe-core in %s at %o', (locale, viewport) => {
  test(`0 serious or critical violations on the landing page, the order pages, the CSV preview and results, and Integrations`, async () => {
    await fillScreens()
    expectNoViolations(await auditScreens(locale, viewport))
  }, 90_000)
})

// ---------------------------------------------------------------------------------------
// A long file on a phone

const LONG_ROWS = 2_000
/** Every 50th row from the 8th has an impossible date: 40 rows with problems. */
const isBadRow = (i: number) => i % 50 === 7
const LONG_CSV = [
  HEADER,
  ...Array.from({ length: LONG_ROWS }, (_, i) =>
    `${6_000_000_000_000 + i}-01,NF${i},${isBadRow(i) ? '2025-02-30' : '2025-04-01T10:00:00-03:00'},Belo Horizonte,MG,` +
      `Evento da nota NF${i}: em trânsito para o centro de distribuição de Contagem,no,`
  ),
].join('\n')
const BAD_ROWS = Array.from({ length: LONG_ROWS }, (_, i) => i).filter(isBadRow)

/** The rows of the preview as the phone shows them: the list's own items (not its problems'). */
const listedRows = (page: Page) => csvSection(page).locator('ol[aria-labelledby="order-tracking-csv-rows-caption"] > li')
const pageHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight)
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth)

/** Presses Tab until the focused element matches, at most `max` times; the presses it took. */
async function tabTo(page: Page, matches: (element: Element) => boolean, max = 40): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate(`(${matches.toString()})(document.activeElement)`)) return presses
  }
  throw new Error(`no element reached in ${max} Tab presses`)
}

test('a 2,000-row file on a phone: one page of rows, no sideways scroll, filtered to its problems, all by keyboard', async () => {
  const page = await pages.newPage({ viewport: PHONE })
  const emptyHeight = await pageHeight(page)
  await page.locator('#order-tracking-csv-file').setInputFiles(csvFile('long.csv', LONG_CSV))
  await csvSection(page)
    .getByText(`2,000 rows read: ${(LONG_ROWS - BAD_ROWS.length).toLocaleString('en-US')} ready to import, ${BAD_ROWS.length} with problems.`, { exact: true })
    .waitFor()

  // On a phone the rows are a list, 25 of them, and nothing is wider than the window.
  await csvSection(page).getByText('Rows 1–25 of 2,000', { exact: true }).waitFor()
  expect(await csvSection(page).getByRole('table').count()).toBe(0)
  expect(await csvSection(page).getByRole('list', { name: 'Rows of long.csv' }).count()).toBe(1)
  expect(await listedRows(page).count()).toBe(25)
  expect(await listedRows(page).first().innerText()).toMatch(/^Row 2\nOrder 6000000000000-01/)
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width)
  // Bounded: one page of rows adds a few thousand pixels to the page, not 26,000 (100 rows did).
  const height = await pageHeight(page)
  expect(height - emptyHeight).toBeLessThan(6_000)
  await pages.screenshot(page, 'a11y-phone-long-csv')

  // By keyboard: from the file input to the filter, Space ticks it.
  await page.locator('#order-tracking-csv-file').focus()
  await tabTo(page, element => element instanceof HTMLInputElement && element.type === 'checkbox')
  await page.keyboard.press('Space')
  await csvSection(page).getByText(`Rows 1–25 of ${BAD_ROWS.length}`, { exact: true }).waitFor()
  const problemRows = async () =>
    (await listedRows(page).allInnerTexts()).map(text => {
      expect(text).toContain('Not valid, will not be imported:\ndate: This value is not in a valid format.')
      return Number(/^Row (\d+)/.exec(text)![1])
    })
  // Spreadsheet rows: the header is row 1.
  expect(await problemRows()).toEqual(BAD_ROWS.slice(0, 25).map(i => i + 2))

  // Then to "Next rows" (the disabled "Previous rows" is skipped), Enter turns the page.
  await tabTo(page, element => element.textContent === 'Next rows')
  await page.keyboard.press('Enter')
  await csvSection(page).getByText(`Rows 26–${BAD_ROWS.length} of ${BAD_ROWS.length}`, { exact: true }).waitFor()
  expect(await problemRows()).toEqual(BAD_ROWS.slice(25).map(i => i + 2))
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width)
}, 60_000)

test('where the rows are a table, a keyboard reaches it: a named, focusable region that scrolls sideways', async () => {
  // Identifiers as long as the API allows (64 and 50 characters) do not wrap: wider than the window.
  const longIds = [HEADER, `${'7'.repeat(61)}-01,${'N'.repeat(50)},2025-04-01T10:00:00-03:00,Contagem,MG,Em trânsito,no,`].join('\n')
  const page = await pages.newPage({ viewport: { width: 800, height: 800 } })
  await page.locator('#order-tracking-csv-file').setInputFiles(csvFile('long-ids.csv', longIds))
  const region = csvSection(page).getByRole('region', { name: 'Rows of long-ids.csv' })
  await region.getByRole('table', { name: 'Rows of long-ids.csv' }).waitFor()

  // Tab from the filter reaches the table's region, and the arrow keys scroll it.
  await csvSection(page).getByLabel('Show only rows with problems').focus()
  await tabTo(page, element => element.getAttribute('role') === 'region' && element.querySelector('table') !== null, 3)
  const scrolled = () => region.evaluate(element => element.scrollLeft)
  expect(await region.evaluate(element => element.scrollWidth > element.clientWidth)).toBe(true)
  expect(await scrolled()).toBe(0)
  await page.keyboard.press('ArrowRight')
  await page.waitForFunction(() => (document.activeElement as HTMLElement).scrollLeft > 0)
  // The table scrolls, not the page.
  expect(await pageWidth(page)).toBeLessThanOrEqual(800)
}, 60_000)
