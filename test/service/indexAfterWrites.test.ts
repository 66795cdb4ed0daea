// What the tracking index costs OMS after the app's own writes, through the whole stack: the
// index takes what each write already knows (a MERGE's verified read-back, the list a REPLACE
// sent), so a REPLACE stays one PUT and a batch adds no read of its own, and the index still
// holds the events.
import { entityName } from '../../dev/io-runtime/platform'
import { LOCAL_ACCOUNT } from '../../dev/io-runtime/environment'
import { useServiceStack } from '../support/serviceStack'
import { TRACKED, UPDATE_TRACKING_STATUS, UPDATE_TRACKING_STATUSES, event } from '../support/operations'

const stack = useServiceStack()
const admin = { userToken: 'local-admin' }

/** What OMS received since the journal was last cleared (VTEX ID and License Manager left out). */
const omsRequests = () =>
  stack.sandbox
    .journal()
    .filter(entry => entry.path.includes('/api/oms/'))
    .map(entry => `${entry.method} ${entry.path.replace(/^\/api\/oms\/pvt\/orders\//, '')}`)

const indexDocument = (orderId: string, invoiceNumber: string) =>
  stack.sandbox.masterData.entity(LOCAL_ACCOUNT, entityName('invoices')).get(`${orderId}_${invoiceNumber}`) as
    | { eventCount: number; lastEventAt: string | null; status: string | null; delivered: boolean; deliveredAt: string | null; trackingNumber: string | null; courier: string | null }
    | undefined

/** The order enters the index as on a real account: OMS announces it invoiced. */
async function indexed(orderId: string) {
  stack.sandbox.emitOrderEvent(orderId, 'invoiced')
  await stack.sandbox.eventsSettled()
  stack.sandbox.clearJournal()
}

const tracking = (orderId: string, invoiceNumber: string) => `PUT ${orderId}/invoice/${invoiceNumber}/tracking`

describe('a REPLACE', () => {
  test('is one PUT to OMS, and the index holds the list it sent', async () => {
    await indexed(TRACKED.orderId)
    expect(indexDocument(TRACKED.orderId, TRACKED.invoiceNumber)).toMatchObject({ eventCount: 0, trackingNumber: 'BR123456789BR' })

    const answer = await stack.graphql({
      query: UPDATE_TRACKING_STATUS,
      variables: {
        ...TRACKED,
        mode: 'REPLACE',
        input: {
          isDelivered: true,
          deliveredDate: '2026-11-21T16:00:00-03:00',
          events: [
            { ...event('Coletado pela transportadora', '2026-11-20T09:00:00-03:00'), status: 'PICKED_UP' },
            { ...event('Recebido pelo porteiro', '2026-11-21T16:00:00-03:00', 'Curitiba', 'PR'), status: 'DELIVERED' },
          ],
        },
      },
      ...admin,
    })
    expect(answer.body.errors).toBeUndefined()

    expect(omsRequests()).toEqual([tracking(TRACKED.orderId, TRACKED.invoiceNumber)])
    expect(indexDocument(TRACKED.orderId, TRACKED.invoiceNumber)).toMatchObject({
      eventCount: 2,
      lastEventAt: '2026-11-21T19:00:00.000Z',
      // The caller's status, which OMS cannot hold, and what the PUT did not touch.
      status: 'DELIVERED',
      delivered: true,
      deliveredAt: '2026-11-21T19:00:00.000Z',
      trackingNumber: 'BR123456789BR',
      courier: 'Correios',
    })
  })

  test('that shortens the list leaves the index with the shorter one', async () => {
    await indexed(TRACKED.orderId)
    const replace = (events: unknown[]) =>
      stack.graphql({ query: UPDATE_TRACKING_STATUS, variables: { ...TRACKED, mode: 'REPLACE', input: { isDelivered: false, events } }, ...admin })
    expect((await replace([event('Postado', '2026-11-20T09:00:00-03:00'), event('Em trânsito', '2026-11-21T09:00:00-03:00')])).body.errors).toBeUndefined()
    expect((await replace([event('Postado', '2026-11-20T09:00:00-03:00')])).body.errors).toBeUndefined()

    expect(omsRequests()).toEqual([tracking(TRACKED.orderId, TRACKED.invoiceNumber), tracking(TRACKED.orderId, TRACKED.invoiceNumber)])
    expect(indexDocument(TRACKED.orderId, TRACKED.invoiceNumber)).toMatchObject({ eventCount: 1, lastEventAt: '2026-11-20T12:00:00.000Z' })
  })

  test('of an invoice the index does not hold yet reads the order once, and the index then holds it', async () => {
    stack.sandbox.clearJournal()
    expect(indexDocument(TRACKED.orderId, TRACKED.invoiceNumber)).toBeUndefined()
    const answer = await stack.graphql({
      query: UPDATE_TRACKING_STATUS,
      variables: { ...TRACKED, mode: 'REPLACE', input: { isDelivered: false, events: [event('Postado', '2026-11-20T09:00:00-03:00')] } },
      ...admin,
    })
    expect(answer.body.errors).toBeUndefined()
    expect(omsRequests()).toEqual([tracking(TRACKED.orderId, TRACKED.invoiceNumber), `GET ${TRACKED.orderId}`])
    expect(indexDocument(TRACKED.orderId, TRACKED.invoiceNumber)).toMatchObject({ eventCount: 1 })
  })
})

