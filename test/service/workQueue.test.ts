// The tracking index and the work queue through the whole stack: the sandbox's OMS, Master
// Data, app settings and orders-broadcast, and the real @vtex/api runtime.
import { entityName } from '../../dev/io-runtime/platform'
import { LOCAL_ACCOUNT } from '../../dev/io-runtime/environment'
import { useServiceStack } from '../support/serviceStack'
import { SET_INVOICE_TRACKING, UPDATE_TRACKING_STATUS } from '../support/operations'

const stack = useServiceStack()
const admin = { userToken: 'local-admin' }

const QUEUE = `query Queue($filter: TrackingWorkQueueFilter, $first: Int, $after: String) {
  trackingWorkQueue(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { orderId invoiceNumber courier trackingNumber status problems invoicedAt lastEventAt estimatedDeliveryAt }
  }
}`
const COUNTS = `query Counts($filter: TrackingWorkQueueFilter) { trackingWorkQueueCounts(filter: $filter) { problem count } }`
const REBUILD = `mutation Rebuild($from: String!, $to: String!) { rebuildTrackingIndex(invoicedFrom: $from, invoicedTo: $to) { id state } }`
const PROGRESS = `{ trackingIndexRebuild { state ordersListed ordersIndexed ordersFailed invoicesWritten } }`

async function queue(variables: Record<string, unknown>) {
  const answer = await stack.graphql({ query: QUEUE, variables, ...admin })
  expect(answer.body.errors).toBeUndefined()
  return answer.body.data.trackingWorkQueue
}

async function counts(filter?: Record<string, unknown>) {
  const answer = await stack.graphql({ query: COUNTS, variables: { filter }, ...admin })
  expect(answer.body.errors).toBeUndefined()
  return Object.fromEntries(answer.body.data.trackingWorkQueueCounts.map((c: { problem: string; count: number }) => [c.problem, c.count]))
}

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (done(value) || Date.now() > deadline) return value
    await new Promise(resolve => setTimeout(resolve, 100))
  }
}

async function rebuild() {
  const now = Date.now()
  const started = await stack.graphql({
    query: REBUILD,
    variables: { from: new Date(now - 30 * 86_400_000).toISOString(), to: new Date(now).toISOString() },
    ...admin,
  })
  expect(started.body.errors).toBeUndefined()
  const progress = await until(
    async () => (await stack.graphql({ query: PROGRESS, ...admin })).body.data.trackingIndexRebuild,
    p => p?.state !== 'RUNNING'
  )
  expect(progress).toMatchObject({ state: 'DONE', ordersFailed: 0 })
  return progress
}

const newOrder = (orderId: string, invoiceNumber: string, extra: Record<string, unknown> = {}) => ({
  orderId,
  invoicedAt: new Date(Date.now() - 3_600_000).toISOString(),
  shippingEstimateDate: new Date(Date.now() + 5 * 86_400_000).toISOString(),
  invoices: [{ invoiceNumber, ...extra }],
})

