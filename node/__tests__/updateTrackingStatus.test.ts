import { LIMITS, TrackingEvent, trackingEventKey } from '../domain'
import { TrackingError } from '../errors/trackingError'
import { MAX_MERGE_REWRITES } from '../tracking/invoiceWrites'
import { updateTrackingStatus } from '../tracking/updateTrackingStatus'
import { FakeOms, StoredEvent, upstreamError } from './fakeOms'
import { forgetRecentWrites } from '../tracking/recentWrites'

// Each test's fake OMS starts afresh: so does this process's memory of its last writes.
beforeEach(() => forgetRecentWrites())

const NOW = Date.parse('2024-05-10T12:00:00Z')
const ORDER = 'v501245lspt-01'
const INVOICE = 'NF-9'

const ev = (date: string, description: string, city = 'Curitiba', state = 'PR'): TrackingEvent => ({
  city,
  state,
  description,
  date,
})

const LABEL = ev('2024-05-01T09:00:00-03:00', 'Label created')
const PICKED = ev('2024-05-02T10:00:00-03:00', 'Picked up')
const HUB = ev('2024-05-03T08:30:00-03:00', 'Arrived at the hub')

function fake() {
  return new FakeOms()
    .addInvoice(ORDER, { invoiceNumber: INVOICE })
    .addInvoice(ORDER, { invoiceNumber: 'NO-NUMBER', trackingNumber: null })
}

const update = (oms: FakeOms, input: unknown, mode: 'MERGE' | 'REPLACE' = 'MERGE', invoiceNumber: unknown = INVOICE) =>
  updateTrackingStatus(oms, { orderId: ORDER, invoiceNumber, input, mode }, { now: NOW })

async function failure(promise: Promise<unknown>): Promise<TrackingError> {
  const outcome = await promise.then(
    value => ({ ok: true as const, value }),
    error => ({ ok: false as const, error })
  )
  if (outcome.ok) throw new Error(`expected a failure, got ${JSON.stringify(outcome.value)}`)
  expect(outcome.error).toBeInstanceOf(TrackingError)
  return outcome.error as TrackingError
}

const keys = (events: readonly StoredEvent[]) => events.map(trackingEventKey)

