// Issue "Shipments that need attention", in a real browser through the whole stack: an
// invoiced order announced by the sandbox's orders-broadcast lands in the tracking index
// (the sandbox's Master Data) and shows in the work queue; the page's own writes move it
// between tabs; the tracking-number CSV corrects a number; a viewer is refused.
import type { Page } from 'playwright-core'

import { usePageStack } from './support/pageStack'

const pages = usePageStack()

const ORDER = { orderId: '1172452999100-01', invoiceNumber: '88100' }

const queue = (page: Page) => page.getByRole('region', { name: 'Shipments that need attention' })
const tab = (page: Page, name: RegExp) => queue(page).getByRole('button', { name })
const rowOf = (page: Page, orderId: string) => queue(page).getByRole('row').filter({ has: page.getByRole('button', { name: orderId }) })

test('the queue follows an invoiced order from the broadcast to a corrected tracking number', async () => {
  const { sandbox } = pages.stack
  sandbox.addOrders([
    {
      orderId: ORDER.orderId,
      invoicedAt: new Date(Date.now() - 3_600_000).toISOString(),
      shippingEstimateDate: new Date(Date.now() + 5 * 86_400_000).toISOString(),
      invoices: [{ invoiceNumber: ORDER.invoiceNumber }],
    },
  ])
  await sandbox.eventsSettled()

  // The landing page is the queue, on "No tracking number", with its count.
  const page = await pages.newPage()
  await tab(page, /^No tracking number \(1\)$/).waitFor()
  await rowOf(page, ORDER.orderId).waitFor()
  await pages.screenshot(page, 'queue-1-no-tracking-number')

  // The row opens the order; setting its number moves it out of the tab.
  await rowOf(page, ORDER.orderId).getByRole('button', { name: ORDER.orderId }).click()
  expect(new URL(page.url()).pathname).toBe(`/admin/app/order-tracking/${ORDER.orderId}`)
  const card = page.getByRole('region', { name: `Invoice ${ORDER.invoiceNumber}` })
  const trackingForm = card.getByRole('form', { name: 'Set the tracking number' })
  await trackingForm.getByLabel('Tracking number').fill('WRONG000001')
  await trackingForm.getByLabel('Courier').fill('Loggi')
  await trackingForm.getByRole('button', { name: 'Save tracking number' }).click()
  await tab(page, /^No tracking number \(0\)$/).waitFor()
  expect(await rowOf(page, ORDER.orderId).count()).toBe(0)

  // An event with the exception status puts it under "Exception", with its tag.
  const form = card.getByRole('form', { name: 'Add a tracking event' })
  await form.getByRole('combobox', { name: 'Status' }).selectOption('exception')
  await form.getByLabel('City').fill('Recife')
  await form.getByLabel('State').fill('PE')
  await form.getByRole('button', { name: 'Add event' }).click()
  await tab(page, /^Exception \(1\)$/).click()
  const row = rowOf(page, ORDER.orderId)
  await row.getByText('Exception', { exact: true }).first().waitFor()
  await row.getByText('WRONG000001').waitFor()
  // The tab is in the address: a shared link opens the same view.
  expect(new URL(page.url()).searchParams.get('problem')).toBe('EXCEPTION')
  await page.reload()
  await rowOf(page, ORDER.orderId).getByText('WRONG000001').waitFor()
  await pages.screenshot(page, 'queue-2-exception')

  // The tracking-number CSV corrects the wrong number.
  const csv = `orderId,invoiceNumber,trackingNumber,trackingUrl,courier\n${ORDER.orderId},${ORDER.invoiceNumber},QA555000111BR,https://tracking.example/QA555000111BR,Loggi\n`
  await queue(page).getByLabel('Tracking numbers CSV file').setInputFiles({ name: 'numbers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await queue(page).getByText('1 rows: 1 ready, 0 with problems.').waitFor()
  await queue(page).getByRole('button', { name: 'Import tracking numbers' }).click()
  await queue(page).getByText('Import finished: 1 set, 0 failed.').waitFor()
  await rowOf(page, ORDER.orderId).getByText('QA555000111BR').waitFor()
  const stored = sandbox.getOrder(ORDER.orderId)!.packageAttachment.packages[0]
  expect(stored).toMatchObject({ trackingNumber: 'QA555000111BR', trackingUrl: 'https://tracking.example/QA555000111BR' })
  await pages.screenshot(page, 'queue-3-corrected')
}, 90_000)

test('a viewer without "Notify invoice" is refused the queue', async () => {
  const page = await pages.newPage({ as: 'viewer' })
  await queue(page).getByText(/needs the "Notify invoice" resource/).waitFor()
  expect(await queue(page).getByRole('row').count()).toBe(0)
})
