// The write path end to end: GraphQL → the real @vtex/api runtime → our OMS client → the
// OMS sandbox, with what OMS received read back from the sandbox's journal.
import { useServiceStack } from '../support/serviceStack'
import {
  ORDER_TRACKING,
  SET_INVOICE_TRACKING,
  TRACKED,
  UNTRACKED,
  UPDATE_TRACKING_STATUS,
  event,
} from '../support/operations'

const stack = useServiceStack()

const admin = { userToken: 'local-admin' }
const update = (variables: Record<string, unknown>) =>
  stack.graphql({ query: UPDATE_TRACKING_STATUS, variables: { ...TRACKED, ...variables }, ...admin })
const trackingPuts = () =>
  stack.sandbox.journal().filter(entry => entry.method === 'PUT' && entry.path.endsWith('/tracking'))
/** What OMS received, in order (VTEX ID and License Manager, asked by @auth, left out). */
const omsRequests = () =>
  stack.sandbox
    .journal()
    .filter(entry => entry.path.includes('/api/oms/'))
    .map(entry => `${entry.method} ${entry.status}`)

describe('given an invoice with a tracking number and no events', () => {
  test('when one event is merged, then OMS gets three requests: read, write, read back (the index takes the read back)', async () => {
    const answer = await update({ input: { isDelivered: false, events: [event('Coletado pela transportadora', '2026-11-20T09:00:00-03:00')] } })
    expect(answer.body.errors).toBeUndefined()
    expect(omsRequests()).toEqual(['GET 200', 'PUT 200', 'GET 200'])
    // …and the tracking index has the write, from that read back.
    const indexed = stack.sandbox.journal().filter(entry => entry.path.includes('/api/dataentities/') && entry.method === 'PATCH')
    expect(indexed.map(entry => (entry.body as { eventCount?: number }).eventCount)).toContain(1)
  })

  test('when two events are merged one at a time, then OMS receives the full list each time and keeps both', async () => {
    const first = await update({ input: { isDelivered: false, events: [event('Coletado pela transportadora', '2026-11-20T09:00:00-03:00')] } })
    expect(first.body.errors).toBeUndefined()
    const second = await update({ input: { isDelivered: false, events: [event('Em trânsito', '2026-11-21T10:30:00-03:00', 'Curitiba', 'PR')] } })
    expect(second.body.errors).toBeUndefined()

    const payload = second.body.data.updateTrackingStatus
    expect(payload.receipt).toMatch(/^[0-9a-f]{32}$/)
    expect(payload.invoice.events.map((e: { description: string }) => e.description)).toEqual([
      'Coletado pela transportadora',
      'Em trânsito',
    ])
    expect(payload.invoice.events[1].date).toBe('2026-11-21T13:30:00.000Z')

    const puts = trackingPuts()
    expect(puts).toHaveLength(2)
    expect((puts[1].body as { events: unknown[] }).events).toHaveLength(2)
    const stored = stack.sandbox.getOrder(TRACKED.orderId)!.packageAttachment.packages[0].courierStatus!
    expect(stored.data).toHaveLength(2)
  })

  test('when the same MERGE is sent twice, then the stored list is unchanged by the second', async () => {
    const input = { isDelivered: false, events: [event('Saiu para entrega', '2026-11-22T08:00:00Z')] }
    await update({ input })
    const again = await update({ input: { ...input, events: [{ ...input.events[0], description: '  Saiu para entrega ' }] } })
    expect(again.body.data.updateTrackingStatus.invoice.events).toHaveLength(1)
    const stored = stack.sandbox.getOrder(TRACKED.orderId)!.packageAttachment.packages[0].courierStatus!
    expect(stored.data).toHaveLength(1)
  })

  test('when REPLACE is used, then OMS receives exactly the given list in one PUT, nothing read before it', async () => {
    await update({ input: { isDelivered: false, events: [event('A', '2026-11-20'), event('B', '2026-11-21')] } })
    stack.sandbox.clearJournal()
    const replaced = await update({
      mode: 'REPLACE',
      input: { isDelivered: false, events: [event('Only this', '2026-11-22')] },
    })
    expect(replaced.body.data.updateTrackingStatus.invoice.events.map((e: { description: string }) => e.description)).toEqual(['Only this'])
    expect(trackingPuts().at(-1)!.body).toEqual({
      isDelivered: false,
      deliveredDate: null,
      // A calendar date is sent as the start of that day in the store's zone (São Paulo).
      events: [event('Only this', '2026-11-22T00:00:00-03:00')],
    })
    // The write is one PUT with nothing read before it; what follows is the tracking index's
    // read of the order (resolvers/trackingIndex.ts), after the write, not part of it.
    const requests = omsRequests()
    expect(requests[0]).toBe('PUT 200')
    expect(requests.filter(r => r.startsWith('PUT'))).toEqual(['PUT 200'])
    expect(requests.slice(1).every(r => r === 'GET 200')).toBe(true)
    // The answer is what was sent; what the PUT does not carry is null.
    expect(replaced.body.data.updateTrackingStatus.invoice).toMatchObject({ invoiceNumber: TRACKED.invoiceNumber, type: null, trackingNumber: null, canReceiveEvents: true })
  })

  test('when it is marked delivered, then OMS gets the documented yyyy-mm-dd hh:mm in UTC and the history stays', async () => {
    await update({ input: { isDelivered: false, events: [event('Em trânsito', '2026-11-20')] } })
    const delivered = await update({ input: { isDelivered: true, deliveredDate: '2026-11-21T18:15:00-03:00', events: [] } })
    const invoice = delivered.body.data.updateTrackingStatus.invoice
    expect(invoice.isDelivered).toBe(true)
    expect(invoice.deliveredDate).toBe('2026-11-21T21:15:00.000Z')
    expect(invoice.events).toHaveLength(1)
    expect((trackingPuts().at(-1)!.body as { deliveredDate: string }).deliveredDate).toBe('2026-11-21 21:15')
  })
})