describe('given an invoice with stored events', () => {
  describe('when a MERGE adds a new event', () => {
    test('then the stored events are kept, the new one added once, and the PUT carries the full list', async () => {
      const oms = fake()
      oms.store(ORDER, INVOICE, [LABEL, PICKED])
      const result = await update(oms, { isDelivered: false, events: [HUB] })

      const [put] = oms.puts()
      expect(oms.puts()).toHaveLength(1)
      expect(keys(put.body.events)).toEqual(keys([LABEL, PICKED, HUB]))
      expect(put.body).toMatchObject({ isDelivered: false, deliveredDate: null })
      expect(keys(oms.events(ORDER, INVOICE))).toEqual(keys([LABEL, PICKED, HUB]))
      expect(result.receipt).toBe('receipt-1')
      expect(result.invoice.events.map(e => e.description)).toEqual(['Label created', 'Picked up', 'Arrived at the hub'])
      // The API shows dates in UTC.
      expect(result.invoice.events[2].date).toBe('2024-05-03T11:30:00.000Z')
    })

    test('then sending the same MERGE twice leaves the list unchanged', async () => {
      const oms = fake()
      oms.store(ORDER, INVOICE, [LABEL])
      await update(oms, { isDelivered: false, events: [PICKED, HUB] })
      const afterFirst = oms.events(ORDER, INVOICE)
      const second = await update(oms, { isDelivered: false, events: [PICKED, HUB] })
      expect(oms.events(ORDER, INVOICE)).toEqual(afterFirst)
      expect(afterFirst).toHaveLength(3)
      expect(second.invoice.events).toHaveLength(3)
    })

    test('then an event OMS echoes in UTC is recognised as the one sent (no duplicate)', async () => {
      const oms = fake()
      await update(oms, { isDelivered: false, events: [LABEL] })
      // OMS now holds 2024-05-01T12:00:00.0000000+00:00 for LABEL's 09:00-03:00.
      expect(oms.events(ORDER, INVOICE)[0].date).toBe('2024-05-01T12:00:00.0000000+00:00')
      await update(oms, { isDelivered: false, events: [{ ...LABEL, description: '  Label created ' }] })
      expect(oms.events(ORDER, INVOICE)).toHaveLength(1)
    })

    test('then duplicates within the request are sent once', async () => {
      const oms = fake()
      await update(oms, { isDelivered: false, events: [HUB, HUB, { ...HUB, city: ' Curitiba ' }] })
      expect(oms.puts()[0].body.events).toHaveLength(1)
    })

    test(`then a merge beyond ${LIMITS.eventsPerInvoice} events is refused before any PUT`, async () => {
      const oms = fake()
      const many = Array.from({ length: LIMITS.eventsPerInvoice }, (_, i) =>
        ev(new Date(Date.UTC(2024, 3, 1) + i * 60_000).toISOString(), `step ${i}`)
      )
      oms.store(ORDER, INVOICE, many)
      const error = await failure(update(oms, { isDelivered: false, events: [HUB] }))
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.events' })
      expect(error.extensions.fieldErrors?.[0].reason).toBe('TOO_MANY')
      expect(oms.puts()).toHaveLength(0)
    })

    test('then a merge reaching exactly the limit is written', async () => {
      const oms = fake()
      const many = Array.from({ length: LIMITS.eventsPerInvoice - 1 }, (_, i) =>
        ev(new Date(Date.UTC(2024, 3, 1) + i * 60_000).toISOString(), `step ${i}`)
      )
      oms.store(ORDER, INVOICE, many)
      await update(oms, { isDelivered: false, events: [HUB] })
      expect(oms.events(ORDER, INVOICE)).toHaveLength(LIMITS.eventsPerInvoice)
    })
  })

  describe('when the invoice is already delivered', () => {
    test('then a MERGE with isDelivered false keeps it delivered, with its delivered date', async () => {
      const oms = fake()
      oms.store(ORDER, INVOICE, [LABEL], { deliveredDate: '2024-05-04T18:45:00-03:00' })
      const result = await update(oms, { isDelivered: false, events: [HUB] })
      expect(oms.puts()[0].body).toMatchObject({ isDelivered: true, deliveredDate: '2024-05-04 21:45' })
      expect(oms.courierStatus(ORDER, INVOICE)?.finished).toBe(true)
      expect(result.invoice).toMatchObject({ isDelivered: true, deliveredDate: '2024-05-04T21:45:00.000Z' })
    })

    test('then a REPLACE sends exactly what was asked, delivery included', async () => {
      const oms = fake()
      oms.store(ORDER, INVOICE, [LABEL], { deliveredDate: '2024-05-04T18:45:00-03:00' })
      await update(oms, { isDelivered: false, events: [PICKED] }, 'REPLACE')
      expect(oms.puts()[0].body).toEqual({ isDelivered: false, deliveredDate: null, events: [PICKED] })
    })
  })

  describe('when it is marked delivered', () => {
    test("then deliveredDate goes to OMS in its yyyy-mm-dd hh:mm UTC form", async () => {
      const oms = fake()
      const result = await update(oms, { isDelivered: true, deliveredDate: '2024-05-01T21:15:00-03:00', events: [] })
      expect(oms.puts()[0].body).toEqual({ isDelivered: true, deliveredDate: '2024-05-02 00:15', events: [] })
      expect(result.invoice.isDelivered).toBe(true)
    })
  })

  describe('when a REPLACE is sent', () => {
    test('then it is one PUT carrying exactly the given list (trimmed, in the given order), nothing read', async () => {
      const oms = fake()
      oms.store(ORDER, INVOICE, [LABEL, PICKED])
      const padded = { ...HUB, description: '  Arrived at the hub \n' }
      const result = await update(oms, { isDelivered: false, events: [padded, LABEL] }, 'REPLACE')
      expect(oms.calls.map(call => call.method)).toEqual(['putTracking'])
      expect(oms.puts()[0].body).toEqual({ isDelivered: false, deliveredDate: null, events: [HUB, LABEL] })
      expect(keys(oms.events(ORDER, INVOICE))).toEqual(keys([HUB, LABEL]))
      // The answer is what was sent (oldest first, in UTC); what the PUT does not carry is null.
      expect(result.invoice).toMatchObject({ invoiceNumber: INVOICE, type: null, courier: null, trackingNumber: null, canReceiveEvents: true, isDelivered: false })
      expect(result.invoice.events.map(e => e.description)).toEqual(['Label created', 'Arrived at the hub'])
      expect(result.invoice.events[0].date).toBe('2024-05-01T12:00:00.000Z')
    })

    test('then an empty list clears the events', async () => {
      const oms = fake()
      oms.store(ORDER, INVOICE, [LABEL, PICKED])
      await update(oms, { isDelivered: false, events: [] }, 'REPLACE')
      expect(oms.events(ORDER, INVOICE)).toEqual([])
    })
  })
})

