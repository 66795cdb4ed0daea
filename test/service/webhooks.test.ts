// Signed webhooks through the whole stack: the IO router's stand-in, the real @vtex/api
// runtime's public routes, the tracking index and OMS in the sandbox.
import { useServiceStack } from '../support/serviceStack'
import { SET_INVOICE_TRACKING, UNTRACKED } from '../support/operations'
import { AFTERSHIP_PATH, afterShipBody, afterShipSignature, genericHeaders, sendAfterShip, sendGeneric } from '../support/webhooks'
import { callPublicRoute } from '../../dev/io-runtime/publicRoute'

// Settings changes (secret rotation) must show at once.
process.env.ORDER_TRACKING_SETTINGS_CACHE_MS = '0'

const stack = useServiceStack()

const ORDER = '1172452900788-01'
const INVOICE = '000030711'
const NUMBER = 'BR123456789BR'

const checkpoints = [
  { checkpoint_time: '2026-11-27T10:00:00-03:00', city: 'Curitiba', state: 'PR', location: 'AGF Centro', message: 'Objeto postado', tag: 'InfoReceived' },
  { checkpoint_time: '2026-11-28T08:30:00-03:00', city: 'Cajamar', state: 'SP', location: 'CTE Cajamar', message: 'Objeto em trânsito', tag: 'InTransit' },
]

const storedEvents = () => stack.sandbox.getOrder(ORDER)!.packageAttachment.packages.find(p => p.invoiceNumber === INVOICE)!.courierStatus?.data ?? []
const omsWrites = () => stack.sandbox.journal().filter(e => e.path.startsWith('/api/oms') && e.method !== 'GET')
const dataWrites = () => stack.sandbox.journal().filter(e => e.path.startsWith('/api/dataentities') && e.method !== 'GET')
const deliveries = () => stack.sandbox.masterData.entity('localstore', 'vtex_order_tracking_deliveries')

/** The order's invoices in the tracking index, as OMS's invoiced event puts them there. */
async function indexDemoOrder() {
  stack.sandbox.emitOrderEvent(ORDER, 'invoiced')
  await stack.sandbox.eventsSettled()
}

beforeEach(indexDemoOrder)

test('a signed AfterShip webhook puts its checkpoints on the invoice, once even when sent twice', async () => {
  const body = afterShipBody(NUMBER, checkpoints)
  const first = await sendAfterShip(stack.baseUrl, body)
  expect(first.status).toBe(200)
  expect(first.body).toMatchObject({ outcome: 'WRITTEN', eventsAdded: 2, invoices: [{ orderId: ORDER, invoiceNumber: INVOICE }] })
  expect(storedEvents().map(e => [e.city, e.state, e.description])).toEqual([
    ['Curitiba', 'PR', 'Objeto postado'],
    ['Cajamar', 'SP', 'Objeto em trânsito'],
  ])

  const second = await sendAfterShip(stack.baseUrl, body)
  expect(second.status).toBe(200)
  expect(second.body).toMatchObject({ outcome: 'UNCHANGED', eventsAdded: 0 })
  expect(storedEvents()).toHaveLength(2)
  expect(omsWrites().filter(e => e.path.endsWith('/tracking'))).toHaveLength(1)

  // The Admin reads them back (the same API the page uses), with their statuses.
  const read = await stack.graphql({
    query: `query($id: ID!) { orderTracking(orderId: $id) { invoices { invoiceNumber events { date city description } } } }`,
    variables: { id: ORDER },
    userToken: 'local-admin',
  })
  const invoice = read.body.data.orderTracking.invoices.find((i: { invoiceNumber: string }) => i.invoiceNumber === INVOICE)
  expect(invoice.events.map((e: { date: string }) => e.date)).toEqual(['2026-11-27T13:00:00.000Z', '2026-11-28T11:30:00.000Z'])

  // The next delivery carries one more checkpoint (AfterShip resends the whole list).
  const third = await sendAfterShip(stack.baseUrl, afterShipBody(NUMBER, [...checkpoints, { checkpoint_time: '2026-11-29T09:00:00-03:00', city: 'Curitiba', state: 'PR', message: 'Objeto entregue ao destinatário', tag: 'Delivered' }]))
  expect(third.body).toMatchObject({ outcome: 'WRITTEN', eventsAdded: 1 })
  const pkg = stack.sandbox.getOrder(ORDER)!.packageAttachment.packages.find(p => p.invoiceNumber === INVOICE)!
  expect(pkg.courierStatus?.finished).toBe(true)
  expect(pkg.courierStatus?.deliveredDate).toBeTruthy()

  // Each delivery is in the log.
  const log = deliveries().search({ where: 'source=aftership', sort: 'receivedAt DESC', from: 0, to: 9 })
  expect(log.documents.map((d: any) => d.outcome).sort()).toEqual(['UNCHANGED', 'WRITTEN', 'WRITTEN'])
})

