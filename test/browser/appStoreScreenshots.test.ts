// The screenshots of the App Store page (docs/README.md), taken through the whole local stack:
// each test brings the page to the state the picture shows, checks that the screen shows it,
// takes the picture and reads the PNG back (it decodes, at the viewport's size).
//
// `npm run docs:screenshots` (ORDER_TRACKING_WRITE_SCREENSHOTS=1) writes them into
// docs/images/, where the page finds them; a plain `npm test` writes them to a temporary
// folder instead, so running the tests never changes the checkout.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'
import type { Locator, Page } from 'playwright-core'

import { IDENTITIES } from '../../dev/oms-sandbox'
import { afterShipBody, sendAfterShip } from '../support/webhooks'
import { decodePng } from './support/png'
import { usePageStack } from './support/pageStack'

const pages = usePageStack()

const WRITE_ENV = 'ORDER_TRACKING_WRITE_SCREENSHOTS'
const DOCS_IMAGES = path.resolve(__dirname, '../../docs/images')
const writesDocs = process.env[WRITE_ENV] === '1'
const outDir = writesDocs ? DOCS_IMAGES : mkdtempSync(path.join(tmpdir(), 'order-tracking-screenshots-'))
beforeAll(() => mkdirSync(outDir, { recursive: true }))
afterAll(() => {
  if (!writesDocs) rmSync(outDir, { recursive: true, force: true })
})

const DESKTOP = { width: 1280, height: 800 }
/** Tall enough for the page's title, the search and the first rows of the queue. */
const DESKTOP_TALL = { width: 1280, height: 1100 }
const PHONE = { width: 390, height: 844 }
const ADMIN = { userToken: IDENTITIES.localAdmin.token }

/** The seeded order with a delivered invoice and its four events. */
const DELIVERED = { orderId: '00-v5195004lux-01', invoiceNumber: 'NF-9' }
/** The seeded order whose invoice has a tracking number and no events yet. */
const TRACKED = { orderId: '1172452900788-01', invoiceNumber: '000030711', trackingNumber: 'BR123456789BR' }

/**
 * Shows `focus` at the top of the viewport (or the page's top), takes the viewport as
 * docs/images/{name}.png and checks the file is a PNG of exactly that size.
 */
async function shoot(page: Page, name: string, focus?: Locator): Promise<void> {
  const viewport = page.viewportSize()!
  if (focus) await focus.evaluate(element => element.scrollIntoView({ block: 'start' }))
  else await page.evaluate(() => window.scrollTo(0, 0))
  const file = path.join(outDir, `${name}.png`)
  await page.screenshot({ path: file, fullPage: false, animations: 'disabled', caret: 'hide' })
  expect(decodePng(readFileSync(file))).toEqual({ width: viewport.width, height: viewport.height })
}

async function newPage(options: Parameters<typeof pages.newPage>[0] = {}, viewport = DESKTOP): Promise<Page> {
  const page = await pages.newPage(options)
  await page.setViewportSize(viewport)
  // The local shell's line (who is signed in, links to the demo orders) stands in for the
  // Admin's own frame, which a merchant never sees as such: it stays out of the pictures.
  const shellLine = page.locator('header', { hasText: /^Local admin as/ })
  await shellLine.waitFor()
  await shellLine.evaluate(line => ((line as HTMLElement).style.display = 'none'))
  return page
}

/** Fills the tracking index from the sandbox's seeded orders, as an operator's first rebuild would. */
async function rebuildIndex(): Promise<number> {
  const now = Date.now()
  const started = await pages.stack.graphql({
    ...ADMIN,
    query: 'mutation($from: String!, $to: String!) { rebuildTrackingIndex(invoicedFrom: $from, invoicedTo: $to) { ordersFound } }',
    variables: { from: new Date(now - 60 * 86_400_000).toISOString(), to: new Date(now).toISOString() },
  })
  expect(started.body.errors).toBeUndefined()
  for (;;) {
    const progress = await pages.stack.graphql({ ...ADMIN, query: '{ trackingIndexRebuild { state ordersIndexed } }' })
    const state = progress.body.data.trackingIndexRebuild
    if (state.state !== 'RUNNING') {
      expect(state.state).toBe('DONE')
      return state.ordersIndexed
    }
    await new Promise(resolve => setTimeout(resolve, 100))
  }
}

const queue = (page: Page) => page.getByRole('region', { name: 'Shipments that need attention' })
const invoiceCard = (page: Page, invoiceNumber: string) => page.getByRole('region', { name: `Invoice ${invoiceNumber}` })
const timeline = (page: Page, invoiceNumber: string) =>
  invoiceCard(page, invoiceNumber).getByRole('list', { name: `Tracking events of invoice ${invoiceNumber}` })
const csvPanel = (page: Page) => page.getByRole('region', { name: 'Import tracking events from a CSV file' })

