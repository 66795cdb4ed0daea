// Hostile webhook senders: forged, replayed, oversized, malformed and deeply nested bodies,
// and floods. None of them writes to OMS or Master Data, and nothing of their bodies reaches
// a log line.
import { createHmac } from 'crypto'

import { WEBHOOK_LIMITS } from '../../domain'
import { callPublicRoute } from '../../dev/io-runtime/publicRoute'
import { useServiceStack } from '../support/serviceStack'
import { AFTERSHIP_PATH, afterShipBody, afterShipSignature, genericHeaders, sendAfterShip, sendGeneric } from '../support/webhooks'

const stack = useServiceStack()

const NUMBER = 'BR123456789BR'
const MARKER = 'hostile-marker-7f3a'
const checkpoints = [{ checkpoint_time: '2026-11-27T10:00:00-03:00', city: 'Curitiba', state: 'PR', message: MARKER, tag: 'InTransit' }]

const writes = () => stack.sandbox.journal().filter(e => (e.path.startsWith('/api/oms') || e.path.startsWith('/api/dataentities')) && e.method !== 'GET')
const omsCalls = () => stack.sandbox.journal().filter(e => e.path.startsWith('/api/oms'))
const leaked = () => stack.logs().filter(line => line.includes(MARKER))

beforeEach(async () => {
  stack.sandbox.emitOrderEvent('1172452900788-01', 'invoiced')
  await stack.sandbox.eventsSettled()
  stack.sandbox.clearJournal()
  delete process.env.ORDER_TRACKING_WEBHOOK_RATE
  delete process.env.ORDER_TRACKING_WEBHOOK_BURST
})

describe('forged', () => {
  const body = afterShipBody(NUMBER, checkpoints)
  const raw = JSON.stringify(body)
  test.each([
    ['signed with another secret', afterShipSignature(raw, 'guess')],
    ['hex instead of base64', createHmac('sha256', 'local-webhook-secret').update(raw).digest('hex')],
    ['truncated', afterShipSignature(raw).slice(0, 20)],
    ['garbage', '!!!not base64!!!'],
    ['over-long', 'A'.repeat(10_000)],
    ['the signature of another body', afterShipSignature(raw + ' ')],
  ])('%s: 401, no OMS call, nothing written, nothing logged', async (_name, signature) => {
    const answer = await sendAfterShip(stack.baseUrl, body, { raw, signature })
    expect(answer.status).toBe(401)
    expect(omsCalls()).toEqual([])
    expect(writes()).toEqual([])
    expect(leaked()).toEqual([])
  })

  test('the generic route signed with AfterShip\'s scheme is refused', async () => {
    const generic = { trackingNumber: NUMBER, isDelivered: false, events: [] }
    const r = JSON.stringify(generic)
    const answer = await sendGeneric(stack.baseUrl, generic, { raw: r, headers: { 'aftership-hmac-sha256': afterShipSignature(r) } })
    expect(answer.status).toBe(401)
    expect(writes()).toEqual([])
  })
})

describe('replayed', () => {
  const generic = {
    trackingNumber: NUMBER,
    isDelivered: false,
    events: [{ city: 'Curitiba', state: 'PR', description: MARKER, date: '2026-11-27T10:00:00-03:00' }],
  }

  test('a captured webhook sent again after the window: 401', async () => {
    const raw = JSON.stringify(generic)
    const old = genericHeaders(raw, undefined, Math.floor(Date.now() / 1000) - 600)
    expect((await sendGeneric(stack.baseUrl, generic, { raw, headers: old })).status).toBe(401)
    const future = genericHeaders(raw, undefined, Math.floor(Date.now() / 1000) + 600)
    expect((await sendGeneric(stack.baseUrl, generic, { raw, headers: future })).status).toBe(401)
    expect(writes()).toEqual([])
  })

  test('a signature moved onto another body: 401', async () => {
    const headers = genericHeaders(JSON.stringify(generic))
    const other = { ...generic, trackingNumber: 'OTHER1' }
    expect((await sendGeneric(stack.baseUrl, other, { headers })).status).toBe(401)
    expect(writes()).toEqual([])
  })

  test('replayed inside the window: answered without touching OMS', async () => {
    const raw = JSON.stringify(generic)
    const headers = genericHeaders(raw)
    expect((await sendGeneric(stack.baseUrl, generic, { raw, headers })).status).toBe(200)
    stack.sandbox.clearJournal()
    const again = await sendGeneric(stack.baseUrl, generic, { raw, headers })
    expect(again.body).toEqual({ outcome: 'DUPLICATE', eventsAdded: 0 })
    expect(omsCalls()).toEqual([])
  })
})