describe('given an update OMS would refuse', () => {
  test('when the invoice has no tracking number (MERGE), then TRACKING_NUMBER_MISSING from the read and no PUT', async () => {
    const oms = fake()
    const error = await failure(update(oms, { isDelivered: false, events: [LABEL] }, 'MERGE', 'NO-NUMBER'))
    expect(error.extensions).toMatchObject({ code: 'TRACKING_NUMBER_MISSING', field: 'invoiceNumber' })
    expect(oms.puts()).toHaveLength(0)
  })

  test('when the invoice has no tracking number (REPLACE), then OMS refuses its one PUT and that is TRACKING_NUMBER_MISSING', async () => {
    const oms = fake()
    const error = await failure(update(oms, { isDelivered: false, events: [LABEL] }, 'REPLACE', 'NO-NUMBER'))
    expect(error.extensions).toMatchObject({ code: 'TRACKING_NUMBER_MISSING', field: 'invoiceNumber' })
    expect(oms.calls.map(call => call.method)).toEqual(['putTracking'])
    expect(oms.events(ORDER, 'NO-NUMBER')).toEqual([])
  })

  test('when the tracking number is only whitespace, then it counts as missing', async () => {
    const oms = fake().addInvoice(ORDER, { invoiceNumber: 'BLANK', trackingNumber: '   ' })
    const error = await failure(update(oms, { isDelivered: false, events: [LABEL] }, 'MERGE', 'BLANK'))
    expect(error.extensions.code).toBe('TRACKING_NUMBER_MISSING')
    expect(oms.puts()).toHaveLength(0)
  })

  test.each(['MERGE', 'REPLACE'] as const)('when the invoice is unknown (%s), then NOT_FOUND on invoiceNumber', async mode => {
    const oms = fake()
    const error = await failure(update(oms, { isDelivered: false, events: [LABEL] }, mode, 'NF-404'))
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'invoiceNumber' })
    expect(oms.events(ORDER, INVOICE)).toEqual([])
  })

  test.each(['MERGE', 'REPLACE'] as const)('when the order is unknown (%s), then NOT_FOUND on orderId', async mode => {
    const oms = fake()
    const error = await failure(
      updateTrackingStatus(oms, { orderId: '999-01', invoiceNumber: INVOICE, input: { isDelivered: false, events: [LABEL] }, mode }, { now: NOW })
    )
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'orderId' })
  })

  test('when OMS keeps failing the PUT, then UPSTREAM_UNAVAILABLE without upstream details', async () => {
    const oms = fake()
    oms.putFailures = [Object.assign(upstreamError(503), { config: { headers: { VtexIdclientAutCookie: 'secret-token' } } })]
    const error = await failure(update(oms, { isDelivered: false, events: [LABEL] }))
    expect(error.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE' })
    expect(JSON.stringify(error)).not.toContain('secret-token')
  })
})

describe('given input that does not validate', () => {
  test.each([
    ['an unsafe order id', { orderId: '../x', invoiceNumber: INVOICE, input: { isDelivered: false, events: [LABEL] } }, 'orderId'],
    ['an unsafe invoice number', { orderId: ORDER, invoiceNumber: 'NF 9', input: { isDelivered: false, events: [LABEL] } }, 'invoiceNumber'],
    ['a date without offset', { orderId: ORDER, invoiceNumber: INVOICE, input: { isDelivered: false, events: [LABEL, { ...HUB, date: '2024-05-03T08:30:00' }] } }, 'input.events[1].date'],
    ['delivered without a date', { orderId: ORDER, invoiceNumber: INVOICE, input: { isDelivered: true, events: [] } }, 'input.deliveredDate'],
    ['no input', { orderId: ORDER, invoiceNumber: INVOICE, input: undefined }, 'input'],
  ])('when it has %s, then BAD_USER_INPUT names the field and OMS sees no call at all', async (_name, request, field) => {
    for (const mode of ['MERGE', 'REPLACE'] as const) {
      const oms = fake()
      const error = await failure(updateTrackingStatus(oms, { ...request, mode }, { now: NOW }))
      expect(error.extensions.code).toBe('BAD_USER_INPUT')
      expect(error.extensions.field).toBe(field)
      expect(error.extensions.fieldErrors?.map(e => e.field)).toContain(field)
      expect(oms.calls).toEqual([])
    }
  })

  test('when several things are wrong, then every field error is reported', async () => {
    const oms = fake()
    const error = await failure(
      updateTrackingStatus(oms, { orderId: 'a/b', invoiceNumber: '', input: { isDelivered: 'yes', events: [{ ...LABEL, city: '' }] }, mode: 'MERGE' }, { now: NOW })
    )
    expect(error.extensions.fieldErrors?.map(e => e.field)).toEqual([
      'orderId',
      'invoiceNumber',
      'input.isDelivered',
      'input.events[0].city',
    ])
    expect(oms.calls).toEqual([])
  })
})

