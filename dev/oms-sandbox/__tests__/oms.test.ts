import { startOmsSandbox, type OmsSandbox } from '../server'
import { INVOICE, ORDER, PORTAL, auth, call, trackingBody } from './helpers'

const OMS_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}\+00:00$/
const ADMIN = auth('local-admin')

let sb: OmsSandbox
beforeAll(async () => {
  sb = await startOmsSandbox({ quiet: true })
})
afterAll(() => sb.close())
beforeEach(() => sb.reset())

const trackingPath = (order: string, invoice: string) => `/api/oms/pvt/orders/${order}/invoice/${invoice}/tracking`
const put = (order: string, invoice: string, body: unknown, headers = ADMIN) =>
  call(sb.port, { method: 'PUT', path: trackingPath(order, invoice), headers, body })

describe('request forms', () => {
  test('proxy form with portal host and ?an= reads the order', async () => {
    const r = await call(sb.port, { path: `${PORTAL}/api/oms/pvt/orders/${ORDER}?an=localstore`, headers: ADMIN })
    expect(r.status).toBe(200)
    expect(r.headers['content-type']).toMatch(/application\/json/)
    expect(r.json.orderId).toBe(ORDER)
    const j = sb.journal()[sb.journal().length - 1]
    expect(j.host).toBe('portal.vtexcommercestable.com.br')
    expect(j.path).toBe(`/api/oms/pvt/orders/${ORDER}`)
    expect(j.query).toEqual({ an: 'localstore' })
  })

  test('proxy form takes the account from {account}.vtexcommercestable.com.br', async () => {
    const ok = await call(sb.port, { path: `http://localstore.vtexcommercestable.com.br/api/oms/pvt/orders/${ORDER}`, headers: ADMIN })
    expect(ok.status).toBe(200)
    // Same token against otherstore: the account comes from the host, so 403.
    const other = await call(sb.port, { path: `http://otherstore.vtexcommercestable.com.br/api/oms/pvt/orders/${ORDER}`, headers: ADMIN })
    expect(other.status).toBe(403)
    // ?an= wins over the host name.
    const an = await call(sb.port, { path: `http://otherstore.vtexcommercestable.com.br/api/oms/pvt/orders/${ORDER}?an=localstore`, headers: ADMIN })
    expect(an.status).toBe(200)
  })

  test('plain form: account from ?an=, then x-vtex-account, else localstore', async () => {
    expect((await call(sb.port, { path: `/api/oms/pvt/orders/${ORDER}`, headers: ADMIN })).status).toBe(200)
    expect((await call(sb.port, { path: `/api/oms/pvt/orders/${ORDER}`, headers: { ...ADMIN, 'x-vtex-account': 'otherstore' } })).status).toBe(403)
    expect((await call(sb.port, { path: `/api/oms/pvt/orders/${ORDER}?an=localstore`, headers: { ...ADMIN, 'x-vtex-account': 'otherstore' } })).status).toBe(200)
  })

  test('token in cookie is accepted', async () => {
    const r = await call(sb.port, { path: `/api/oms/pvt/orders/${ORDER}`, headers: { cookie: 'foo=bar; VtexIdclientAutCookie=local-admin' } })
    expect(r.status).toBe(200)
  })

  test('unknown paths and unknown methods', async () => {
    expect((await call(sb.port, { path: '/api/oms/pvt/nothing', headers: ADMIN })).status).toBe(404)
    expect((await call(sb.port, { path: `${PORTAL}/api/catalog/x`, headers: ADMIN })).status).toBe(404)
    const m = await call(sb.port, { method: 'DELETE', path: `/api/oms/pvt/orders/${ORDER}`, headers: ADMIN })
    expect(m.status).toBe(405)
    // control endpoints are not reachable in proxy form
    expect((await call(sb.port, { path: `${PORTAL}/_sandbox/health` })).status).toBe(404)
  })
})

