import { LIMITS, TrackingEvent, trackingEventKey } from '../domain'
import { TrackingError } from '../errors/trackingError'
import { BATCH_CONCURRENCY, updateTrackingStatuses } from '../tracking/updateTrackingStatuses'
import { FakeOms } from './fakeOms'
import { forgetRecentWrites } from '../tracking/recentWrites'

// Each test's fake OMS starts afresh: so does this process's memory of its last writes.
beforeEach(() => forgetRecentWrites())

const NOW = Date.parse('2024-05-10T12:00:00Z')
const ORDER = '1172452900788-01'

const ev = (date: string, description: string): TrackingEvent => ({ city: 'Recife', state: 'PE', description, date })
const item = (invoiceNumber: unknown, events: TrackingEvent[], orderId: unknown = ORDER) => ({
  orderId,
  invoiceNumber,
  input: { isDelivered: false, events },
})

const batch = (oms: FakeOms, updates: unknown, mode: 'MERGE' | 'REPLACE', options: { now: number }) =>
  updateTrackingStatuses(oms, { updates, mode }, options)

function fake(invoices: string[]) {
  const oms = new FakeOms()
  for (const invoiceNumber of invoices) oms.addInvoice(ORDER, { invoiceNumber })
  return oms
}

async function refusal(promise: Promise<unknown>): Promise<TrackingError> {
  const outcome = await promise.then(
    () => null,
    error => error
  )
  expect(outcome).toBeInstanceOf(TrackingError)
  return outcome as TrackingError
}