describe('oversized, malformed, deep', () => {
  test('a body over the limit is refused (413) before its signature is even checked', async () => {
    const raw = JSON.stringify(afterShipBody(NUMBER, checkpoints, { note: 'x'.repeat(WEBHOOK_LIMITS.maxBodyBytes) }))
    const answer = await sendAfterShip(stack.baseUrl, null, { raw })
    expect(answer.status).toBe(413)
    expect(writes()).toEqual([])
  })

  test.each([
    ['not JSON', 'MALFORMED_JSON', `{"msg": ${MARKER}`],
    ['deeply nested', 'TOO_DEEP', `{"msg":${'['.repeat(5000)}${']'.repeat(5000)}}`],
    ['a list', 'BAD_PAYLOAD', `[{"msg":{"tracking_number":"${NUMBER}"}}]`],
    ['no tracking number', 'BAD_PAYLOAD', `{"msg":{"checkpoints":[],"note":"${MARKER}"}}`],
    ['a tracking number with a quote', 'BAD_PAYLOAD', `{"msg":{"tracking_number":"BR1\\" OR trackingNumber<>\\"x"}}`],
    ['too many checkpoints', 'BAD_PAYLOAD', JSON.stringify(afterShipBody(NUMBER, Array.from({ length: 101 }, () => checkpoints[0])))],
  ])('%s, correctly signed: 400 %s, nothing written', async (_name, error, raw) => {
    const answer = await sendAfterShip(stack.baseUrl, null, { raw })
    expect(answer.status).toBe(400)
    expect(answer.body.error).toBe(error)
    expect(writes()).toEqual([])
    expect(leaked()).toEqual([])
  })
})

test('a flood of one source is rate-limited (429 with Retry-After) and leaves the other source alone', async () => {
  process.env.ORDER_TRACKING_WEBHOOK_RATE = '1'
  process.env.ORDER_TRACKING_WEBHOOK_BURST = '3'
  const body = afterShipBody('XX000000001BR', [])
  const answers = []
  for (let i = 0; i < 6; i++) answers.push(await sendAfterShip(stack.baseUrl, body))
  const limited = answers.filter(a => a.status === 429)
  expect(limited.length).toBeGreaterThanOrEqual(2)
  expect(Number(limited[0].headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
  const generic = await sendGeneric(stack.baseUrl, { trackingNumber: 'XX000000001BR', isDelivered: false, events: [] })
  expect(generic.status).toBe(202)
})

test('forged requests do not use up the sender\'s rate limit', async () => {
  const body = { trackingNumber: 'XX000000002BR', isDelivered: false, events: [] }
  // Fill the generic route's bucket to its burst of 2, take one, and stop the refill.
  process.env.ORDER_TRACKING_WEBHOOK_RATE = '1000'
  process.env.ORDER_TRACKING_WEBHOOK_BURST = '2'
  expect((await sendGeneric(stack.baseUrl, body)).status).toBe(202)
  process.env.ORDER_TRACKING_WEBHOOK_RATE = '0.0001'
  for (let i = 0; i < 10; i++) {
    expect((await sendGeneric(stack.baseUrl, body, { headers: genericHeaders(JSON.stringify(body), 'guess') })).status).toBe(401)
  }
  // The one token left is still there for the real sender, and then none.
  expect((await sendGeneric(stack.baseUrl, body)).status).toBe(202)
  expect((await sendGeneric(stack.baseUrl, body)).status).toBe(429)
})

test('a route without a public declaration is not reachable, whatever it is signed with', async () => {
  const answer = await callPublicRoute(stack.baseUrl, AFTERSHIP_PATH.replace('aftership', 'AfterShip'), { body: '{}' })
  expect(answer.status).toBe(404)
})
