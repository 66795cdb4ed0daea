// Limits and abuse of the request itself: body size, counts, string lengths, alias and
// fragment floods, introspection, __proto__ keys, header injection through identifiers.
// Each limit answers with a clear error; the ones the runtime answers before our code runs
// are pinned here as they are (see docs/SECURITY.md, "Known limits").
import { LIMITS } from '../../domain'
import { useServiceStack } from '../support/serviceStack'
import { ORDER_TRACKING, TRACKED, UPDATE_TRACKING_STATUS, UPDATE_TRACKING_STATUSES, event } from '../support/operations'
import { leaksIn, omsCalls, rawPost, routerHeaders } from './hostile'

const stack = useServiceStack()

const admin = { userToken: 'local-admin' }
const ok = (n: number) => Array.from({ length: n }, (_, i) => event(`e${i}`, '2026-11-20'))
const update = (input: unknown, extra: Record<string, unknown> = {}) =>
  stack.graphql({ query: UPDATE_TRACKING_STATUS, variables: { ...TRACKED, input, ...extra }, ...admin })

describe('counts and lengths: BAD_USER_INPUT naming the field and the reason, nothing sent to OMS', () => {
  test.each([
    ['input.events', 'TOO_MANY', { isDelivered: false, events: ok(LIMITS.eventsPerCall + 1) }],
    ['input.events', 'TOO_MANY', { isDelivered: false, events: ok(5000) }],
    ['input.events[0].description', 'TOO_LONG', { isDelivered: false, events: [event('x'.repeat(LIMITS.descriptionMaxLength + 1), '2026-11-20')] }],
    ['input.events[0].city', 'TOO_LONG', { isDelivered: false, events: [event('x', '2026-11-20', 'c'.repeat(LIMITS.cityMaxLength + 1))] }],
    ['input.events[0].state', 'TOO_LONG', { isDelivered: false, events: [event('x', '2026-11-20', 'c', 's'.repeat(LIMITS.stateMaxLength + 1))] }],
    ['input.events[0].description', 'INVALID_CHARACTERS', { isDelivered: false, events: [event('a\u0000b', '2026-11-20')] }],
    ['input.events[0].date', 'INVALID_FORMAT', { isDelivered: false, events: [event('x', '2026-11-20'.padEnd(1_000_000, '0'))] }],
  ])('%s (%s)', async (field, reason, input) => {
    const answer = await update(input)
    expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field })
    expect(answer.body.errors[0].extensions.fieldErrors[0].reason).toBe(reason)
    expect(omsCalls(stack)).toEqual([])
  })

  test('identifiers over their length', async () => {
    const long = await update({ isDelivered: false, events: [] }, { orderId: '1'.repeat(LIMITS.orderIdMaxLength + 1) })
    expect(long.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orderId' })
    const invoice = await update({ isDelivered: false, events: [] }, { invoiceNumber: '1'.repeat(LIMITS.invoiceNumberMaxLength + 1) })
    expect(invoice.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'invoiceNumber' })
    expect(omsCalls(stack)).toEqual([])
  })

  test(`a batch over ${LIMITS.batchSize} updates`, async () => {
    const updates = Array.from({ length: LIMITS.batchSize + 1 }, () => ({ ...TRACKED, input: { isDelivered: false, events: [] } }))
    const answer = await stack.graphql({ query: UPDATE_TRACKING_STATUSES, variables: { updates }, ...admin })
    expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'updates' })
    expect(answer.body.errors[0].extensions.fieldErrors[0].reason).toBe('TOO_MANY')
    expect(omsCalls(stack)).toEqual([])
  })

  test(`a MERGE that would leave more than ${LIMITS.eventsPerInvoice} events on the invoice`, async () => {
    for (let i = 0; i < LIMITS.eventsPerInvoice / LIMITS.eventsPerCall; i++) {
      const events = Array.from({ length: LIMITS.eventsPerCall }, (_, j) => event(`b${i}-${j}`, '2026-11-20'))
      expect((await update({ isDelivered: false, events })).body.errors).toBeUndefined()
    }
    const before = stack.sandbox.getOrder(TRACKED.orderId)
    const answer = await update({ isDelivered: false, events: [event('one more', '2026-11-20')] })
    expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.events' })
    expect(stack.sandbox.getOrder(TRACKED.orderId)).toEqual(before)
  }, 30_000)
})

