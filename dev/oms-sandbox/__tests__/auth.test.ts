import { IDENTITIES, NOTIFY_INVOICE_PRODUCT_CODE as P, NOTIFY_INVOICE_RESOURCE_CODE as R } from '../identities'
import { startOmsSandbox, type OmsSandbox } from '../server'
import { INVOICE, ORDER, PORTAL, call, trackingBody } from './helpers'

let sb: OmsSandbox
beforeAll(async () => {
  sb = await startOmsSandbox({ quiet: true })
})
afterAll(() => sb.close())
beforeEach(() => sb.reset())

const body = trackingBody([{ city: 'Curitiba', state: 'PR', description: 'Em trânsito', date: '2024-02-10' }])
const get = (headers: Record<string, string>) => call(sb.port, { path: `${PORTAL}/api/oms/pvt/orders/${ORDER}?an=localstore`, headers })
const put = (headers: Record<string, string>) =>
  call(sb.port, { method: 'PUT', path: `${PORTAL}/api/oms/pvt/orders/${ORDER}/invoice/${INVOICE}/tracking?an=localstore`, headers, body })
const patch = (headers: Record<string, string>) =>
  call(sb.port, { method: 'PATCH', path: `/api/oms/pvt/orders/${ORDER}/invoice/${INVOICE}`, headers, body: { trackingNumber: 'NEW-1' } })
const tok = (t: string) => ({ VtexIdclientAutCookie: t, 'proxy-authorization': t })

describe('OMS authorization per identity', () => {
  test.each([
    ['local-admin', 200, 200, 200],
    ['local-viewer', 200, 403, 403],
    ['other-account-admin', 403, 403, 403],
    ['local-app-token', 200, 200, 200],
    ['local-app-token-readonly', 200, 403, 403],
    ['local-caller-app-token', 200, 200, 200],
    ['unknown-token', 401, 401, 401],
    ['localstore-demo-secret', 401, 401, 401], // an AppToken alone is not a VTEX ID token
  ])('%s: GET %i, PUT %i, PATCH %i', async (token, g, p, pa) => {
    expect((await get(tok(token))).status).toBe(g)
    expect((await put(tok(token))).status).toBe(p)
    expect((await patch(tok(token))).status).toBe(pa)
  })

  test('no token → 401 with the OMS envelope', async () => {
    const r = await get({})
    expect(r.status).toBe(401)
    expect(r.json).toEqual({ error: { code: '1', message: 'Unauthorized', exception: null } })
  })

  test('403 leaves the invoice untouched', async () => {
    expect((await put(tok('local-viewer'))).status).toBe(403)
    expect(sb.getOrder(ORDER)!.packageAttachment.packages[0].courierStatus).toBeNull()
  })

  test('app key pair works; wrong secret → 401', async () => {
    const key = { 'X-VTEX-API-AppKey': 'localstore-demo-key', 'X-VTEX-API-AppToken': 'localstore-demo-secret' }
    expect((await get(key)).status).toBe(200)
    expect((await put(key)).status).toBe(200)
    expect((await get({ ...key, 'X-VTEX-API-AppToken': 'wrong' })).status).toBe(401)
    expect((await get({ 'X-VTEX-API-AppKey': 'localstore-demo-key' })).status).toBe(401)
  })

  test('other-account-admin can read otherstore (no orders there → 404)', async () => {
    const r = await call(sb.port, { path: `http://otherstore.vtexcommercestable.com.br/api/oms/pvt/orders/${ORDER}`, headers: tok('other-account-admin') })
    expect(r.status).toBe(404)
  })
})

describe('VTEX ID', () => {
  const vid = (q: string, proxied = true) =>
    call(sb.port, { path: `${proxied ? 'http://vtexid.vtex.com.br' : ''}/api/vtexid/pub/authenticated/user${q}` })

  test.each([
    ['local-admin', 'admin@localstore.example', 'localstore'],
    ['local-viewer', 'viewer@localstore.example', 'localstore'],
    ['other-account-admin', 'admin@otherstore.example', 'otherstore'],
    ['local-caller-app-token', 'vtex.caller-app', 'localstore'],
    ['local-app-token', 'vtex.order-tracking', 'localstore'],
  ])('%s → user %s of %s', async (token, user, account) => {
    const r = await vid(`?authToken=${token}`)
    expect(r.status).toBe(200)
    expect(r.json).toEqual({ userId: expect.any(String), user, userType: expect.any(String), account })
  })

  test.each([['?authToken=nope'], ['?authToken='], [''], ['?authToken=%zz']])('unknown/malformed/missing %s → 200 null', async (q) => {
    const r = await vid(q)
    expect(r.status).toBe(200)
    expect(r.text).toBe('null')
  })

  test('answers in plain form too', async () => {
    const r = await vid('?authToken=local-admin', false)
    expect(r.json.user).toBe('admin@localstore.example')
  })
})

describe('License Manager', () => {
  const lm = (account: string, login: string, authz?: string, product = P, resource = R) =>
    call(sb.port, {
      path: `http://${account}.vtexcommercestable.com.br/api/license-manager/pvt/accounts/${account}/products/${product}/logins/${encodeURIComponent(login)}/resources/${resource}/granted`,
      headers: authz ? { Authorization: authz } : {},
    })

  test.each([
    ['admin@localstore.example', true],
    ['viewer@localstore.example', false],
    ['admin@otherstore.example', false],
    ['vtex.caller-app', true],
    ['vtex.order-tracking', true],
    ['vtex.order-tracking-readonly', false],
    ['nobody@localstore.example', false],
  ])('localstore: %s granted=%s', async (login, granted) => {
    for (const authz of ['local-app-token', 'local-app-token-readonly']) {
      const r = await lm('localstore', login, authz)
      expect(r.status).toBe(200)
      expect(r.text).toBe(String(granted))
    }
  })

  test('other-account-admin is granted in otherstore only', async () => {
    expect((await lm('otherstore', 'admin@otherstore.example', IDENTITIES.otherAppToken.token)).json).toBe(true)
    expect((await lm('localstore', 'admin@otherstore.example', 'local-app-token')).json).toBe(false)
  })

  test('another product/resource is not granted', async () => {
    expect((await lm('localstore', 'admin@localstore.example', 'local-app-token', '99', R)).json).toBe(false)
    expect((await lm('localstore', 'admin@localstore.example', 'local-app-token', P, 'Other')).json).toBe(false)
  })

  test('401 without an app token of that account', async () => {
    expect((await lm('localstore', 'admin@localstore.example')).status).toBe(401)
    expect((await lm('localstore', 'admin@localstore.example', 'local-admin')).status).toBe(401)
    expect((await lm('otherstore', 'admin@otherstore.example', 'local-app-token')).status).toBe(401)
  })
})