describe('given another writer replacing the list (verify-after-write)', () => {
  const RIVAL = ev('2024-05-02T20:00:00Z', 'Rival carrier scan', 'Joinville', 'SC')

  test('when a rival overwrites our first PUT, then the MERGE rewrites and ends with both events', async () => {
    const oms = fake()
    oms.store(ORDER, INVOICE, [LABEL])
    let rivalWrites = 0
    oms.afterPut = (orderId, invoiceNumber) => {
      if (rivalWrites > 0) return
      rivalWrites++
      // The rival read before our write: it keeps LABEL, adds its own, and drops ours.
      oms.store(orderId, invoiceNumber, [LABEL, RIVAL])
    }
    const result = await update(oms, { isDelivered: false, events: [HUB] })
    expect(rivalWrites).toBe(1)
    expect(oms.puts()).toHaveLength(2)
    expect(keys(oms.puts()[1].body.events)).toEqual(keys([LABEL, RIVAL, HUB]))
    expect(keys(oms.events(ORDER, INVOICE))).toEqual(keys([LABEL, RIVAL, HUB]))
    expect(result.invoice.events.map(e => e.description)).toEqual(['Label created', 'Rival carrier scan', 'Arrived at the hub'])
  })

  test(`when a rival always overwrites, then CONFLICT after ${MAX_MERGE_REWRITES} rewrites`, async () => {
    // From the first rewrite on, the rival puts back the very list our rewrite was built on:
    // by its content, a late read. The round waits for late reads up to the lag bound after its
    // first PUT, then calls them a rival's; a short bound keeps this test short.
    const bound = process.env.ORDER_TRACKING_READ_LAG_MS
    process.env.ORDER_TRACKING_READ_LAG_MS = '40'
    try {
      const oms = fake()
      oms.store(ORDER, INVOICE, [LABEL])
      oms.afterPut = (orderId, invoiceNumber) => oms.store(orderId, invoiceNumber, [LABEL, RIVAL])
      const error = await failure(update(oms, { isDelivered: false, events: [HUB] }))
      expect(error.extensions).toMatchObject({ code: 'CONFLICT', field: 'invoiceNumber' })
      expect(oms.puts()).toHaveLength(MAX_MERGE_REWRITES + 1)
    } finally {
      if (bound === undefined) delete process.env.ORDER_TRACKING_READ_LAG_MS
      else process.env.ORDER_TRACKING_READ_LAG_MS = bound
    }
  })

  test('when a rival adds an event but keeps ours, then no rewrite happens', async () => {
    const oms = fake()
    oms.afterPut = (orderId, invoiceNumber) => {
      if (!oms.events(orderId, invoiceNumber).some(e => e.description === RIVAL.description)) {
        oms.store(orderId, invoiceNumber, [...oms.events(orderId, invoiceNumber), RIVAL])
      }
    }
    await update(oms, { isDelivered: false, events: [HUB] })
    expect(oms.puts()).toHaveLength(1)
    expect(oms.events(ORDER, INVOICE)).toHaveLength(2)
  })
})

describe('given reads that lag our writes (late reads)', () => {
  /** The next `count` order reads after each PUT answer the order as the last fresh read saw it. */
  function lagging(oms: FakeOms, count: number) {
    const fresh = oms.getOrder.bind(oms)
    let before = fresh(ORDER)
    let late = 0
    const reads = { late: 0, fresh: 0 }
    oms.afterPut = () => {
      late = count
    }
    oms.getOrder = async (orderId: string) => {
      if (late > 0) {
        late--
        reads.late++
        return before
      }
      reads.fresh++
      before = fresh(orderId)
      return before
    }
    return reads
  }

  test('when the read-back still shows the list before our PUT, then it is read again, never rewritten, and answers ok', async () => {
    const oms = fake()
    oms.store(ORDER, INVOICE, [LABEL])
    const reads = lagging(oms, 2)
    const result = await update(oms, { isDelivered: false, events: [HUB] })
    expect(oms.puts()).toHaveLength(1)
    expect(reads).toEqual({ late: 2, fresh: 2 })
    expect(result.invoice.events.map(e => e.description)).toEqual(['Label created', 'Arrived at the hub'])
  })

  test('when the next MERGE reads the list from before our last write, then it builds on that write and loses nothing', async () => {
    const oms = fake()
    oms.store(ORDER, INVOICE, [LABEL])
    const stale = await oms.getOrder(ORDER)
    await update(oms, { isDelivered: false, events: [HUB] })
    // The next MERGE's read answers the list as it was before the write of HUB.
    const fresh = oms.getOrder.bind(oms)
    let reads = 0
    oms.getOrder = async (orderId: string) => (++reads === 1 ? JSON.parse(JSON.stringify(stale)) : fresh(orderId))
    await update(oms, { isDelivered: false, events: [PICKED] })
    expect(keys(oms.puts()[1].body.events)).toEqual(keys([LABEL, PICKED, HUB]))
    expect(keys(oms.events(ORDER, INVOICE))).toEqual(keys([LABEL, PICKED, HUB]))
  })
})
