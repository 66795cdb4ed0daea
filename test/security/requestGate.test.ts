// Refusals of a whole request (node/requestGate.ts), through the real runtime: mutations only
// as JSON POSTs (cross-site request forgery), answers never cacheable, updates bounded per
// request rather than per field.
import { LIMITS } from '../../domain'
import { useServiceStack } from '../support/serviceStack'
import { ORDER_TRACKING, TRACKED, UPDATE_TRACKING_STATUS, event } from '../support/operations'
import { RawAnswer, rawFetch, rawPost, routerHeaders } from './hostile'

const stack = useServiceStack()

const input = { isDelivered: true, deliveredDate: '2026-11-20', events: [event('Entregue', '2026-11-20')] }
const MUTATION = `mutation { updateTrackingStatus(orderId: "${TRACKED.orderId}", invoiceNumber: "${TRACKED.invoiceNumber}", input: { isDelivered: true, deliveredDate: "2026-11-20", events: [{ city: "Curitiba", state: "PR", description: "Entregue", date: "2026-11-20" }] }) { receipt } }`

const send = (method: string, url: string, headers: Record<string, string>, body?: BodyInit): Promise<RawAnswer> =>
  rawFetch(url, { method, headers, body })

/** What a browser sends for a cross-site navigation or form: the Admin's cookie, no JSON. */
function browserHeaders(contentType?: string): Record<string, string> {
  const { 'content-type': _json, ...headers } = routerHeaders()
  return contentType ? { ...headers, 'content-type': contentType } : headers
}

function expectRefused(answer: RawAnswer, status: number, field: string) {
  expect(answer.status).toBe(status)
  expect(answer.body.data?.updateTrackingStatus ?? null).toBeNull()
  expect(answer.body.errors).toHaveLength(1)
  expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_REQUEST', field })
  expect(answer.body.errors[0].message).toMatch(/POST with Content-Type application\/json/)
  // Refused before @auth: not even VTEX ID or License Manager was asked, let alone OMS.
  expect(stack.sandbox.journal()).toEqual([])
}

describe('cross-site request forgery: a mutation runs only from a JSON POST', () => {
  test('GET ?query=mutation (a cross-site link or navigation) is refused with 405', async () => {
    const url = `${stack.graphqlUrl}?query=${encodeURIComponent(MUTATION)}`
    const answer = await send('GET', url, browserHeaders())
    expectRefused(answer, 405, 'method')
    expect(answer.raw).not.toMatch(/receipt"\s*:\s*"/)
  })

  test.each([
    ['text/plain', (body: string) => body],
    ['text/plain;charset=UTF-8', (body: string) => body],
    ['application/x-www-form-urlencoded', (body: string) => body],
  ])('a POST of %s (an auto-submitted form) is refused with 415', async (contentType, encode) => {
    const body = encode(JSON.stringify({ query: UPDATE_TRACKING_STATUS, variables: { ...TRACKED, input } }))
    const answer = await send('POST', stack.graphqlUrl, browserHeaders(contentType), body)
    expectRefused(answer, 415, 'content-type')
  })

  test('a multipart/form-data POST (the GraphQL upload format a form can send) is refused with 415', async () => {
    const form = new FormData()
    form.append('operations', JSON.stringify({ query: MUTATION }))
    form.append('map', '{}')
    const answer = await send('POST', stack.graphqlUrl, browserHeaders(), form)
    expectRefused(answer, 415, 'content-type')
  })

  test('the same mutation as a JSON POST (charset allowed) runs', async () => {
    const answer = await send(
      'POST',
      stack.graphqlUrl,
      routerHeaders({ 'content-type': 'application/json; charset=utf-8' }),
      JSON.stringify({ query: MUTATION })
    )
    expect(answer.body.errors).toBeUndefined()
    expect(answer.body.data.updateTrackingStatus.receipt).toEqual(expect.any(String))
  })

  test('queries stay as they are: a GET read is answered', async () => {
    const url = `${stack.graphqlUrl}?query=${encodeURIComponent(ORDER_TRACKING)}&variables=${encodeURIComponent(JSON.stringify({ orderId: TRACKED.orderId }))}`
    const answer = await send('GET', url, browserHeaders())
    expect(answer.status).toBe(200)
    expect(answer.body.data.orderTracking.orderId).toBe(TRACKED.orderId)
  })
})

