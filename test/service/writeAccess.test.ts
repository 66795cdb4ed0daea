// trackingWriteAccess: the page's one question, per page load, before it offers any write.
// Through the real runtime and the sandbox's VTEX ID and License Manager: an answer for each
// kind of caller the page must tell apart, and never an OMS (or Master Data) call.
import { ROOT_FIELD_CALLS } from '../support/operations'
import { useServiceStack } from '../support/serviceStack'

const stack = useServiceStack()

const QUERY = '{ trackingWriteAccess }'

/** Where the request went besides the platform's identity checks. */
const beyondAuth = () =>
  stack.sandbox
    .journal()
    .filter(entry => !entry.path.startsWith('/api/vtexid/') && !entry.path.startsWith('/api/license-manager/'))
    .map(entry => `${entry.method} ${entry.path}`)

test('an admin with Notify invoice: true, asked of VTEX ID and License Manager only', async () => {
  const answer = await stack.graphql({ query: QUERY, userToken: 'local-admin' })
  expect(answer.body).toEqual({ data: { trackingWriteAccess: true } })
  const journal = stack.sandbox.journal()
  expect(journal.some(entry => entry.path.startsWith('/api/vtexid/'))).toBe(true)
  expect(journal.some(entry => entry.path.includes('/license-manager/') && entry.path.includes('/logins/admin@localstore.example/'))).toBe(true)
  expect(beyondAuth()).toEqual([])
})

test('the read-only viewer: FORBIDDEN naming the resource, and no OMS call', async () => {
  const answer = await stack.graphql({ query: QUERY, userToken: 'local-viewer' })
  expect(answer.status).toBe(200)
  expect(answer.body.data).toBeNull()
  expect(answer.body.errors).toHaveLength(1)
  expect(answer.body.errors[0]).toMatchObject({
    path: ['trackingWriteAccess'],
    extensions: { code: 'FORBIDDEN', resource: 'Notify invoice' },
  })
  expect(beyondAuth()).toEqual([])
})

test('the same viewer is refused the write it would have tried, so the page tells the truth', async () => {
  const write = await stack.graphql({ ...ROOT_FIELD_CALLS.setInvoiceTracking, userToken: 'local-viewer' })
  expect(write.body.errors[0].extensions.code).toBe('FORBIDDEN')
  expect(beyondAuth()).toEqual([])
})

test('no session is UNAUTHENTICATED and an identity outage UPSTREAM_UNAVAILABLE: neither reads as FORBIDDEN', async () => {
  const none = await stack.graphql({ query: QUERY })
  expect(none.body.errors[0].extensions.code).toBe('UNAUTHENTICATED')
  // An 8 kB token overflows VTEX ID's URL in the sandbox: the one local way to make it fail.
  const outage = await stack.graphql({ query: QUERY, userToken: 'A'.repeat(8 * 1024) })
  expect(outage.body.errors[0].extensions.code).toBe('UPSTREAM_UNAVAILABLE')
  expect(beyondAuth()).toEqual([])
})
