// Query documents that cost the runtime's validation far more than they weigh
// (node/validationGuard.ts): refused with one error before graphql-js validates them, with no
// token needed to send them. `npm run bench -- --only abuse` measures them.
import { LIMITS } from '../../domain'
import { useServiceStack } from '../support/serviceStack'
import { ORDER_TRACKING, TRACKED } from '../support/operations'
import { leaksIn, rawPost, routerHeaders } from './hostile'

const stack = useServiceStack()
const noToken = () => {
  const headers = routerHeaders()
  delete headers.cookie
  return headers
}

function expectRefusedByShape(answer: { status: number; raw: string; body: any }, reason: RegExp) {
  expect(answer.status).toBe(400)
  expect(answer.body.errors).toHaveLength(1)
  expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_REQUEST', field: 'query' })
  expect(answer.body.errors[0].message).toMatch(reason)
  expect(leaksIn(answer.raw)).toEqual([])
  expect(stack.sandbox.journal()).toEqual([])
}

describe('refused before validation, with one error', () => {
  test('{ n0 n1 … n3999 }: 4,000 unknown fields, no token', async () => {
    const query = `{ ${Array.from({ length: 4000 }, (_, i) => `n${i}`).join(' ')} }`
    const answer = await rawPost(stack, JSON.stringify({ query }), noToken())
    expectRefusedByShape(answer, /more than 2000 selections/)
    // One error with the query attached by the runtime, not 4,000 of them (93 MB before).
    expect(answer.raw.length).toBeLessThan(3 * query.length)
  })

  test('5,000 distinct fragments (1.66 GB of answer before)', async () => {
    const fragments = Array.from({ length: 5000 }, (_, i) => `fragment F${i} on Query { __typename }`).join(' ')
    const query = `{ ${Array.from({ length: 5000 }, (_, i) => `...F${i}`).join(' ')} } ${fragments}`
    expectRefusedByShape(await rawPost(stack, JSON.stringify({ query }), noToken()), /characters long|fragments|selections/)
  })

  test(`${LIMITS.queryMaxFragments + 1} fragments, in a short query`, async () => {
    const fragments = Array.from({ length: LIMITS.queryMaxFragments + 1 }, (_, i) => `fragment F${i} on Query { __typename }`).join(' ')
    const answer = await rawPost(stack, JSON.stringify({ query: `{ ...F0 } ${fragments}` }), noToken())
    expectRefusedByShape(answer, new RegExp(`more than ${LIMITS.queryMaxFragments} fragments`))
  })

  test(`identical overlapping selections (the quadratic case), ${LIMITS.queryMaxSelections + 1} of them`, async () => {
    const query = `{ ${Array.from({ length: LIMITS.queryMaxSelections + 1 }, () => 'x: __typename').join(' ')} }`
    expectRefusedByShape(await rawPost(stack, JSON.stringify({ query }), noToken()), /selections/)
  })

  test(`a query text over ${LIMITS.queryMaxCharacters} characters`, async () => {
    const query = `{ __typename } # ${'x'.repeat(LIMITS.queryMaxCharacters)}`
    expectRefusedByShape(await rawPost(stack, JSON.stringify({ query }), noToken()), /characters long/)
  })
})

describe('under the caps', () => {
  test(`validation stops after ${LIMITS.queryMaxValidationErrors} errors`, async () => {
    const query = `{ ${Array.from({ length: 50 }, (_, i) => `n${i}`).join(' ')} }`
    const answer = await rawPost(stack, JSON.stringify({ query }), noToken())
    expect(answer.status).toBe(500) // the runtime's status for validation errors
    expect(answer.body.errors.length).toBeLessThanOrEqual(LIMITS.queryMaxValidationErrors + 1)
  })

  test('a legitimate read right after is answered', async () => {
    await rawPost(stack, JSON.stringify({ query: `{ ${Array.from({ length: 4000 }, (_, i) => `n${i}`).join(' ')} }` }), noToken())
    const answer = await rawPost(stack, JSON.stringify({ query: ORDER_TRACKING, variables: { orderId: TRACKED.orderId } }))
    expect(answer.body.data.orderTracking.orderId).toBe(TRACKED.orderId)
  })
})
