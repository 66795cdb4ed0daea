// Who may call what: every root field × every kind of caller, through the platform's own
// @auth directive answered by the sandbox's VTEX ID and License Manager. A refused call
// never reaches OMS.
import { readFileSync } from 'fs'
import { join } from 'path'

import { useServiceStack } from '../support/serviceStack'
import { ROOT_FIELD_CALLS as ROOT_FIELDS } from '../support/operations'

const stack = useServiceStack()

const CALLERS: Array<[string, { userToken?: string; userTokenAsHeader?: boolean; appToken?: string }, string | null]> = [
  ['no token', {}, 'UNAUTHENTICATED'],
  ['a malformed token', { userToken: 'not a token' }, 'UNAUTHENTICATED'],
  ['an unknown token', { userToken: 'f3b1c2d4e5' }, 'UNAUTHENTICATED'],
  ["another account's admin", { userToken: 'other-account-admin' }, 'UNAUTHENTICATED'],
  ['a viewer without Notify invoice', { userToken: 'local-viewer' }, 'FORBIDDEN'],
  ['an admin with Notify invoice', { userToken: 'local-admin' }, null],
  ['another IO app with Notify invoice', { userToken: 'local-caller-app-token', userTokenAsHeader: true }, null],
  // A newcomer's mistake: the caller's token as x-vtex-credential (the IO router's header for
  // this app's own token), which License Manager refuses with a 401.
  ['another IO app, its token as x-vtex-credential', { userToken: 'local-caller-app-token', userTokenAsHeader: true, appToken: 'local-caller-app-token' }, 'UNAUTHENTICATED'],
]

const writes = () => stack.sandbox.journal().filter(entry => entry.path.startsWith('/api/oms/') && entry.method !== 'GET')

describe.each(Object.entries(ROOT_FIELDS))('%s', (field, operation) => {
  test.each(CALLERS)('called by %s', async (_who, caller, expectedCode) => {
    const answer = await stack.graphql({ ...operation, ...caller })
    expect(answer.status).toBe(200)
    if (expectedCode === null) {
      expect(answer.body.errors).toBeUndefined()
      expect(answer.body.data[field]).toBeTruthy()
      return
    }
    expect(answer.body.errors[0].extensions.code).toBe(expectedCode)
    expect(answer.body.data?.[field] ?? null).toBeNull()
    expect(writes()).toHaveLength(0)
    if (expectedCode === 'FORBIDDEN') expect(answer.body.errors[0].message).toMatch(/Notify invoice/)
  })
})

// VTEX IO lets an app's process reach only the URLs its manifest declares ("Accessing
// external resources within a VTEX IO app"); the runtime's @auth calls VTEX ID and License
// Manager from that same process, so they need declaring as much as the OMS calls do.
describe('the outbound calls of a whole read and write', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'manifest.json'), 'utf8')) as {
    policies: Array<{ name: string; attrs?: { host: string; path: string } }>
  }
  const pattern = (text: string) =>
    new RegExp(`^${text.replace(/\{\{account\}\}/g, '\u0000').replace(/[.*+?^${}()|[\]\\]/g, m => (m === '*' ? '\u0001' : `\\${m}`)).replace(/\u0000/g, 'localstore').replace(/\u0001/g, '.*')}$`)
  const declared = manifest.policies
    .filter(policy => policy.name === 'outbound-access' && policy.attrs)
    .map(policy => ({ host: pattern(policy.attrs!.host), path: pattern(policy.attrs!.path) }))

  test('each go to a host and path an outbound-access policy of manifest.json declares', async () => {
    await stack.graphql({ ...ROOT_FIELDS.orderTracking, userToken: 'local-admin' })
    await stack.graphql({ ...ROOT_FIELDS.updateTrackingStatus, userToken: 'local-admin' })
    const calls = stack.sandbox.journal().map(entry => `${entry.host}${entry.path}`)
    expect(calls.some(call => call.includes('/api/vtexid/'))).toBe(true)
    expect(calls.some(call => call.includes('/api/license-manager/'))).toBe(true)
    const undeclared = stack.sandbox
      .journal()
      // IO's own infrastructure (the Apps client reading this app's settings, e.g. the store's
      // time zone for a calendar date) is reached through the runtime, not outbound access.
      .filter(entry => !(entry.host === 'infra.io.vtex.com' && /^\/apps\/v0\/localstore\/master\/apps\/vtex\.order-tracking@[^/]+\/settings$/.test(entry.path)))
      .filter(entry => !declared.some(policy => policy.host.test(entry.host) && policy.path.test(entry.path)))
      .map(entry => `${entry.method} ${entry.host}${entry.path}`)
    expect(undeclared).toEqual([])
  })
})