describe('given an invoice without a tracking number', () => {
  test('when events are posted, then TRACKING_NUMBER_MISSING and nothing is written', async () => {
    const answer = await stack.graphql({
      query: UPDATE_TRACKING_STATUS,
      variables: { ...UNTRACKED, input: { isDelivered: false, events: [event('Em trânsito', '2026-11-20')] } },
      ...admin,
    })
    expect(answer.body.errors[0].extensions.code).toBe('TRACKING_NUMBER_MISSING')
    expect(answer.body.errors[0].message).toMatch(/setInvoiceTracking/)
    expect(trackingPuts()).toHaveLength(0)
  })

  test('when a REPLACE is posted, then OMS itself refuses its one PUT, and that is TRACKING_NUMBER_MISSING on invoiceNumber', async () => {
    const answer = await stack.graphql({
      query: UPDATE_TRACKING_STATUS,
      variables: { ...UNTRACKED, mode: 'REPLACE', input: { isDelivered: false, events: [event('Em trânsito', '2026-11-20')] } },
      ...admin,
    })
    expect(answer.body.errors[0].extensions).toMatchObject({ code: 'TRACKING_NUMBER_MISSING', field: 'invoiceNumber' })
    expect(omsRequests()).toEqual(['PUT 400'])
    expect(stack.sandbox.getOrder(UNTRACKED.orderId)!.packageAttachment.packages[0].courierStatus).toBeNull()
  })

  test('when its tracking number is set, then events can be posted to it', async () => {
    const set = await stack.graphql({
      query: SET_INVOICE_TRACKING,
      variables: {
        ...UNTRACKED,
        input: { trackingNumber: 'BR123456789BR', trackingUrl: 'https://carrier.example/track/BR123456789BR', courier: 'Correios' },
      },
      ...admin,
    })
    expect(set.body.errors).toBeUndefined()
    expect(set.body.data.setInvoiceTracking.invoice).toMatchObject({ trackingNumber: 'BR123456789BR', canReceiveEvents: true, courier: 'Correios' })
    const patch = stack.sandbox.journal().find(entry => entry.method === 'PATCH')
    expect(patch?.body).toEqual({
      trackingNumber: 'BR123456789BR',
      trackingUrl: 'https://carrier.example/track/BR123456789BR',
      courier: 'Correios',
    })

    const posted = await stack.graphql({
      query: UPDATE_TRACKING_STATUS,
      variables: { ...UNTRACKED, input: { isDelivered: false, events: [event('Postado', '2026-11-20')] } },
      ...admin,
    })
    expect(posted.body.data.updateTrackingStatus.invoice.events).toHaveLength(1)
  })
})

describe('reading an order', () => {
  test('lists every invoice with its tracking state, events oldest first', async () => {
    const answer = await stack.graphql({ query: ORDER_TRACKING, variables: { orderId: '00-v5195004lux-01' }, ...admin })
    const [invoice] = answer.body.data.orderTracking.invoices
    expect(invoice.isDelivered).toBe(true)
    expect(invoice.deliveredDate).toMatch(/Z$/)
    const dates = invoice.events.map((e: { date: string }) => Date.parse(e.date))
    expect(dates).toEqual([...dates].sort((a, b) => a - b))
    expect(stack.sandbox.journal().filter(entry => entry.method !== 'GET')).toHaveLength(0)
  })
})

