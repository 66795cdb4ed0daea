// Issue "The admin page", in a real browser: Chromium on the page built by Vite, talking to
// the real @vtex/api runtime, which talks to the OMS sandbox. Each test looks at what the
// page shows and at what the sandbox (standing in for OMS) holds afterwards, and leaves a
// screenshot in artifacts/browser/.
import type { Locator, Page } from 'playwright-core'

import { DEMO_ORDERS } from '../../dev/oms-sandbox/seed'
import { ORDER_TRACKING, TRACKED, UNTRACKED, UPDATE_TRACKING_STATUS } from '../support/operations'
import { usePageStack } from './support/pageStack'

const pages = usePageStack()

const ADMIN = { userToken: 'local-admin' }

const storedPackage = (orderId: string, invoiceNumber: string) =>
  pages.stack.sandbox.getOrder(orderId)!.packageAttachment.packages.find(p => p.invoiceNumber === invoiceNumber)!
const writesToOms = () => pages.stack.sandbox.journal().filter(entry => entry.path.startsWith('/api/oms/') && ['PUT', 'PATCH', 'POST'].includes(entry.method))

/** The card of one invoice: a section named by its heading. */
const invoiceCard = (page: Page, invoiceNumber: string) => page.getByRole('region', { name: `Invoice ${invoiceNumber}` })

/** The row holding the invoice's heading and its status tag (the tag has no role of its own). */
const headerRow = (card: Locator) => card.locator('div').filter({ has: card.page().getByRole('heading', { level: 3 }) }).last()

/** The value a description list shows under one term. */
const detail = (card: Locator, term: string) => card.getByRole('term').filter({ hasText: term }).locator('+ dd')

const timeline = (card: Locator, invoiceNumber: string) =>
  card.getByRole('list', { name: `Tracking events of invoice ${invoiceNumber}` })

test('1. searching a seeded order shows its invoice: number, courier, tracking link and status', async () => {
  const page = await pages.newPage()
  // The page title is not a heading (the styleguide's PageHeader renders a div): see the report.
  await page.getByText('Order tracking', { exact: true }).waitFor()

  // By keyboard: type the id and press Enter in the search form.
  const search = page.getByRole('search')
  await search.getByLabel('Order ID').fill(TRACKED.orderId)
  await search.getByLabel('Order ID').press('Enter')

  const card = invoiceCard(page, TRACKED.invoiceNumber)
  await card.waitFor()
  await page.getByRole('heading', { name: `Order ${TRACKED.orderId}` }).waitFor()
  expect(await detail(card, 'Courier').innerText()).toBe('Correios')
  const link = card.getByRole('link', { name: 'BR123456789BR' })
  expect(await link.getAttribute('href')).toBe('https://rastreamento.correios.example/BR123456789BR')
  expect(await link.getAttribute('rel')).toContain('noopener')
  await headerRow(card).getByText('In transit', { exact: true }).waitFor()
  await card.getByText('No tracking events yet.').waitFor()

  // What the page shows is what OMS holds.
  const stored = storedPackage(TRACKED.orderId, TRACKED.invoiceNumber)
  expect(stored).toMatchObject({ courier: 'Correios', trackingNumber: 'BR123456789BR', courierStatus: null })
  expect(pages.stack.sandbox.journal().some(e => e.method === 'GET' && e.path.endsWith(`/orders/${TRACKED.orderId}`))).toBe(true)
  expect(writesToOms()).toEqual([])

  await pages.screenshot(page, '1-search')
}, 30_000)

test('2. an event added from the form shows in the timeline without a reload and is stored in OMS', async () => {
  const page = await pages.newPage({ orderId: TRACKED.orderId })
  const card = invoiceCard(page, TRACKED.invoiceNumber)
  await card.waitFor()
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true))

  const form = card.getByRole('form', { name: 'Add a tracking event' })
  await form.getByRole('combobox', { name: 'Status' }).selectOption('inTransit')
  // The preset is written in the shoppers' language (the local store's settings: pt-BR), not
  // in the operator's.
  expect(await form.getByLabel('Description').inputValue()).toBe('O pacote está a caminho.')
  await form.getByLabel('City').fill('Curitiba')
  await form.getByLabel('State').fill('PR')
  await form.getByLabel('Date and time').fill('2025-03-10T14:30')
  await form.getByRole('button', { name: 'Add event' }).click()

  await form.getByRole('alert').filter({ hasText: 'Event added.' }).waitFor()
  const events = timeline(card, TRACKED.invoiceNumber).getByRole('listitem')
  await events.first().waitFor()
  expect(await events.count()).toBe(1)
  expect(await events.first().innerText()).toMatch(/^O pacote está a caminho\.\nCuritiba, PR · Mar 10, 2025, 02:30 PM GMT-3$/)
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true)

  const stored = storedPackage(TRACKED.orderId, TRACKED.invoiceNumber).courierStatus!
  expect(stored.finished).toBe(false)
  expect(stored.data).toEqual([
    expect.objectContaining({
      city: 'Curitiba',
      state: 'PR',
      description: 'O pacote está a caminho.',
      createDate: expect.stringMatching(/^2025-03-10T17:30:00/), // 14:30 in São Paulo, UTC-3
    }),
  ])

  await pages.screenshot(page, '2-event-added')
}, 30_000)

