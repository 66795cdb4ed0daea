// `npm run webhook:demo` against the whole stack: what a newcomer sees arrive.
import { sendDemoWebhooks } from '../../dev/webhookDemo'
import { useServiceStack } from '../support/serviceStack'

const stack = useServiceStack()

test('the demo webhooks put events on the seeded invoices and leave one unmatched; sent again, they add nothing', async () => {
  for (const orderId of ['1172452900788-01', '1172452900811-01']) stack.sandbox.emitOrderEvent(orderId, 'invoiced')
  await stack.sandbox.eventsSettled()
  const now = Date.now()
  const first = await sendDemoWebhooks(stack.baseUrl, undefined, now)
  expect(first.map(r => [r.trackingNumber, r.status])).toEqual([
    ['BR123456789BR', 200],
    ['BR987654321BR', 200],
    ['BR000000000XX', 202],
  ])
  const packageOf = (orderId: string, invoice: string) =>
    stack.sandbox.getOrder(orderId)!.packageAttachment.packages.find(p => p.invoiceNumber === invoice)!
  expect(packageOf('1172452900788-01', '000030711').courierStatus!.data).toHaveLength(3)
  const delivered = packageOf('1172452900811-01', '000030900').courierStatus!
  expect(delivered.finished).toBe(true)
  const again = await sendDemoWebhooks(stack.baseUrl, undefined, now)
  expect(again.map(r => JSON.parse(r.body).outcome)).toEqual(['UNCHANGED', 'UNCHANGED', 'UNMATCHED'])
  expect(packageOf('1172452900788-01', '000030711').courierStatus!.data).toHaveLength(3)
})