describe('several mutations in one request', () => {
  test('when the second alias fails with NOT_FOUND, then the first still answers with its receipt', async () => {
    const answer = await stack.graphql({
      query: `mutation($input: TrackingStatusInput!) {
        first: updateTrackingStatus(orderId: "${TRACKED.orderId}", invoiceNumber: "${TRACKED.invoiceNumber}", input: $input) { receipt invoice { events { description } } }
        second: updateTrackingStatus(orderId: "${TRACKED.orderId}", invoiceNumber: "999999", input: $input) { receipt }
      }`,
      variables: { input: { isDelivered: false, events: [event('Em trânsito', '2026-11-20T10:00:00-03:00')] } },
      ...admin,
    })
    expect(answer.body.data.first.receipt).toMatch(/^[0-9a-f]{32}$/)
    expect(answer.body.data.first.invoice.events).toEqual([{ description: 'Em trânsito' }])
    expect(answer.body.data.second).toBeNull()
    expect(answer.body.errors).toHaveLength(1)
    expect(answer.body.errors[0]).toMatchObject({ path: ['second'], extensions: { code: 'NOT_FOUND' } })
    expect(trackingPuts()).toHaveLength(1)
  })
})

describe('a REPLACE after a MERGE, with the settle check on', () => {
  test('when the quiet period has passed, then the invoice still holds exactly the REPLACE', async () => {
    const previous = process.env.ORDER_TRACKING_SETTLE_CHECK_MS
    process.env.ORDER_TRACKING_SETTLE_CHECK_MS = '200'
    try {
      const merged = await update({ input: { isDelivered: false, events: [event('X', '2026-11-20T09:00:00-03:00')] } })
      expect(merged.body.errors).toBeUndefined()
      const replaced = await update({ mode: 'REPLACE', input: { isDelivered: false, events: [event('Y', '2026-11-21T09:00:00-03:00')] } })
      expect(replaced.body.data.updateTrackingStatus.invoice.events.map((e: { description: string }) => e.description)).toEqual(['Y'])

      await new Promise(resolve => setTimeout(resolve, 1500)) // past every settle check (200 ms, twice)
      const read = await stack.graphql({ query: ORDER_TRACKING, variables: { orderId: TRACKED.orderId }, ...admin })
      const invoice = read.body.data.orderTracking.invoices.find((i: { invoiceNumber: string }) => i.invoiceNumber === TRACKED.invoiceNumber)
      expect(invoice.events.map((e: { description: string }) => e.description)).toEqual(['Y'])
      expect(trackingPuts()).toHaveLength(2)
    } finally {
      if (previous === undefined) delete process.env.ORDER_TRACKING_SETTLE_CHECK_MS
      else process.env.ORDER_TRACKING_SETTLE_CHECK_MS = previous
    }
  })
})

describe('text that lies about itself', () => {
  test('when a city holds an unclosed U+202E, then BAD_USER_INPUT names it and nothing is written', async () => {
    const answer = await update({ input: { isDelivered: false, events: [event('Em trânsito', '2026-11-20', 'Curitiba\u202e', 'PR')] } })
    expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.events[0].city' })
    expect(answer.body.errors[0].extensions.fieldErrors[0].reason).toBe('INVALID_CHARACTERS')
    expect(trackingPuts()).toEqual([])
  })

  test('when ten look-alike forms of one description are merged at one instant, then one event is stored, in NFC', async () => {
    const text = 'Saiu para entrega em São Paulo'
    const variants = [
      text,
      text.normalize('NFD'),
      'Saiu para\u200b entrega em São Paulo',
      'Saiu para entrega\u2060 em São Paulo',
      'Saiu para\u00a0entrega em São Paulo',
      'Saiu para entrega em São Paulo\u{e0041}\u{e007f}',
      'Saiu\u200c para entrega em São Paulo',
      'Saiu para en\u00adtrega em São Paulo',
      'Saiu para\u202fentrega em São Paulo',
      'Saiu para entrega em São\u00a0Paulo'.normalize('NFD'),
    ]
    for (const description of variants) {
      const answer = await update({ input: { isDelivered: false, events: [event(description, '2026-11-20T10:00:00-03:00')] } })
      expect(answer.body.errors).toBeUndefined()
    }
    const stored = stack.sandbox.getOrder(TRACKED.orderId)!.packageAttachment.packages.find(p => p.invoiceNumber === TRACKED.invoiceNumber)!
    expect(stored.courierStatus!.data.map(e => e.description)).toEqual([text])
    expect(stored.courierStatus!.data[0].city).toBe('São Paulo')
  })
})