test('the work queue: the shipments that need attention, by problem', async () => {
  expect(await rebuildIndex()).toBeGreaterThan(100)
  const page = await newPage({}, DESKTOP_TALL)
  await queue(page).getByRole('button', { name: /^No tracking number \(\d+\)$/ }).waitFor()
  await queue(page).getByRole('button', { name: /^Exception \(\d+\)$/ }).waitFor()
  // The landing tab lists seeded orders that have no tracking number.
  await queue(page).getByRole('button', { name: /^1172452910\d{3}-01$/ }).first().waitFor()
  await shoot(page, 'work-queue')
}, 60_000)

test("an order's tracking timeline, with its status", async () => {
  const page = await newPage({ orderId: DELIVERED.orderId })
  const events = timeline(page, DELIVERED.invoiceNumber).getByRole('listitem')
  await events.first().waitFor()
  expect(await events.count()).toBe(4)
  await timeline(page, DELIVERED.invoiceNumber).getByText('Objeto entregue ao destinatário').waitFor()
  await invoiceCard(page, DELIVERED.invoiceNumber).getByRole('link', { name: 'JAD-55501234' }).waitFor()
  await shoot(page, 'order-timeline', page.getByRole('heading', { name: `Order ${DELIVERED.orderId}` }))
})

test('the same order on a phone, 390 px wide', async () => {
  const page = await newPage({ orderId: DELIVERED.orderId }, PHONE)
  await timeline(page, DELIVERED.invoiceNumber).getByText('Objeto entregue ao destinatário').waitFor()
  expect(await page.evaluate(() => window.innerWidth)).toBe(PHONE.width)
  await shoot(page, 'order-phone', page.getByRole('heading', { name: `Order ${DELIVERED.orderId}` }))
})

const CSV_FILE = 'carrier-export.csv'
const CSV = [
  'orderId,invoiceNumber,date,city,state,description,isDelivered,deliveredDate',
  `${TRACKED.orderId},${TRACKED.invoiceNumber},2026-11-20T09:20:00-03:00,São Paulo,SP,Objeto postado,no,`,
  `${TRACKED.orderId},${TRACKED.invoiceNumber},2026-11-21T03:45:00-03:00,Campinas,SP,Objeto em trânsito,no,`,
  `${TRACKED.orderId},${TRACKED.invoiceNumber},2026-11-22T08:10:00-03:00,Campinas,SP,Objeto saiu para entrega,no,`,
  `${TRACKED.orderId},${TRACKED.invoiceNumber},2026-02-30,Campinas,SP,Data errada,no,`,
].join('\r\n')

test('a CSV import: the preview, then the results of each row', async () => {
  const page = await newPage()
  await csvPanel(page).getByLabel('CSV file').setInputFiles({ name: CSV_FILE, mimeType: 'text/csv', buffer: Buffer.from(CSV) })
  const rows = csvPanel(page).getByRole('table', { name: `Rows of ${CSV_FILE}` })
  await rows.waitFor()
  await rows.getByText('Objeto saiu para entrega').waitFor()
  // The row with 30 February is refused in the preview, before anything is sent.
  await rows.getByText(/not valid/i).first().waitFor()
  await shoot(page, 'csv-preview', csvPanel(page))

  await csvPanel(page).getByRole('button', { name: 'Import', exact: true }).click()
  await csvPanel(page).getByRole('status').getByText(/^Import finished:/).waitFor({ timeout: 30_000 })
  await rows.getByText(/^Imported/).first().waitFor()
  const stored = pages.stack.sandbox.getOrder(TRACKED.orderId)!.packageAttachment.packages.find(p => p.invoiceNumber === TRACKED.invoiceNumber)!
  expect((stored.courierStatus?.data ?? []).map(e => e.description).sort()).toEqual(['Objeto em trânsito', 'Objeto postado', 'Objeto saiu para entrega'])
  await shoot(page, 'csv-results', csvPanel(page))
}, 60_000)

test('the Integrations page: webhook addresses, secrets and deliveries', async () => {
  const { sandbox, baseUrl } = pages.stack
  sandbox.emitOrderEvent(TRACKED.orderId, 'invoiced')
  await sandbox.eventsSettled()
  const checkpoint = { checkpoint_time: '2026-11-28T08:30:00-03:00', city: 'Cajamar', state: 'SP', location: 'CTE', message: 'Objeto em trânsito', tag: 'InTransit' }
  expect((await sendAfterShip(baseUrl, afterShipBody(TRACKED.trackingNumber, [checkpoint]))).status).toBe(200)
  expect((await sendAfterShip(baseUrl, afterShipBody('ZZ000000000BR', [checkpoint]))).status).toBe(202)

  const page = await newPage({}, DESKTOP_TALL)
  await page.getByRole('button', { name: 'Integrations' }).click()
  await page.getByText('Webhook addresses').waitFor()
  await page.getByText('/_v/order-tracking/webhooks/aftership').first().waitFor()
  await page.getByTestId('deliveries').getByRole('row').filter({ hasText: TRACKED.trackingNumber }).first().waitFor()
  await page.getByTestId('unmatched').getByText('ZZ000000000BR').first().waitFor()
  await shoot(page, 'integrations')
})