test('a wrong signature gets 401 and writes nothing', async () => {
  stack.sandbox.clearJournal()
  const body = afterShipBody(NUMBER, checkpoints)
  const forged = await sendAfterShip(stack.baseUrl, body, { signature: afterShipSignature(JSON.stringify(body), 'not-the-secret') })
  expect(forged.status).toBe(401)
  expect(forged.body).toEqual({ error: 'INVALID_SIGNATURE' })
  const missing = await sendAfterShip(stack.baseUrl, body, { signature: '' })
  expect(missing.status).toBe(401)
  expect(omsWrites()).toEqual([])
  expect(dataWrites()).toEqual([])
  expect(stack.sandbox.journal().filter(e => e.path.startsWith('/api/oms'))).toEqual([])
  expect(storedEvents()).toEqual([])
  expect(stack.logs().filter(line => line.includes('Objeto postado') || line.includes(NUMBER))).toEqual([])
})

test('an unknown tracking number answers 202 and is recorded as unmatched', async () => {
  const answer = await sendAfterShip(stack.baseUrl, afterShipBody('XX000000000BR', checkpoints))
  expect(answer.status).toBe(202)
  expect(answer.body).toEqual({ outcome: 'UNMATCHED' })
  const unmatched = deliveries().search({ where: 'outcome=UNMATCHED', sort: 'receivedAt DESC', from: 0, to: 9 })
  expect(unmatched.documents.map((d: any) => d.trackingNumber)).toEqual(['XX000000000BR'])
  expect(omsWrites()).toEqual([])
})

test('AfterShip\'s order_id finds the invoice when the index does not know the number yet', async () => {
  stack.sandbox.masterData.clearDocuments()
  const answer = await sendAfterShip(stack.baseUrl, afterShipBody(NUMBER, checkpoints, { order_id: ORDER }))
  expect(answer.status).toBe(200)
  expect(answer.body.outcome).toBe('WRITTEN')
  expect(storedEvents()).toHaveLength(2)
})

test('OMS failing answers 503 so the sender retries, and the retry writes once', async () => {
  stack.sandbox.setFaults({ seed: 1, errorRate: 1 })
  const body = afterShipBody(NUMBER, checkpoints)
  const failed = await sendAfterShip(stack.baseUrl, body)
  expect(failed.status).toBe(503)
  stack.sandbox.setFaults({})
  const retried = await sendAfterShip(stack.baseUrl, body)
  expect(retried.status).toBe(200)
  expect(storedEvents()).toHaveLength(2)
}, 30_000)

