// Other writers (a carrier hub) post tracking events without any order event: the scheduled
// reconciliation re-reads undelivered invoices from OMS and brings the index up to date.
// ORDER_TRACKING_RECONCILE_MS is shortened here; the default is 15 minutes.
process.env.ORDER_TRACKING_RECONCILE_MS = '300'

import { stopReconciling } from '../../node/trackingIndex/reconcile'
import { useServiceStack } from '../support/serviceStack'

const stack = useServiceStack()
// Nothing scheduled outlives this file, and the next one in this jest worker runs with the
// default schedule.
afterAll(() => {
  stopReconciling()
  delete process.env.ORDER_TRACKING_RECONCILE_MS
})
const admin = { userToken: 'local-admin' }
const ORDER = { orderId: '1172452999300-01', invoiceNumber: '99300' }

const nodeOf = async () => {
  const answer = await stack.graphql({
    query: `query($filter: TrackingWorkQueueFilter) { trackingWorkQueue(filter: $filter) { nodes { status problems lastEventAt } } }`,
    variables: { filter: { orderId: ORDER.orderId } },
    ...admin,
  })
  expect(answer.body.errors).toBeUndefined()
  return answer.body.data.trackingWorkQueue.nodes[0]
}

test('an event posted straight to OMS reaches the queue through the reconciliation', async () => {
  stack.sandbox.addOrders([
    {
      ...ORDER,
      invoicedAt: new Date(Date.now() - 3_600_000).toISOString(),
      shippingEstimateDate: new Date(Date.now() + 5 * 86_400_000).toISOString(),
      invoices: [{ invoiceNumber: ORDER.invoiceNumber, trackingNumber: 'HUB000300', courier: 'Jadlog' }],
    },
  ])
  await stack.sandbox.eventsSettled()
  expect(await nodeOf()).toMatchObject({ status: null, problems: [] })

  const response = await fetch(`${stack.sandbox.url}/api/oms/pvt/orders/${ORDER.orderId}/invoice/${ORDER.invoiceNumber}/tracking`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', VtexIdclientAutCookie: 'local-app-token' },
    body: JSON.stringify({
      isDelivered: false,
      deliveredDate: null,
      events: [{ city: 'Recife', state: 'PE', description: 'The carrier tried to deliver the package but could not.', date: new Date().toISOString() }],
    }),
  })
  expect(response.status).toBe(200)

  const deadline = Date.now() + 10_000
  let node = await nodeOf()
  while (node.status !== 'DELIVERY_ATTEMPTED' && Date.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 200))
    node = await nodeOf()
  }
  expect(node).toMatchObject({ status: 'DELIVERY_ATTEMPTED', problems: ['EXCEPTION'] })
  // Re-read from OMS, not told: OMS's journal has the reconciliation's GET of the order.
  const reads = stack.sandbox.journal().filter(e => e.method === 'GET' && e.path === `/api/oms/pvt/orders/${ORDER.orderId}`)
  expect(reads.length).toBeGreaterThanOrEqual(2)
}, 30_000)

test('setInvoiceTrackings sets and corrects numbers, each item answered on its own', async () => {
  const answer = await stack.graphql({
    query: `mutation($updates: [InvoiceTrackingUpdateInput!]!) { setInvoiceTrackings(updates: $updates) { succeeded failed results { index ok error { code field } } } }`,
    variables: {
      updates: [
        { orderId: 'v501245lspt-01', invoiceNumber: '24382', input: { trackingNumber: 'BR000000001BR' } },
        { orderId: '1172452900788-01', invoiceNumber: '000030711', input: { trackingNumber: 'BR000000002BR' } },
        { orderId: '1172452900788-01', invoiceNumber: 'NOPE', input: { trackingNumber: 'BR000000003BR' } },
        { orderId: '1172452900788-01', invoiceNumber: '000030711', input: { trackingNumber: 'bad number!' } },
      ],
    },
    ...admin,
  })
  expect(answer.body.errors).toBeUndefined()
  const payload = answer.body.data.setInvoiceTrackings
  expect(payload).toMatchObject({ succeeded: 2, failed: 2 })
  expect(payload.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, false, false])
  expect(payload.results[2].error).toEqual({ code: 'NOT_FOUND', field: 'updates[2].invoiceNumber' })
  expect(payload.results[3].error).toEqual({ code: 'BAD_USER_INPUT', field: 'updates[3].input.trackingNumber' })
  expect(stack.sandbox.getOrder('1172452900788-01')!.packageAttachment.packages[0].trackingNumber).toBe('BR000000002BR')
})