describe('the tracking index and the work queue', () => {
  it('rebuilds from List orders and answers every problem with counts and pages', async () => {
    const progress = await rebuild()
    expect(progress.ordersListed).toBe(300)
    expect(progress.invoicesWritten).toBe(300)
    // The progress is in Master Data, where every replica reads it, not only in this process.
    const rebuilds = stack.sandbox.masterData.entity(LOCAL_ACCOUNT, entityName('rebuilds'))
    const stored = await until(async () => rebuilds.get('latest'), doc => doc?.state === 'DONE')
    expect(stored).toMatchObject({ state: 'DONE', ordersListed: 300, ordersIndexed: 300, invoicesWritten: 300 })
    // The seed: 30 orders of each of 10 kinds, two of them without a tracking number.
    expect(await counts()).toEqual({ NO_TRACKING_NUMBER: 60, NO_EVENTS: 30, STALE: 30, LATE: 30, EXCEPTION: 30 })

    const first = await queue({ filter: { problems: ['EXCEPTION'] }, first: 20 })
    expect(first.totalCount).toBe(30)
    expect(first.nodes).toHaveLength(20)
    expect(first.pageInfo.hasNextPage).toBe(true)
    for (const node of first.nodes) {
      expect(node.problems).toContain('EXCEPTION')
      expect(['DELIVERY_ATTEMPTED', 'DELAYED', 'EXCEPTION']).toContain(node.status)
    }
    const second = await queue({ filter: { problems: ['EXCEPTION'] }, first: 20, after: first.pageInfo.endCursor })
    expect(second.nodes).toHaveLength(10)
    expect(second.pageInfo.hasNextPage).toBe(false)
    const seen = new Set([...first.nodes, ...second.nodes].map((n: { orderId: string }) => n.orderId))
    expect(seen.size).toBe(30)
    // Oldest invoice first.
    const dates = [...first.nodes, ...second.nodes].map((n: { invoicedAt: string }) => n.invoicedAt)
    expect([...dates].sort()).toEqual(dates)

    const byCourier = await queue({ filter: { problems: ['STALE', 'LATE'], courier: 'Jadlog' }, first: 100 })
    expect(byCourier.totalCount).toBeGreaterThan(0)
    expect(byCourier.nodes.every((n: { courier: string }) => n.courier === 'Jadlog')).toBe(true)

    // Master Data was asked with the queue's conditions, paged and sorted.
    const searches = stack.sandbox.journal().filter(e => e.path.endsWith('/search'))
    expect(searches.length).toBeGreaterThan(0)
    expect(searches.every(e => typeof e.query._where === 'string' || e.query._where === undefined)).toBe(true)
  }, 60_000)

  it('follows an invoiced order from the orders-broadcast through tracking number and an exception', async () => {
    stack.sandbox.configureDelivery({ duplicateRate: 0, reorderRate: 0 })
    stack.sandbox.addOrders([newOrder('1172452999001-01', '77001')])
    const listed = await until(
      () => queue({ filter: { problems: ['NO_TRACKING_NUMBER'], orderId: '1172452999001-01' } }),
      q => q.totalCount === 1
    )
    expect(listed.nodes[0]).toMatchObject({ orderId: '1172452999001-01', invoiceNumber: '77001', trackingNumber: null })

    const set = await stack.graphql({
      query: SET_INVOICE_TRACKING,
      variables: { orderId: '1172452999001-01', invoiceNumber: '77001', input: { trackingNumber: 'WRONG123', courier: 'Loggi' } },
      ...admin,
    })
    expect(set.body.errors).toBeUndefined()
    expect((await queue({ filter: { problems: ['NO_TRACKING_NUMBER'], orderId: '1172452999001-01' } })).totalCount).toBe(0)

    // A correction replaces the number.
    const corrected = await stack.graphql({
      query: SET_INVOICE_TRACKING,
      variables: { orderId: '1172452999001-01', invoiceNumber: '77001', input: { trackingNumber: 'QA987654321BR' } },
      ...admin,
    })
    expect(corrected.body.data.setInvoiceTracking.invoice.trackingNumber).toBe('QA987654321BR')

    // An event posted with a status of the vocabulary and its own words.
    const write = await stack.graphql({
      query: UPDATE_TRACKING_STATUS,
      variables: {
        orderId: '1172452999001-01',
        invoiceNumber: '77001',
        input: { isDelivered: false, events: [{ city: 'Recife', state: 'PE', description: 'Endereço não localizado', date: new Date().toISOString(), status: 'EXCEPTION' }] },
      },
      ...admin,
    })
    expect(write.body.errors).toBeUndefined()
    const exception = await queue({ filter: { problems: ['EXCEPTION'], orderId: '1172452999001-01' } })
    expect(exception.nodes).toEqual([expect.objectContaining({ status: 'EXCEPTION', trackingNumber: 'QA987654321BR', courier: 'Loggi', problems: ['EXCEPTION'] })])
  }, 60_000)

  it('leaves the index right when events come twice and out of order while OMS changes', async () => {
    const orderId = '1172452999002-01'
    stack.sandbox.configureDelivery({ seed: 7, duplicateRate: 1, reorderRate: 1, maxHoldMs: 250 })
    // Reads that overtake each other: every OMS answer takes 0-200 ms.
    stack.sandbox.setFaults({ seed: 3, latencyMs: { min: 0, max: 200 } })
    stack.sandbox.addOrders([newOrder(orderId, '77002')])
    // Another writer (a carrier hub) sets the number and posts events straight to OMS, and the
    // order is announced again meanwhile.
    const oms = `${stack.sandbox.url}/api/oms/pvt/orders/${orderId}/invoice/77002`
    const headers = { 'content-type': 'application/json', VtexIdclientAutCookie: 'local-app-token' }
    await fetch(oms, { method: 'PATCH', headers, body: JSON.stringify({ trackingNumber: 'HUB1', courier: 'Jadlog' }) })
    stack.sandbox.emitOrderEvent(orderId, 'invoiced')
    await fetch(`${oms}/tracking`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({
        isDelivered: false,
        deliveredDate: null,
        events: [
          { city: 'Recife', state: 'PE', description: 'O pacote está a caminho.', date: new Date(Date.now() - 60_000).toISOString() },
          { city: 'Recife', state: 'PE', description: 'A entrega está atrasada.', date: new Date().toISOString() },
        ],
      }),
    })
    stack.sandbox.emitOrderEvent(orderId, 'invoiced')
    await stack.sandbox.eventsSettled()
    stack.sandbox.setFaults({})

    const deliveries = stack.sandbox.deliveries().filter(d => d.event.orderId === orderId)
    expect(deliveries.length).toBeGreaterThanOrEqual(6) // three announcements, each twice
    expect(deliveries.every(d => d.status === 204)).toBe(true)
    const node = (await queue({ filter: { orderId } })).nodes[0]
    expect(node).toMatchObject({ trackingNumber: 'HUB1', courier: 'Jadlog', status: 'DELAYED', problems: ['EXCEPTION'] })
    expect(Date.parse(node.lastEventAt)).toBeGreaterThan(Date.now() - 30_000)
  }, 60_000)

  it('refuses a bad filter, page size or cursor with the field at fault', async () => {
    const bad = async (variables: Record<string, unknown>) => {
      const answer = await stack.graphql({ query: QUEUE, variables, ...admin })
      return answer.body.errors?.[0]?.extensions
    }
    expect(await bad({ first: 500 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' })
    expect(await bad({ after: 'bm9wZQ==' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' })
    expect(await bad({ filter: { courier: 'a"b' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.courier' })
    expect(await bad({ filter: { invoicedFrom: '2026-13-01' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.invoicedFrom' })
  })
})