describe('given a batch of updates', () => {
  describe('when some items succeed and some fail', () => {
    test('then each is answered in input order, with per-item errors under updates[i].', async () => {
      const oms = fake(['A', 'B', 'C']).addInvoice(ORDER, { invoiceNumber: 'NO-NUMBER', trackingNumber: null })
      const payload = await batch(oms, [
          item('A', [ev('2024-05-01', 'one')]),
          item('a/b', [ev('2024-05-01', 'bad invoice')]),
          item('B', [ev('2024-05-01', 'two'), ev('2024-05-02T10:00:00', 'no offset')]),
          item('NF-404', [ev('2024-05-01', 'unknown')]),
          item('NO-NUMBER', [ev('2024-05-01', 'no number')]),
          item('C', [ev('2024-05-01', 'three'), ev('2024-05-02', 'four')]),
          null,
        ],
        'MERGE',
        { now: NOW }
      )

      expect(payload.results.map(r => [r.index, r.invoiceNumber, r.ok])).toEqual([
        [0, 'A', true],
        [1, 'a/b', false],
        [2, 'B', false],
        [3, 'NF-404', false],
        [4, 'NO-NUMBER', false],
        [5, 'C', true],
        [6, '', false],
      ])
      expect(payload).toMatchObject({ succeeded: 2, failed: 5 })
      const [a, badInvoice, badDate, unknown, noNumber, c, missing] = payload.results

      expect(a).toMatchObject({ orderId: ORDER, receipt: expect.any(String), eventCount: 1, error: null })
      expect(c).toMatchObject({ eventCount: 2, error: null })

      expect(badInvoice.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'updates[1].invoiceNumber' })
      expect(badInvoice.error?.fieldErrors.map(e => [e.field, e.reason])).toEqual([
        ['updates[1].invoiceNumber', 'INVALID_CHARACTERS'],
      ])
      expect(badInvoice).toMatchObject({ receipt: null, eventCount: null })

      expect(badDate.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'updates[2].input.events[1].date' })
      expect(badDate.error?.fieldErrors.map(e => e.field)).toEqual(['updates[2].input.events[1].date'])

      expect(unknown.error).toMatchObject({ code: 'NOT_FOUND', field: 'updates[3].invoiceNumber', fieldErrors: [] })
      expect(noNumber.error).toMatchObject({ code: 'TRACKING_NUMBER_MISSING', field: 'updates[4].invoiceNumber' })
      expect(missing.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'updates[6].orderId' })
      for (const r of payload.results) if (r.error) expect(r.error.message.length).toBeGreaterThan(0)

      // Only valid items with a known, numbered invoice reached a PUT.
      expect(oms.puts().map(p => p.invoiceNumber).sort()).toEqual(['A', 'C'])
    })

    test('then an unexpected failure of one order is INTERNAL_SERVER_ERROR without its message, and the others go on', async () => {
      const oms = fake(['A']).addInvoice('OTHER-01', { invoiceNumber: 'B' })
      const original = oms.getOrder.bind(oms)
      oms.getOrder = async orderId => {
        if (orderId === ORDER) throw new TypeError('secret internal detail')
        return original(orderId)
      }
      const payload = await batch(oms, [item('A', [ev('2024-05-01', 'x')]), item('B', [ev('2024-05-01', 'y')], 'OTHER-01')], 'MERGE', { now: NOW })
      expect(payload.results[0].error).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' })
      expect(JSON.stringify(payload)).not.toContain('secret internal detail')
      expect(payload.results[1].ok).toBe(true)
    })
  })

  describe('when several updates target one invoice', () => {
    test('then with MERGE they are one write carrying every event, and each is answered on its own', async () => {
      const oms = fake(['A', 'B'])
      const e1 = ev('2024-05-03', 'third in time, first sent')
      const e2 = ev('2024-05-01', 'first in time, second sent')
      const e3 = ev('2024-05-02', 'second in time, third sent')
      const payload = await batch(
        oms,
        [item('A', [e1]), item('B', [ev('2024-05-01', 'b')]), item('A', [e2]), item('A', [e3])],
        'MERGE',
        { now: NOW }
      )
      expect(payload.failed).toBe(0)
      const putsToA = oms.puts().filter(p => p.invoiceNumber === 'A')
      expect(putsToA.map(p => p.body.events.map(trackingEventKey))).toEqual([[e2, e3, e1].map(trackingEventKey)])
      expect(payload.results.map(r => r.eventCount)).toEqual([3, 1, 3, 3])
      expect(new Set(payload.results.map(r => r.receipt)).size).toBe(2)
      // Invoices of one order share the read and the verify read.
      expect(oms.calls.map(c => c.method)).toEqual(['getOrder', 'putTracking', 'putTracking', 'getOrder'])
    })

    test('then one that would pass the event limit is refused on its own, and the others are written', async () => {
      const oms = fake(['A'])
      const many = Array.from({ length: LIMITS.eventsPerInvoice - 1 }, (_, i) =>
        ev(new Date(Date.UTC(2024, 3, 1) + i * 60_000).toISOString(), `step ${i}`)
      )
      oms.store(ORDER, 'A', many)
      const payload = await batch(
        oms,
        [item('A', [ev('2024-05-01', 'fits')]), item('A', [ev('2024-05-02', 'one too many')])],
        'MERGE',
        { now: NOW }
      )
      expect(payload.results.map(r => r.ok)).toEqual([true, false])
      expect(payload.results[1].error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'updates[1].input.events' })
      expect(oms.events(ORDER, 'A')).toHaveLength(LIMITS.eventsPerInvoice)
      expect(oms.puts()).toHaveLength(1)
    })

    test('then with REPLACE the last one in input order wins', async () => {
      const oms = fake(['A'])
      oms.latency = () => new Promise(resolve => setImmediate(resolve))
      const updates = [1, 2, 3, 4, 5].map(n => item('A', [ev('2024-05-01', `version ${n}`)]))
      await batch(oms, updates, 'REPLACE', { now: NOW })
      expect(oms.puts().map(p => p.body.events[0].description)).toEqual([
        'version 1',
        'version 2',
        'version 3',
        'version 4',
        'version 5',
      ])
      expect(oms.events(ORDER, 'A').map(e => e.description)).toEqual(['version 5'])
    })
  })

  describe('when many orders are updated', () => {
    test(`then no more than ${BATCH_CONCURRENCY} are written at once, and the limit is used`, async () => {
      const orders = Array.from({ length: 3 * BATCH_CONCURRENCY + 3 }, (_, i) => `ORDER-${i}`)
      const oms = new FakeOms()
      for (const orderId of orders) oms.addInvoice(orderId, { invoiceNumber: 'NF-1' })
      // Each call waits a few macrotasks, so concurrent items really overlap.
      oms.latency = async () => {
        for (let i = 0; i < 3; i++) await new Promise(resolve => setImmediate(resolve))
      }
      const payload = await batch(
        oms,
        orders.map(orderId => item('NF-1', [ev('2024-05-01', orderId)], orderId)),
        'MERGE',
        { now: NOW }
      )
      expect(payload.succeeded).toBe(orders.length)
      expect(oms.maxInFlight).toBeLessThanOrEqual(BATCH_CONCURRENCY)
      expect(oms.maxInFlight).toBe(BATCH_CONCURRENCY)
      expect(oms.inFlight).toBe(0)
    })
  })

  describe('when the batch size is out of bounds', () => {
    test(`then more than ${LIMITS.batchSize} updates are refused before any call`, async () => {
      const oms = fake(['A'])
      const updates = Array.from({ length: LIMITS.batchSize + 1 }, () => item('A', [ev('2024-05-01', 'x')]))
      const error = await refusal(batch(oms, updates, 'MERGE', { now: NOW }))
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'updates' })
      expect(error.extensions.fieldErrors?.[0].reason).toBe('TOO_MANY')
      expect(oms.calls).toEqual([])
    })

    test(`then exactly ${LIMITS.batchSize} updates are accepted`, async () => {
      const invoices = Array.from({ length: LIMITS.batchSize }, (_, i) => `INV-${i}`)
      const oms = fake(invoices)
      const payload = await batch(oms, invoices.map(inv => item(inv, [ev('2024-05-01', 'x')])), 'MERGE', { now: NOW })
      expect(payload).toMatchObject({ succeeded: LIMITS.batchSize, failed: 0 })
      expect(payload.results).toHaveLength(LIMITS.batchSize)
    })

    test.each([[[]], [undefined], ['not a list']])('then %j is refused as REQUIRED', async updates => {
      const oms = fake(['A'])
      const error = await refusal(batch(oms, updates, 'MERGE', { now: NOW }))
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'updates' })
      expect(error.extensions.fieldErrors?.[0].reason).toBe('REQUIRED')
      expect(oms.calls).toEqual([])
    })
  })
})