describe('GET order', () => {
  test('realistic subset, courierStatus null before any tracking write', async () => {
    const r = await call(sb.port, { path: `/api/oms/pvt/orders/${ORDER}`, headers: ADMIN })
    const o = r.json
    expect(o).toMatchObject({ orderId: ORDER, status: 'invoiced' })
    expect(typeof o.sequence).toBe('string')
    expect(o.creationDate).toMatch(OMS_DATE)
    expect(o.items[0]).toEqual(expect.objectContaining({ id: expect.any(String), name: expect.any(String), quantity: expect.any(Number), price: expect.any(Number) }))
    expect(o.shippingData.logisticsInfo[0]).toEqual(expect.objectContaining({ selectedDeliveryChannel: 'delivery', deliveryCompany: expect.any(String) }))
    const [p] = o.packageAttachment.packages
    expect(p).toMatchObject({ invoiceNumber: INVOICE, type: 'Output', trackingNumber: expect.any(String), courierStatus: null })
    expect(Number.isInteger(p.invoiceValue)).toBe(true)
  })

  test('pickup order and two-invoice order are seeded', async () => {
    const pk = await call(sb.port, { path: '/api/oms/pvt/orders/1172452900799-01', headers: ADMIN })
    expect(pk.json.shippingData.logisticsInfo[0].selectedDeliveryChannel).toBe('pickup-in-point')
    const two = await call(sb.port, { path: '/api/oms/pvt/orders/1172452900811-01', headers: ADMIN })
    expect(two.json.packageAttachment.packages.map((p: { type: string }) => p.type)).toEqual(['Output', 'Input'])
    const lux = await call(sb.port, { path: '/api/oms/pvt/orders/00-v5195004lux-01', headers: ADMIN })
    expect(lux.json.packageAttachment.packages[0].courierStatus).toMatchObject({ status: 'ok', finished: true, deliveredDate: expect.stringMatching(OMS_DATE) })
  })

  test('unknown order → 404 with the OMS error envelope', async () => {
    const r = await call(sb.port, { path: '/api/oms/pvt/orders/999-01', headers: ADMIN })
    expect(r.status).toBe(404)
    expect(r.json).toEqual({ error: { code: 'OMS001', message: 'Order not found', exception: null } })
  })
})