describe('answers are private and never stored, in a production workspace too', () => {
  const production = { 'x-vtex-workspace-is-production': 'true' }

  test.each([
    ['a query', () => JSON.stringify({ query: ORDER_TRACKING, variables: { orderId: TRACKED.orderId } })],
    ['a mutation', () => JSON.stringify({ query: UPDATE_TRACKING_STATUS, variables: { ...TRACKED, input } })],
    ['a refused call', () => JSON.stringify({ query: ORDER_TRACKING, variables: { orderId: 'no/such' } })],
  ])('%s', async (_, body) => {
    const response = await fetch(stack.graphqlUrl, { method: 'POST', headers: routerHeaders(production), body: body() })
    expect(response.status).toBe(200)
    await response.text()
    const cacheControl = response.headers.get('cache-control')
    expect(cacheControl).toMatch(/no-store/)
    expect(cacheControl).not.toMatch(/public|max-age=[1-9]/)
  })

  test('a GET read in production', async () => {
    const url = `${stack.graphqlUrl}?query=${encodeURIComponent(ORDER_TRACKING)}&variables=${encodeURIComponent(JSON.stringify({ orderId: TRACKED.orderId }))}`
    const response = await fetch(url, { headers: { ...browserHeaders(), ...production } })
    expect((await response.json()).data.orderTracking.orderId).toBe(TRACKED.orderId)
    expect(response.headers.get('cache-control')).toMatch(/no-store/)
    expect(response.headers.get('cache-control')).not.toMatch(/public|max-age=[1-9]/)
  })

})

describe(`at most ${LIMITS.batchSize} updates per request, across aliases`, () => {
  const batchAlias = (alias: string, n: number) =>
    `${alias}: updateTrackingStatuses(updates: $u${n}) { succeeded }`

  test('ten aliases of updateTrackingStatuses carrying 2,000 updates are refused before any call', async () => {
    const updates = Array.from({ length: LIMITS.batchSize }, () => ({ ...TRACKED, input }))
    const aliases = Array.from({ length: 10 }, (_, i) => i)
    const query = `mutation(${aliases.map(i => `$u${i}: [TrackingUpdateInput!]!`).join(', ')}) { ${aliases.map(i => batchAlias(`b${i}`, i)).join(' ')} }`
    const variables = Object.fromEntries(aliases.map(i => [`u${i}`, updates]))
    const answer = await rawPost(stack, JSON.stringify({ query, variables }))
    expect(answer.body.errors).toHaveLength(1)
    expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'updates' })
    expect(answer.body.errors[0].extensions.fieldErrors[0].reason).toBe('TOO_MANY')
    expect(answer.body.errors[0].message).toMatch(/2000 updates across b0, b1/)
    expect(stack.sandbox.journal()).toEqual([])
  })

  test(`two aliases of ${LIMITS.batchSize / 2} updates plus one single update: ${LIMITS.batchSize + 1} in all, refused`, async () => {
    const half = Array.from({ length: LIMITS.batchSize / 2 }, () => ({ ...TRACKED, input }))
    const query = `mutation($u0: [TrackingUpdateInput!]!, $u1: [TrackingUpdateInput!]!, $input: TrackingStatusInput!) {
      ${batchAlias('a', 0)} ${batchAlias('b', 1)}
      one: updateTrackingStatus(orderId: "${TRACKED.orderId}", invoiceNumber: "${TRACKED.invoiceNumber}", input: $input) { receipt }
    }`
    const answer = await rawPost(stack, JSON.stringify({ query, variables: { u0: half, u1: half, input } }))
    expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'updates' })
    expect(stack.sandbox.journal()).toEqual([])
  })
})