describe('the generic route', () => {
  const generic = {
    trackingNumber: NUMBER,
    isDelivered: false,
    events: [{ city: 'Curitiba', state: 'PR', description: 'Em trânsito', date: '2026-11-27T10:00:00-03:00', status: 'IN_TRANSIT' }],
  }

  test('a signed, fresh webhook writes; by invoice too', async () => {
    const answer = await sendGeneric(stack.baseUrl, generic)
    expect(answer.status).toBe(200)
    expect(answer.body.outcome).toBe('WRITTEN')
    const byInvoice = await sendGeneric(stack.baseUrl, { orderId: ORDER, invoiceNumber: INVOICE, isDelivered: false, events: [{ ...generic.events[0], description: 'Saiu para entrega' }] })
    expect(byInvoice.body).toMatchObject({ outcome: 'WRITTEN', eventsAdded: 1 })
    expect(storedEvents()).toHaveLength(2)
  })

  test('a timestamp outside 5 minutes is refused like a wrong signature', async () => {
    const raw = JSON.stringify(generic)
    const stale = await sendGeneric(stack.baseUrl, generic, { raw, headers: genericHeaders(raw, undefined, Math.floor(Date.now() / 1000) - 301) })
    expect(stale.status).toBe(401)
    expect(omsWrites()).toEqual([])
  })

  test('invalid events are refused with the field at fault (422), nothing written', async () => {
    const answer = await sendGeneric(stack.baseUrl, { ...generic, events: [{ ...generic.events[0], date: '2026-11-27T10:00:00' }] })
    expect(answer.status).toBe(422)
    expect(answer.body.fieldErrors[0]).toMatchObject({ field: 'input.events[0].date', reason: 'INVALID_FORMAT' })
    expect(omsWrites()).toEqual([])
  })
})

test('the previous secret is accepted until its grace period ends', async () => {
  const body = afterShipBody(NUMBER, checkpoints)
  const settings = stack.sandbox.appSettings.get('localstore', 'vtex.order-tracking')
  const rotate = (until: string) =>
    stack.sandbox.appSettings.set('localstore', 'vtex.order-tracking', {
      ...settings,
      aftershipWebhookSecret: 'new-secret',
      aftershipWebhookPreviousSecret: 'local-webhook-secret',
      aftershipWebhookPreviousSecretUntil: until,
    })
  rotate(new Date(Date.now() + 3600_000).toISOString())
  expect((await sendAfterShip(stack.baseUrl, body)).status).toBe(200)
  expect((await sendAfterShip(stack.baseUrl, body, { signature: afterShipSignature(JSON.stringify(body), 'new-secret') })).status).toBe(200)
  rotate(new Date(Date.now() - 1000).toISOString())
  expect((await sendAfterShip(stack.baseUrl, body)).status).toBe(401)
})

test('only POST, and only where a public route is declared', async () => {
  const get = await callPublicRoute(stack.baseUrl, AFTERSHIP_PATH, { method: 'GET' })
  expect(get.status).toBe(405)
  const elsewhere = await callPublicRoute(stack.baseUrl, '/_v/order-tracking/webhooks/other', {})
  expect(elsewhere.status).toBe(404)
})