test('3. marking an invoice delivered through the confirmation dialog', async () => {
  const page = await pages.newPage({ orderId: TRACKED.orderId })
  const card = invoiceCard(page, TRACKED.invoiceNumber)
  await card.getByRole('button', { name: 'Mark as delivered' }).click()

  // The content names itself as a dialog and takes the focus; the styleguide's modal around
  // it holds the confirm and cancel buttons.
  const dialog = page.getByRole('dialog', { name: `Mark invoice ${TRACKED.invoiceNumber} as delivered?` })
  const heading = dialog.getByRole('heading')
  const dateField = dialog.getByLabel('Delivered at')
  await dateField.waitFor()
  expect(await dateField.evaluate(element => element === document.activeElement)).toBe(true)
  const modal = page
    .locator('div')
    .filter({ has: dialog })
    .filter({ has: page.getByRole('button', { name: 'Cancel' }) })
    .last()
  await dateField.fill('2025-03-11T09:15')
  await pages.screenshot(page, '3a-deliver-dialog')
  await modal.getByRole('button', { name: 'Mark as delivered' }).click()
  await heading.waitFor({ state: 'detached' })

  await headerRow(card).getByText('Delivered on Mar 11, 2025, 09:15 AM GMT-3', { exact: true }).waitFor()
  expect(await card.getByRole('button', { name: 'Mark as delivered' }).count()).toBe(0)

  const stored = storedPackage(TRACKED.orderId, TRACKED.invoiceNumber).courierStatus!
  expect(stored.finished).toBe(true)
  expect(stored.deliveredDate).toMatch(/^2025-03-11T12:15:00/)

  await pages.screenshot(page, '3b-delivered')
}, 30_000)

test('4. an invoice without tracking number gets one, then takes an event', async () => {
  const page = await pages.newPage({ orderId: UNTRACKED.orderId })
  const card = invoiceCard(page, UNTRACKED.invoiceNumber)
  await headerRow(card).getByText('No tracking number', { exact: true }).waitFor()

  const trackingForm = card.getByRole('form', { name: 'Set the tracking number' })
  await trackingForm.getByLabel('Tracking number').fill('JAD-77700011')
  await trackingForm.getByLabel('Tracking URL').fill('https://tracking.jadlog.example/JAD-77700011')
  await trackingForm.getByLabel('Courier').fill('Jadlog')
  await pages.screenshot(page, '4a-set-tracking-number')
  await trackingForm.getByRole('button', { name: 'Save tracking number' }).click()

  const link = card.getByRole('link', { name: 'JAD-77700011' })
  await link.waitFor()
  expect(await link.getAttribute('href')).toBe('https://tracking.jadlog.example/JAD-77700011')
  expect(await detail(card, 'Courier').innerText()).toBe('Jadlog')
  await headerRow(card).getByText('In transit', { exact: true }).waitFor()
  const patch = writesToOms().filter(e => e.method === 'PATCH')
  expect(patch).toHaveLength(1)
  expect(storedPackage(UNTRACKED.orderId, UNTRACKED.invoiceNumber)).toMatchObject({
    trackingNumber: 'JAD-77700011',
    trackingUrl: 'https://tracking.jadlog.example/JAD-77700011',
    courier: 'Jadlog',
  })

  // The card now offers the event form in place of the tracking number form.
  const form = card.getByRole('form', { name: 'Add a tracking event' })
  await form.getByRole('combobox', { name: 'Status' }).selectOption('pickedUp')
  await form.getByLabel('City').fill('Osasco')
  await form.getByLabel('State').fill('SP')
  await form.getByLabel('Date and time').fill('2025-03-09T08:05')
  await form.getByRole('button', { name: 'Add event' }).click()

  const events = timeline(card, UNTRACKED.invoiceNumber).getByRole('listitem')
  await events.getByText('A transportadora coletou o pacote.', { exact: true }).waitFor()
  expect(await events.count()).toBe(1)
  expect(storedPackage(UNTRACKED.orderId, UNTRACKED.invoiceNumber).courierStatus!.data).toEqual([
    expect.objectContaining({ city: 'Osasco', state: 'SP', description: 'A transportadora coletou o pacote.' }),
  ])

  await pages.screenshot(page, '4b-tracking-number-and-event')
}, 30_000)