describe('the request body', () => {
  test('over 3 MB: the runtime answers 413 before our code (no stack, no token)', async () => {
    const body = JSON.stringify({ query: ORDER_TRACKING, variables: { orderId: 'x'.repeat(3 * 1024 * 1024 + 10) } })
    const answer = await rawPost(stack, body)
    expect(answer.status).toBe(413)
    expect(answer.body.errors[0].message).toBe('request entity too large')
    expect(leaksIn(answer.raw)).toEqual([])
    expect(omsCalls(stack)).toEqual([])
  })

  test('just under 3 MB of variables is read, and refused by validation', async () => {
    const body = JSON.stringify({ query: ORDER_TRACKING, variables: { orderId: 'x'.repeat(3 * 1024 * 1024 - 500) } })
    const answer = await rawPost(stack, body)
    expect(answer.status).toBe(200)
    expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orderId' })
  })

  test.each([
    ['malformed JSON', '{"query": '],
    ['a __proto__ key (refused by the runtime JSON parser, so nothing is polluted)', `{"query":${JSON.stringify(UPDATE_TRACKING_STATUS)},"variables":{"orderId":"${TRACKED.orderId}","invoiceNumber":"${TRACKED.invoiceNumber}","input":{"isDelivered":false,"events":[],"__proto__":{"isDelivered":true}}}}`],
    ['a fragment cycle', JSON.stringify({ query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }' })],
    ['an unknown field', JSON.stringify({ query: '{ nope }' })],
  ])('%s: the runtime answers 500 before our code (no stack, no token, no OMS call, no pollution)', async (_what, body) => {
    const answer = await rawPost(stack, body)
    expect(answer.status).toBe(500)
    expect(answer.body.errors[0].message).toEqual(expect.any(String))
    expect(leaksIn(answer.raw)).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(({} as Record<string, unknown>).isDelivered).toBeUndefined()
    expect(omsCalls(stack)).toEqual([])
  })

  test('a constructor.prototype key is kept as plain data and pollutes nothing', async () => {
    const body = `{"query":${JSON.stringify(UPDATE_TRACKING_STATUS)},"variables":{"orderId":"${TRACKED.orderId}","invoiceNumber":"${TRACKED.invoiceNumber}","input":{"isDelivered":false,"events":[],"constructor":{"prototype":{"polluted":1}}}}}`
    const answer = await rawPost(stack, body)
    expect(answer.status).toBe(200)
    expect(answer.body.errors[0].message).toMatch(/constructor/) // not a field of TrackingStatusInput
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(omsCalls(stack)).toEqual([])
  })

  test('a __proto__ key inside an event is just an unknown field, refused by the schema', async () => {
    const input = JSON.parse('{"isDelivered":false,"events":[{"city":"a","state":"b","description":"c","date":"2026-11-20","__proto__x":1}]}')
    const answer = await update(input)
    expect(answer.status).toBe(200)
    expect(answer.body.errors[0].message).toMatch(/__proto__x/)
    expect(omsCalls(stack)).toEqual([])
  })
})

describe('query shape abuse', () => {
  const aliases = (n: number, args: string) =>
    'query { ' + Array.from({ length: n }, (_, i) => `a${i}: orderTracking(${args}) { orderId }`).join(' ') + ' }'

  test.each([
    ['with an admin token, bad ids', 'orderId: "bad id"', 'local-admin'],
    ['with an admin token, good ids', `orderId: "${TRACKED.orderId}"`, 'local-admin'],
    ['without a token', `orderId: "${TRACKED.orderId}"`, undefined],
  ])(`1,000 aliases of one root field (%s): one error, no auth or OMS call`, async (_what, args, token) => {
    const headers = routerHeaders()
    if (!token) delete headers.cookie
    const answer = await rawPost(stack, JSON.stringify({ query: aliases(1000, args) }), headers)
    expect(answer.status).toBe(200)
    expect(answer.body.errors).toHaveLength(1)
    expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' })
    expect(answer.body.errors[0].extensions.fieldErrors[0].reason).toBe('TOO_MANY')
    expect(stack.sandbox.journal()).toEqual([]) // not VTEX ID, License Manager nor OMS
  })

  test(`${LIMITS.rootFieldsPerRequest} aliases are still served`, async () => {
    const answer = await rawPost(stack, JSON.stringify({ query: aliases(LIMITS.rootFieldsPerRequest, `orderId: "${TRACKED.orderId}"`) }))
    expect(answer.body.errors).toBeUndefined()
    expect(Object.keys(answer.body.data)).toHaveLength(LIMITS.rootFieldsPerRequest)
  })

  test('root fields hidden in fragments count too; a mutation stops at the first refusal', async () => {
    const fields = Array.from({ length: 50 }, (_, i) => `m${i}: updateTrackingStatus(orderId: "${TRACKED.orderId}", invoiceNumber: "${TRACKED.invoiceNumber}", input: {isDelivered: false, events: [{city: "a", state: "b", description: "c${i}", date: "2026-11-20"}]}) { receipt }`)
    const query = `mutation { ...W } fragment W on Mutation { ... on Mutation { ${fields.join(' ')} } }`
    const answer = await rawPost(stack, JSON.stringify({ query }))
    expect(answer.body.errors).toHaveLength(1)
    expect(answer.body.errors[0].extensions.code).toBe('BAD_USER_INPUT')
    expect(stack.sandbox.journal()).toEqual([])
  })

  test(`a chain of ${LIMITS.queryMaxFragments} nested fragments and ${LIMITS.queryMaxSelections - 10} leaf aliases are answered`, async () => {
    let fragments = 'fragment F0 on OrderTracking { orderId }\n'
    for (let i = 1; i < LIMITS.queryMaxFragments; i++) fragments += `fragment F${i} on OrderTracking { ...F${i - 1} }\n`
    const last = LIMITS.queryMaxFragments - 1
    const deep = await rawPost(stack, JSON.stringify({ query: `query { orderTracking(orderId: "${TRACKED.orderId}") { ...F${last} } } ${fragments}` }))
    expect(deep.body.errors?.map((e: any) => e.extensions.code)).toBeUndefined()
    expect(deep.body.data.orderTracking.orderId).toBe(TRACKED.orderId)
    const n = LIMITS.queryMaxSelections - 10
    const leaves = Array.from({ length: n }, (_, i) => `a${i}: orderId`).join(' ')
    const wide = await rawPost(stack, JSON.stringify({ query: `query { orderTracking(orderId: "${TRACKED.orderId}") { ${leaves} } }` }))
    expect(wide.status).toBe(200)
    expect(wide.body.data.orderTracking[`a${n - 1}`]).toBe(TRACKED.orderId)
  }, 30_000)

  test('introspection is open (the schema is public in IO anyway) and calls nothing upstream', async () => {
    const answer = await rawPost(stack, JSON.stringify({ query: '{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }' }), (() => { const h = routerHeaders(); delete h.cookie; return h })())
    expect(answer.status).toBe(200)
    expect(answer.body.data.__schema.types.length).toBeGreaterThan(5)
    expect(omsCalls(stack)).toEqual([])
  })
})

describe('header and path injection through identifiers', () => {
  test.each([
    ['orderId', 'a\r\nX-Injected: 1'],
    ['orderId', '1172452900788-01\r\n\r\nGET /api/oms/pvt/orders/x HTTP/1.1'],
    ['invoiceNumber', '000030711\nX-Injected: 1'],
    ['invoiceNumber', '000030711%0d%0aX-Injected:%201'],
    ['orderId', '1172452900788-01/../../../api/license-manager'],
    ['orderId', '１１７２４５２９００７８８-01'],
  ])('%s %j is refused before any request', async (field, value) => {
    const answer = await update({ isDelivered: false, events: [] }, { [field]: value })
    expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field })
    expect(stack.sandbox.journal().filter(e => !e.path.startsWith('/api/vtexid') && !e.path.startsWith('/api/license-manager'))).toEqual([])
  })
})