describe('the Integrations page\'s API', () => {
  const INTEGRATIONS = `{ webhookIntegrations { routes { source url secretSet previousSecretUntil } deliveries { source trackingNumber orderId invoiceNumber outcome eventsAdded } unmatchedTrackingNumbers } }`
  const SET = `mutation($source: WebhookSource!, $secret: String!, $hours: Int) { setWebhookSecret(source: $source, secret: $secret, keepPreviousHours: $hours) { route { source secretSet previousSecretUntil } } }`
  const admin = { userToken: 'local-admin' }

  test('routes for this account, last deliveries and unmatched numbers', async () => {
    await sendAfterShip(stack.baseUrl, afterShipBody(NUMBER, checkpoints))
    await sendAfterShip(stack.baseUrl, afterShipBody('XX000000009BR', checkpoints))
    const answer = await stack.graphql({ query: INTEGRATIONS, ...admin })
    expect(answer.body.errors).toBeUndefined()
    const data = answer.body.data.webhookIntegrations
    expect(data.routes).toEqual([
      { source: 'AFTERSHIP', url: 'https://master--localstore.myvtex.com/_v/order-tracking/webhooks/aftership', secretSet: true, previousSecretUntil: null },
      { source: 'GENERIC', url: 'https://master--localstore.myvtex.com/_v/order-tracking/webhooks/generic', secretSet: true, previousSecretUntil: null },
    ])
    expect(data.deliveries.map((d: any) => [d.trackingNumber, d.outcome]).sort()).toEqual([[NUMBER, 'WRITTEN'], ['XX000000009BR', 'UNMATCHED']])
    expect(data.unmatchedTrackingNumbers).toEqual(['XX000000009BR'])
    expect(answer.raw).not.toContain('local-webhook-secret')
  })

  test('an unmatched webhook is kept and replayed once its number is set on the right invoice', async () => {
    const REPLAY = `mutation($n: String!) { replayUnmatchedWebhooks(trackingNumber: $n) { trackingNumber replayed eventsAdded stillUnmatched } }`
    const LATE = 'BR555000111BR'
    const replay = async () => {
      const answer = await stack.graphql({ query: REPLAY, variables: { n: LATE }, ...admin })
      expect(answer.body.errors).toBeUndefined()
      return answer.body.data.replayUnmatchedWebhooks
    }
    expect((await sendAfterShip(stack.baseUrl, afterShipBody(LATE, checkpoints))).status).toBe(202)
    // No invoice has the number yet: nothing is written, the delivery stays unmatched.
    expect(await replay()).toEqual({ trackingNumber: LATE, replayed: 0, eventsAdded: 0, stillUnmatched: 1 })
    expect(omsWrites()).toEqual([])

    const set = await stack.graphql({ query: SET_INVOICE_TRACKING, variables: { ...UNTRACKED, input: { trackingNumber: LATE, courier: 'Correios' } }, ...admin })
    expect(set.body.errors).toBeUndefined()
    expect(await replay()).toEqual({ trackingNumber: LATE, replayed: 1, eventsAdded: 2, stillUnmatched: 0 })
    const invoice = stack.sandbox.getOrder(UNTRACKED.orderId)!.packageAttachment.packages.find(p => p.invoiceNumber === UNTRACKED.invoiceNumber)!
    expect((invoice.courierStatus?.data ?? []).map(e => [e.city, e.description])).toEqual([
      ['Curitiba', 'Objeto postado'],
      ['Cajamar', 'Objeto em trânsito'],
    ])
    const listed = await stack.graphql({ query: INTEGRATIONS, ...admin })
    expect(listed.body.data.webhookIntegrations.unmatchedTrackingNumbers).toEqual([])
    // Replayed once: a second replay finds nothing kept.
    expect(await replay()).toEqual({ trackingNumber: LATE, replayed: 0, eventsAdded: 0, stillUnmatched: 0 })
  })

  test('a replay needs a tracking number', async () => {
    const answer = await stack.graphql({ query: `mutation { replayUnmatchedWebhooks(trackingNumber: "no spaces allowed") { replayed } }`, ...admin })
    expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'trackingNumber' })
  })

  test('rotating a secret keeps the old one for the grace period; the secret never comes back', async () => {
    const answer = await stack.graphql({ query: SET, variables: { source: 'AFTERSHIP', secret: 'rotated-secret-0123456789', hours: 2 }, ...admin })
    expect(answer.body.errors).toBeUndefined()
    expect(answer.body.data.setWebhookSecret.route).toMatchObject({ source: 'AFTERSHIP', secretSet: true })
    expect(Date.parse(answer.body.data.setWebhookSecret.route.previousSecretUntil)).toBeGreaterThan(Date.now() + 3600_000)
    expect(answer.raw).not.toContain('rotated-secret')
    const body = afterShipBody(NUMBER, checkpoints)
    expect((await sendAfterShip(stack.baseUrl, body, { signature: afterShipSignature(JSON.stringify(body), 'rotated-secret-0123456789') })).status).toBe(200)
    expect((await sendAfterShip(stack.baseUrl, body)).status).toBe(200) // the previous one, in its grace period
    expect(JSON.stringify(stack.sandbox.journal())).not.toContain('rotated-secret')
  })

  test('a short secret is refused at its field', async () => {
    const answer = await stack.graphql({ query: SET, variables: { source: 'GENERIC', secret: 'short' }, ...admin })
    expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'secret' })
  })
})