describe('PUT tracking', () => {
  const e1 = { city: 'Rio de Janeiro', state: 'RJ', description: 'Coletado pela transportadora', date: '2024-02-10' }
  const e2 = { city: 'São Paulo', state: 'SP', description: 'A caminho de Curitiba', date: '2024-02-11T14:30:00.1234567-03:00' }
  const e3 = { city: 'Curitiba', state: 'PR', description: 'Entregue', date: '2024-02-12T09:00:00Z' }

  test('200 {date, orderId, receipt} and stored courierStatus with exactly five keys per entry', async () => {
    const before = Date.now()
    const r = await put(ORDER, INVOICE, trackingBody([e1, e2]))
    expect(r.status).toBe(200)
    expect(Object.keys(r.json).sort()).toEqual(['date', 'orderId', 'receipt'])
    expect(r.json.orderId).toBe(ORDER)
    expect(r.json.receipt).toMatch(/^[0-9a-f]{32}$/)
    expect(r.json.date).toMatch(OMS_DATE)
    const cs = sb.getOrder(ORDER)!.packageAttachment.packages[0].courierStatus!
    expect(cs).toMatchObject({ status: 'ok', finished: false, deliveredDate: null })
    expect(cs.data).toHaveLength(2)
    for (const d of cs.data) {
      expect(Object.keys(d).sort()).toEqual(['city', 'createDate', 'description', 'lastChange', 'state'])
      expect(d.lastChange).toMatch(OMS_DATE)
      expect(Date.parse(d.lastChange)).toBeGreaterThanOrEqual(before - 1)
    }
    expect(cs.data[0].createDate).toBe('2024-02-10T00:00:00.0000000+00:00')
    expect(cs.data[1].createDate).toBe('2024-02-11T17:30:00.1234567+00:00')
    expect(cs.data[1].city).toBe('São Paulo')
  })

  test('REPLACE semantics: the stored list becomes exactly the events sent, in order', async () => {
    await put(ORDER, INVOICE, trackingBody([e1, e2]))
    await put(ORDER, INVOICE, trackingBody([e3, e1]))
    const data = sb.getOrder(ORDER)!.packageAttachment.packages[0].courierStatus!.data
    expect(data.map((d) => d.description)).toEqual([e3.description, e1.description])
    await put(ORDER, INVOICE, trackingBody([]))
    expect(sb.getOrder(ORDER)!.packageAttachment.packages[0].courierStatus!.data).toEqual([])
  })

  test('isDelivered true sets finished and deliveredDate; false clears them', async () => {
    await put(ORDER, INVOICE, trackingBody([e3], true, '2024-02-12 09:15'))
    let cs = sb.getOrder(ORDER)!.packageAttachment.packages[0].courierStatus!
    expect(cs.finished).toBe(true)
    expect(cs.deliveredDate).toBe('2024-02-12T09:15:00.0000000+00:00')
    await put(ORDER, INVOICE, trackingBody([e3], true, '2024-02-12T09:15:00-03:00'))
    cs = sb.getOrder(ORDER)!.packageAttachment.packages[0].courierStatus!
    expect(cs.deliveredDate).toBe('2024-02-12T12:15:00.0000000+00:00')
    await put(ORDER, INVOICE, trackingBody([e1], false, null))
    cs = sb.getOrder(ORDER)!.packageAttachment.packages[0].courierStatus!
    expect(cs).toMatchObject({ finished: false, deliveredDate: null })
  })

  test.each([
    ['missing isDelivered', { deliveredDate: null, events: [] }],
    ['missing deliveredDate', { isDelivered: false, events: [] }],
    ['missing events', { isDelivered: false, deliveredDate: null }],
    ['isDelivered not boolean', { isDelivered: 'no', deliveredDate: null, events: [] }],
    ['event without date', { isDelivered: false, deliveredDate: null, events: [{ city: 'a', state: 'b', description: 'c' }] }],
    ['event city not string', { isDelivered: false, deliveredDate: null, events: [{ city: 1, state: 'b', description: 'c', date: '2024-01-01' }] }],
    ['bad event date', { isDelivered: false, deliveredDate: null, events: [{ city: 'a', state: 'b', description: 'c', date: '10/02/2024' }] }],
    ['date-time without offset', { isDelivered: false, deliveredDate: null, events: [{ city: 'a', state: 'b', description: 'c', date: '2024-02-10T10:00:00' }] }],
    ['impossible date', { isDelivered: false, deliveredDate: null, events: [{ city: 'a', state: 'b', description: 'c', date: '2024-02-30' }] }],
    ['description too long', { isDelivered: false, deliveredDate: null, events: [{ city: 'a', state: 'b', description: 'x'.repeat(5001), date: '2024-01-01' }] }],
    ['description of 5001 emoji', { isDelivered: false, deliveredDate: null, events: [{ city: 'a', state: 'b', description: '\u{1F69A}'.repeat(5001), date: '2024-01-01' }] }],
    ['bad deliveredDate', { isDelivered: true, deliveredDate: '01/10/2022', events: [] }],
  ])('400 on invalid body: %s', async (_name, body) => {
    const r = await put(ORDER, INVOICE, body)
    expect(r.status).toBe(400)
    expect(typeof r.json.error.message).toBe('string')
    expect(sb.getOrder(ORDER)!.packageAttachment.packages[0].courierStatus).toBeNull()
  })

  test('description of exactly 5000 characters is accepted', async () => {
    const r = await put(ORDER, INVOICE, trackingBody([{ ...e1, description: 'x'.repeat(5000) }]))
    expect(r.status).toBe(200)
  })

  test('description of 5000 emoji (10000 UTF-16 units) is accepted: characters are code points', async () => {
    const r = await put(ORDER, INVOICE, trackingBody([{ ...e1, description: '\u{1F69A}'.repeat(5000) }]))
    expect(r.status).toBe(200)
  })

  test('invalid JSON → 400', async () => {
    const r = await call(sb.port, { method: 'PUT', path: trackingPath(ORDER, INVOICE), headers: ADMIN, rawBody: '{"isDelivered":' })
    expect(r.status).toBe(400)
  })
})

