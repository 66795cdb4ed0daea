// Group commit in one Service process, through the whole stack: MERGE updates to an invoice
// that arrive while a write to it is in flight join the next read-merge-write-verify, and the
// invoices of one order share its GETs. OMS requests are counted in the sandbox journal.
import { useServiceStack } from '../support/serviceStack'
import { UPDATE_TRACKING_STATUS, UPDATE_TRACKING_STATUSES, event } from '../support/operations'

const stack = useServiceStack()
const admin = { userToken: 'local-admin' }
const ORDER = '5000000000002-01'

const omsRequests = (orderId: string) =>
  stack.sandbox
    .journal()
    .filter(entry => entry.path.includes(`/api/oms/pvt/orders/${orderId}`))
    .map(entry => `${entry.method} ${entry.path.endsWith('/tracking') ? entry.path.split('/').at(-2) : 'order'}`)
const stored = (invoiceNumber: string) =>
  (stack.sandbox.getOrder(ORDER)!.packageAttachment.packages.find(p => p.invoiceNumber === invoiceNumber)!.courierStatus?.data ?? []).map(
    entry => entry.description
  )

beforeEach(() => {
  stack.sandbox.addOrders([
    {
      orderId: ORDER,
      invoices: ['GC-1', 'GC-2'].map(invoiceNumber => ({ invoiceNumber, trackingNumber: `TN${invoiceNumber}`, courier: 'Carrier' })),
    },
  ])
})

test('given 40 concurrent MERGE calls to one invoice, then every event is kept once, in a few rounds of one PUT each', async () => {
  // Each OMS request takes 30-40 ms, so calls pile up while a round is in flight.
  stack.sandbox.setFaults({ latencyMs: { min: 30, max: 40 } })
  const answers = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      stack.graphql({
        query: UPDATE_TRACKING_STATUS,
        variables: { orderId: ORDER, invoiceNumber: 'GC-1', mode: 'MERGE', input: { isDelivered: false, events: [event(`call ${i}`, `2026-11-20T10:${String(i).padStart(2, '0')}:00Z`)] } },
        ...admin,
      })
    )
  )
  expect(answers.map(answer => answer.body.errors)).toEqual(answers.map(() => undefined))
  // Each caller sees its own event in the invoice it gets back.
  answers.forEach((answer, i) =>
    expect(answer.body.data.updateTrackingStatus.invoice.events.map((e: { description: string }) => e.description)).toContain(`call ${i}`)
  )
  expect([...stored('GC-1')].sort()).toEqual(Array.from({ length: 40 }, (_, i) => `call ${i}`).sort())
  const requests = omsRequests(ORDER)
  const puts = requests.filter(r => r.startsWith('PUT')).length
  expect(puts).toBeLessThanOrEqual(5)
  // Each round reads before its PUT and verifies after; the other GETs are the tracking
  // index's reads after each call (resolvers/trackingIndex.ts).
  expect(requests.filter(r => r.startsWith('GET')).length).toBeGreaterThanOrEqual(2 * puts)
}, 30_000)

test('given a batch with updates to two invoices of one order, then one PUT per invoice, after one GET of the order', async () => {
  const updates = [
    { invoiceNumber: 'GC-1', description: 'first' },
    { invoiceNumber: 'GC-2', description: 'other invoice' },
    { invoiceNumber: 'GC-1', description: 'second' },
    { invoiceNumber: 'GC-1', description: 'third' },
  ].map(({ invoiceNumber, description }, i) => ({
    orderId: ORDER,
    invoiceNumber,
    input: { isDelivered: false, events: [event(description, `2026-11-21T0${i}:00:00Z`)] },
  }))
  const answer = await stack.graphql({ query: UPDATE_TRACKING_STATUSES, variables: { updates, mode: 'MERGE' }, ...admin })
  const results = answer.body.data.updateTrackingStatuses.results
  expect(results.map((r: { ok: boolean; eventCount: number }) => [r.ok, r.eventCount])).toEqual([
    [true, 3],
    [true, 1],
    [true, 3],
    [true, 3],
  ])
  // One PUT per invoice; the order is read before and after them (and by the tracking index).
  const requests = omsRequests(ORDER)
  expect(requests.filter(r => r.startsWith('PUT')).sort()).toEqual(['PUT GC-1', 'PUT GC-2'])
  expect(requests[0]).toBe('GET order')
  expect(stored('GC-1')).toEqual(['first', 'second', 'third'])
  expect(stored('GC-2')).toEqual(['other invoice'])
}, 30_000)

test('given concurrent calls to one order where one names an unknown invoice, then each caller gets its own answer', async () => {
  stack.sandbox.setFaults({ latencyMs: 20 })
  const call = (invoiceNumber: string, description: string) =>
    stack.graphql({
      query: UPDATE_TRACKING_STATUS,
      variables: { orderId: ORDER, invoiceNumber, mode: 'MERGE', input: { isDelivered: false, events: [event(description, '2026-11-22')] } },
      ...admin,
    })
  const [first, unknown, second] = await Promise.all([call('GC-1', 'kept'), call('GC-404', 'refused'), call('GC-2', 'kept too')])
  expect(first.body.errors).toBeUndefined()
  expect(second.body.errors).toBeUndefined()
  expect(unknown.body.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'invoiceNumber' })
  expect(stored('GC-1')).toEqual(['kept'])
  expect(stored('GC-2')).toEqual(['kept too'])
}, 30_000)