test('5. a user without "Notify invoice" sees why the order cannot be shown', async () => {
  const page = await pages.newPage({ orderId: TRACKED.orderId, as: 'viewer' })
  // Both the order and the work queue below it say so.
  const refusals = page.getByText('You do not have permission to track orders')
  await refusals.first().waitFor()
  await refusals.nth(1).waitFor()
  const reason = page.getByRole('alert').first()
  expect(await reason.innerText()).toContain('"Notify invoice"')
  expect(await invoiceCard(page, TRACKED.invoiceNumber).count()).toBe(0)
  expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0)

  // Refused at License Manager, before any order was read or written.
  const journal = pages.stack.sandbox.journal()
  expect(journal.some(e => e.path.includes('/license-manager/') && e.path.includes('/logins/viewer@localstore.example/'))).toBe(true)
  expect(journal.filter(e => e.path.includes('/api/oms/'))).toEqual([])

  await pages.screenshot(page, '5-viewer-forbidden')
}, 30_000)

test('6. the page speaks Portuguese with ?locale=pt-BR and Spanish with ?locale=es-AR', async () => {
  const pt = await pages.newPage({ locale: 'pt-BR', orderId: TRACKED.orderId })
  expect(await pt.evaluate(() => document.documentElement.lang)).toBe('pt-BR')
  await pt.getByRole('search').getByLabel('ID do pedido').waitFor()
  await pt.getByRole('search').getByRole('button', { name: 'Buscar' }).waitFor()
  const ptCard = pt.getByRole('region', { name: `Nota fiscal ${TRACKED.invoiceNumber}` })
  await ptCard.getByRole('form', { name: 'Adicionar evento de rastreamento' }).waitFor()
  await headerRow(ptCard).getByText('Em trânsito', { exact: true }).waitFor()
  await pages.screenshot(pt, '6a-pt-BR')

  const es = await pages.newPage({ locale: 'es-AR' })
  expect(await es.evaluate(() => document.documentElement.lang)).toBe('es-AR')
  await es.getByRole('search').getByLabel('ID del pedido').waitFor()
  await es.getByRole('search').getByRole('button', { name: 'Buscar' }).waitFor()
  await pages.screenshot(es, '6b-es-AR')

  // Reading in another language changes nothing in OMS.
  expect(writesToOms()).toEqual([])
}, 30_000)

test('7. an event description holding markup is shown as text and runs nothing', async () => {
  const markup = '<img src=x onerror="window.__xss=1">Em trânsito<script>window.__xss=2</script>'
  const posted = await pages.stack.graphql({
    query: UPDATE_TRACKING_STATUS,
    variables: {
      ...TRACKED,
      input: { isDelivered: false, events: [{ city: 'São Paulo', state: 'SP', description: markup, date: '2025-03-08T10:00:00-03:00' }] },
    },
    ...ADMIN,
  })
  expect(posted.body.errors).toBeUndefined()
  expect(storedPackage(TRACKED.orderId, TRACKED.invoiceNumber).courierStatus!.data[0].description).toBe(markup)
  // The API hands it back unchanged: escaping is the page's job.
  const read = await pages.stack.graphql({ query: ORDER_TRACKING, variables: { orderId: TRACKED.orderId }, ...ADMIN })
  expect(read.body.data.orderTracking.invoices[0].events[0].description).toBe(markup)

  const page = await pages.newPage({ orderId: TRACKED.orderId })
  const list = timeline(invoiceCard(page, TRACKED.invoiceNumber), TRACKED.invoiceNumber)
  await list.getByText(markup, { exact: true }).waitFor()
  expect(await list.locator('img, script').count()).toBe(0)
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined()

  await pages.screenshot(page, '7-markup-as-text')
}, 30_000)

test('8. the local shell links every order the sandbox seeds, and a link opens its order', async () => {
  const page = await pages.newPage()
  const links = page.locator('a[href^="/admin/app/order-tracking/"]')
  const orderIds = DEMO_ORDERS.map(demo => demo.spec.orderId)
  expect(await links.allTextContents()).toEqual(orderIds)
  await links.last().click()
  await page.getByRole('heading', { name: `Order ${orderIds[orderIds.length - 1]}` }).waitFor()
})
