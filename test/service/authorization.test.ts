// Who may call what: every root field × every kind of caller, through the platform's own
// @auth directive answered by the sandbox's VTEX ID and License Manager. A refused call
// never reaches OMS.
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