describe('a batch', () => {
  const SECOND = { orderId: '1172452900811-01', invoiceNumber: '000030900' }

  test('of MERGEs to two orders costs each order its read, write and read back, and the index holds the events', async () => {
    await indexed(TRACKED.orderId)
    await indexed(SECOND.orderId)
    const answer = await stack.graphql({
      query: UPDATE_TRACKING_STATUSES,
      variables: {
        updates: [
          { ...TRACKED, input: { isDelivered: false, events: [event('Postado', '2026-11-20T09:00:00-03:00')] } },
          { ...SECOND, input: { isDelivered: false, events: [event('Saiu para entrega', '2026-11-22T08:00:00-03:00', 'Belo Horizonte', 'MG')] } },
        ],
      },
      ...admin,
    })
    expect(answer.body.errors).toBeUndefined()
    expect(answer.body.data.updateTrackingStatuses.succeeded).toBe(2)

    const byOrder = (orderId: string) => omsRequests().filter(request => request.includes(orderId))
    expect(byOrder(TRACKED.orderId)).toEqual([`GET ${TRACKED.orderId}`, tracking(TRACKED.orderId, TRACKED.invoiceNumber), `GET ${TRACKED.orderId}`])
    expect(byOrder(SECOND.orderId)).toEqual([`GET ${SECOND.orderId}`, tracking(SECOND.orderId, SECOND.invoiceNumber), `GET ${SECOND.orderId}`])
    expect(indexDocument(TRACKED.orderId, TRACKED.invoiceNumber)).toMatchObject({ eventCount: 1, lastEventAt: '2026-11-20T12:00:00.000Z' })
    // The seeded two events and the new one.
    expect(indexDocument(SECOND.orderId, SECOND.invoiceNumber)).toMatchObject({ eventCount: 3, lastEventAt: '2026-11-22T11:00:00.000Z' })
  })

  test('of REPLACEs is one PUT per update, and the index holds each list', async () => {
    await indexed(TRACKED.orderId)
    await indexed(SECOND.orderId)
    const answer = await stack.graphql({
      query: UPDATE_TRACKING_STATUSES,
      variables: {
        mode: 'REPLACE',
        updates: [
          { ...TRACKED, input: { isDelivered: false, events: [event('Postado', '2026-11-20T09:00:00-03:00')] } },
          { ...SECOND, input: { isDelivered: false, events: [] } },
        ],
      },
      ...admin,
    })
    expect(answer.body.errors).toBeUndefined()
    expect(answer.body.data.updateTrackingStatuses.succeeded).toBe(2)
    expect(omsRequests().sort()).toEqual([tracking(SECOND.orderId, SECOND.invoiceNumber), tracking(TRACKED.orderId, TRACKED.invoiceNumber)].sort())
    expect(indexDocument(TRACKED.orderId, TRACKED.invoiceNumber)).toMatchObject({ eventCount: 1 })
    expect(indexDocument(SECOND.orderId, SECOND.invoiceNumber)).toMatchObject({ eventCount: 0, lastEventAt: null })
  })
})