describe('known OMS failures', () => {
  const body = trackingBody([{ city: 'Curitiba', state: 'PR', description: 'x', date: '2024-02-10' }])

  test('invoice number with a space → 500 "An error has occurred"', async () => {
    const r = await put(ORDER, '0000%2030711', body)
    expect(r.status).toBe(500)
    expect(r.json).toEqual({ error: { code: '1', message: 'An error has occurred', exception: null } })
  })

  test('invoice number with / (even as %2F) → 404 no route', async () => {
    // Not "Invoice Not Found": the route itself does not match once %2F became "/".
    for (const inv of ['a%2Fb', 'a%2fb', 'a/b']) {
      const r = await put(ORDER, inv, body)
      expect(r.status).toBe(404)
      expect(r.json.error.message).toBe('Route not found')
    }
    // And the stored invoice "000030711" is reachable only as one segment.
    expect((await put(ORDER, '0000%2F30711', body)).json.error.message).toBe('Route not found')
    const p = await call(sb.port, { method: 'PATCH', path: `/api/oms/pvt/orders/${ORDER}/invoice/a%2Fb`, headers: ADMIN, body: { trackingNumber: 'X' } })
    expect(p.status).toBe(404)
    expect(p.json.error.message).toBe('Route not found')
  })

  test('other escapes are decoded per segment (NF%2D9 is NF-9)', async () => {
    const r = await put('00-v5195004lux-01', 'NF%2D9', body)
    expect(r.status).toBe(200)
  })

  test('unknown invoice → 404 "Invoice Not Found"; unknown order → 404', async () => {
    const r = await put(ORDER, '000099999', body)
    expect(r.status).toBe(404)
    expect(r.json.error.message).toBe('Invoice Not Found')
    const o = await put('999-01', INVOICE, body)
    expect(o.status).toBe(404)
    expect(o.json.error.message).toBe('Order not found')
  })

  test('invoice without tracking number → 400 saying so', async () => {
    const r = await put('v501245lspt-01', '24382', body)
    expect(r.status).toBe(400)
    expect(r.json.error.message).toMatch(/no tracking number/i)
  })
})

describe('PATCH invoice', () => {
  test('PATCH sets the tracking number, then PUT works', async () => {
    const patch = await call(sb.port, {
      method: 'PATCH', path: '/api/oms/pvt/orders/v501245lspt-01/invoice/24382', headers: ADMIN,
      body: { trackingNumber: 'TRK-1', trackingUrl: 'https://t.example/TRK-1', courier: 'Correios', dispatchedDate: '2024-02-08T13:16:13.4617653+00:00' },
    })
    expect(patch.status).toBe(200)
    expect(patch.json.receipt).toMatch(/^[0-9a-f]{32}$/)
    const p = sb.getOrder('v501245lspt-01')!.packageAttachment.packages[0]
    expect(p).toMatchObject({ trackingNumber: 'TRK-1', trackingUrl: 'https://t.example/TRK-1', courier: 'Correios', dispatchedDate: '2024-02-08T13:16:13.4617653+00:00' })
    const r = await put('v501245lspt-01', '24382', trackingBody([{ city: 'Curitiba', state: 'PR', description: 'x', date: '2024-02-10' }]))
    expect(r.status).toBe(200)
  })

  test('PATCH without trackingNumber → 400; space → 500; unknown invoice → 404', async () => {
    const base = '/api/oms/pvt/orders/v501245lspt-01/invoice/'
    expect((await call(sb.port, { method: 'PATCH', path: base + '24382', headers: ADMIN, body: { courier: 'x' } })).status).toBe(400)
    expect((await call(sb.port, { method: 'PATCH', path: base + '24382', headers: ADMIN, body: { trackingNumber: '' } })).status).toBe(400)
    expect((await call(sb.port, { method: 'PATCH', path: base + '243%2082', headers: ADMIN, body: { trackingNumber: 'a' } })).status).toBe(500)
    const nf = await call(sb.port, { method: 'PATCH', path: base + '99', headers: ADMIN, body: { trackingNumber: 'a' } })
    expect(nf.status).toBe(404)
    expect(nf.json.error.message).toBe('Invoice Not Found')
  })
})
