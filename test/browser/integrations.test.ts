// Issue "Carrier updates without a person", in a real browser through the whole stack: signed
// webhooks sent to the Service's public routes show on the Integrations page, reached from the
// landing page's header; an unknown tracking number is listed as unmatched and replayed once
// the number is set on its invoice.
import { usePageStack } from './support/pageStack'
import { SET_INVOICE_TRACKING, UNTRACKED } from '../support/operations'
import { afterShipBody, sendAfterShip } from '../support/webhooks'

const pages = usePageStack()

const ORDER = '1172452900788-01'
const MATCHED = 'BR123456789BR'
const UNKNOWN = 'ZZ000000000BR'

test('the Integrations page shows the routes, the secret, the deliveries and an unmatched number', async () => {
  const { sandbox, baseUrl } = pages.stack
  // The tracking index learns the demo order from OMS's invoiced event, as on a real account.
  sandbox.emitOrderEvent(ORDER, 'invoiced')
  await sandbox.eventsSettled()
  const checkpoint = { checkpoint_time: '2026-11-28T08:30:00-03:00', city: 'Cajamar', state: 'SP', location: 'CTE', message: 'Objeto em trânsito', tag: 'InTransit' }
  expect((await sendAfterShip(baseUrl, afterShipBody(MATCHED, [checkpoint]))).status).toBe(200)
  expect((await sendAfterShip(baseUrl, afterShipBody(UNKNOWN, [checkpoint]))).status).toBe(202)

  const page = await pages.newPage()
  await page.getByRole('button', { name: 'Integrations' }).click()
  await page.getByText('Webhook addresses').waitFor()
  expect(new URL(page.url()).pathname).toBe('/admin/app/order-tracking/integrations')
  await page.getByText('/_v/order-tracking/webhooks/aftership').first().waitFor()
  expect(await page.getByText('Secret set').count()).toBeGreaterThan(0)

  const unmatched = page.getByTestId('unmatched')
  await unmatched.getByText(UNKNOWN).first().waitFor()
  expect(await unmatched.getByText(MATCHED).count()).toBe(0)
  const matchedRow = page.getByTestId('deliveries').getByRole('row').filter({ hasText: MATCHED }).first()
  await matchedRow.getByText(`${ORDER} / 000030711`).waitFor()
  await matchedRow.getByText('Events added').waitFor()
  await pages.screenshot(page, 'integrations')

  // The number belonged to an invoice without one: set it there, then replay what was kept.
  const set = await pages.stack.graphql({ query: SET_INVOICE_TRACKING, variables: { ...UNTRACKED, input: { trackingNumber: UNKNOWN } }, userToken: 'local-admin' })
  expect(set.body.errors).toBeUndefined()
  await unmatched.getByRole('button', { name: 'Replay' }).click()
  await page.getByText('Every webhook matched an invoice.').waitFor()
  const invoice = sandbox.getOrder(UNTRACKED.orderId)!.packageAttachment.packages.find(p => p.invoiceNumber === UNTRACKED.invoiceNumber)!
  expect((invoice.courierStatus?.data ?? []).map(e => e.description)).toEqual(['Objeto em trânsito'])
  await page.getByTestId('deliveries').getByRole('row').filter({ hasText: UNKNOWN }).getByText('Replayed').first().waitFor()
})
