// Issue 13, item 5, in a real browser through the whole stack: after each write, focus is
// where the work is (the updated invoice, the import's summary, the bulk outcome), never
// <body>, and the page's one polite live region says what happened in the page's language.
// Keyboard only where the issue says keyboard: the delivery dialog's Enter and the date field.
import type { Page } from 'playwright-core'

import { TRACKED, UNTRACKED } from '../support/operations'
import { usePageStack } from './support/pageStack'

const pages = usePageStack()

const LIVE_REGION = '#order-tracking-live-region'

/** Keeps every text the live region takes (a fast import says "started" and "finished" within a moment). */
async function recordAnnouncements(page: Page): Promise<void> {
  await page.locator(LIVE_REGION).waitFor({ state: 'attached' })
  await page.evaluate(selector => {
    const region = document.querySelector(selector)!
    const said: string[] = []
    ;(window as unknown as { __said: string[] }).__said = said
    new MutationObserver(() => {
      const text = region.textContent ?? ''
      if (text) said.push(text)
    }).observe(region, { childList: true, characterData: true, subtree: true })
  }, LIVE_REGION)
}

const announcements = (page: Page) => page.evaluate(() => (window as unknown as { __said: string[] }).__said)

async function waitForAnnouncement(page: Page, text: string): Promise<void> {
  await page.waitForFunction(expected => (window as unknown as { __said: string[] }).__said.includes(expected), text)
  expect(await page.locator(LIVE_REGION).innerText()).toBe(text)
}

const activeId = (page: Page) => page.evaluate(() => (document.activeElement === document.body ? 'BODY' : document.activeElement?.id ?? ''))

/** Focus reaches the element and stays there (a closing dialog's own focus handling runs later). */
async function expectFocusOn(page: Page, id: string): Promise<void> {
  await page.waitForFunction(expected => document.activeElement?.id === expected, id)
  await page.waitForTimeout(300)
  expect(await activeId(page)).toBe(id)
}

const invoiceCard = (page: Page, invoiceNumber: string, name = 'Invoice') =>
  page.getByRole('region', { name: `${name} ${invoiceNumber}` })
const storedPackage = (orderId: string, invoiceNumber: string) =>
  pages.stack.sandbox.getOrder(orderId)!.packageAttachment.packages.find(p => p.invoiceNumber === invoiceNumber)!

test('the page has one live region, and the order and CSV panels hold none of their own', async () => {
  const page = await pages.newPage({ orderId: TRACKED.orderId })
  await invoiceCard(page, TRACKED.invoiceNumber).waitFor()
  expect(await page.locator(LIVE_REGION).count()).toBe(1)
  expect(await page.locator(LIVE_REGION).getAttribute('aria-live')).toBe('polite')
  // Nothing around the order: it used to be one, and read whole cards out after each write.
  expect(await page.locator(`[aria-live]:has(#order-tracking-invoice-${TRACKED.invoiceNumber})`).count()).toBe(0)
  const csvPanel = page.getByRole('region', { name: 'Import tracking events from a CSV file' })
  expect(await csvPanel.locator('[aria-live]:not([aria-live="off"])').count()).toBe(0)
  expect(await csvPanel.getByRole('status').getAttribute('aria-live')).toBe('off')
}, 30_000)

test('saving a tracking number (Enter in the form) moves focus to the invoice and announces it', async () => {
  const page = await pages.newPage({ orderId: UNTRACKED.orderId })
  await recordAnnouncements(page)
  const card = invoiceCard(page, UNTRACKED.invoiceNumber)
  const form = card.getByRole('form', { name: 'Set the tracking number' })
  await form.getByLabel('Tracking number').focus()
  await page.keyboard.type('BR555000111BR')
  await page.keyboard.press('Enter')

  await waitForAnnouncement(page, `Tracking number BR555000111BR saved on invoice ${UNTRACKED.invoiceNumber}.`)
  await expectFocusOn(page, `order-tracking-invoice-${UNTRACKED.invoiceNumber}`)
  // The card now offers events: the form that had focus is gone.
  await card.getByRole('form', { name: 'Add a tracking event' }).waitFor()
  expect(storedPackage(UNTRACKED.orderId, UNTRACKED.invoiceNumber).trackingNumber).toBe('BR555000111BR')
}, 30_000)

test('the date-time field is one Tab stop (Chromium gives a datetime-local seven)', async () => {
  const page = await pages.newPage({ orderId: TRACKED.orderId })
  const form = invoiceCard(page, TRACKED.invoiceNumber).getByRole('form', { name: 'Add a tracking event' })
  await form.getByLabel('State').focus()
  await page.keyboard.press('Tab')
  expect(await activeId(page)).toBe(`order-tracking-${TRACKED.invoiceNumber}-event-date`)
  await page.keyboard.press('Tab')
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Add event')
  await page.keyboard.press('Shift+Tab')
  expect(await activeId(page)).toBe(`order-tracking-${TRACKED.invoiceNumber}-event-date`)
  // It shows and reads the year-first form in English.
  expect(await form.getByLabel('Date and time').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
}, 30_000)

test('pt-BR, keyboard only: the delivery dialog takes a day-first date, Enter confirms, focus goes to the invoice', async () => {
  const page = await pages.newPage({ orderId: TRACKED.orderId, locale: 'pt-BR' })
  await recordAnnouncements(page)
  const card = invoiceCard(page, TRACKED.invoiceNumber, 'Nota fiscal')
  await card.getByRole('button', { name: 'Marcar como entregue' }).focus()
  await page.keyboard.press('Enter')

  const dialog = page.getByRole('dialog', { name: `Marcar a nota fiscal ${TRACKED.invoiceNumber} como entregue?` })
  const dateField = dialog.getByLabel('Entregue em')
  await dateField.waitFor()
  expect(await activeId(page)).toBe(`order-tracking-${TRACKED.invoiceNumber}-delivered-date`)
  expect(await dateField.inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type('11/03/2025 09:15')
  await page.keyboard.press('Enter')

  await waitForAnnouncement(page, `Nota fiscal ${TRACKED.invoiceNumber} marcada como entregue.`)
  await dialog.waitFor({ state: 'detached' })
  await expectFocusOn(page, `order-tracking-invoice-${TRACKED.invoiceNumber}`)
  const stored = storedPackage(TRACKED.orderId, TRACKED.invoiceNumber).courierStatus!
  expect(stored.finished).toBe(true)
  // 09:15 in São Paulo (the browser's zone here) on March 11th.
  expect(stored.deliveredDate).toMatch(/^2025-03-11T12:15:00/)
}, 30_000)

test('a CSV import: focus goes to its progress when it starts and stays on the summary when it ends; both are announced', async () => {
  const page = await pages.newPage()
  await recordAnnouncements(page)
  const panel = page.getByRole('region', { name: 'Import tracking events from a CSV file' })
  const csv = [
    'orderId,invoiceNumber,date,city,state,description,isDelivered,deliveredDate',
    `${TRACKED.orderId},${TRACKED.invoiceNumber},2025-03-01T09:20:00-03:00,São Paulo,SP,Objeto postado,no,`,
    `${TRACKED.orderId},${TRACKED.invoiceNumber},2025-03-02T10:00:00-03:00,Campinas,SP,Objeto em trânsito,no,`,
  ].join('\r\n')
  await panel.getByLabel('CSV file').setInputFiles({ name: 'events.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  // The write access was asked with the page: the import's refresh of what is on screen does not ask again.
  const accessAsked: string[] = []
  page.on('request', request => {
    if (request.url().endsWith('/graphql') && (request.postData() ?? '').includes('"TrackingWriteAccess"')) accessAsked.push(request.url())
  })
  const importButton = panel.getByRole('button', { name: 'Import', exact: true })
  await importButton.focus()
  await page.keyboard.press('Enter')

  const finished = 'Import finished: 2 imported, 0 failed, 0 not sent.'
  await waitForAnnouncement(page, finished)
  expect(await announcements(page)).toEqual(['Import started: 2 rows to send.', finished])
  await expectFocusOn(page, 'order-tracking-csv-status')
  expect(await page.locator('#order-tracking-csv-status').innerText()).toBe(finished)
  expect(storedPackage(TRACKED.orderId, TRACKED.invoiceNumber).courierStatus!.data).toHaveLength(2)
  expect(accessAsked).toEqual([])
}, 30_000)

test("the work queue's bulk mark-delivered: Enter in the date field confirms, focus goes to the outcome", async () => {
  const { sandbox } = pages.stack
  const order = { orderId: '1172452999200-01', invoiceNumber: '88200' }
  sandbox.addOrders([
    {
      orderId: order.orderId,
      invoicedAt: new Date(Date.now() - 3_600_000).toISOString(),
      invoices: [{ invoiceNumber: order.invoiceNumber, trackingNumber: 'BR200000001BR', courier: 'Correios' }],
    },
  ])
  await sandbox.eventsSettled()

  const page = await pages.newPage()
  await recordAnnouncements(page)
  const queue = page.getByRole('region', { name: 'Shipments that need attention' })
  await queue.getByRole('button', { name: /^All/ }).click()
  await queue.getByLabel(`Select invoice ${order.invoiceNumber} of order ${order.orderId}`).check()
  await queue.getByRole('button', { name: 'Mark selected delivered (1)' }).click()
  await page.locator('#order-tracking-queue-delivered-date').waitFor()
  expect(await activeId(page)).toBe('order-tracking-queue-delivered-date')
  await page.keyboard.press('Enter')

  await waitForAnnouncement(page, '1 marked delivered, 0 failed.')
  await expectFocusOn(page, 'order-tracking-queue-mark-delivered-outcome')
  expect(storedPackage(order.orderId, order.invoiceNumber).courierStatus!.finished).toBe(true)
}, 60_000)
