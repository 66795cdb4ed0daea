import { startOmsSandbox, type OmsSandbox } from '../server'
import { ORDER, auth, call } from './helpers'

let sb: OmsSandbox
beforeAll(async () => {
  sb = await startOmsSandbox({ quiet: true })
})
afterAll(() => sb.close())
beforeEach(() => sb.reset())

test('health, faults, orders, reset; control calls are not journaled nor faulted', async () => {
  expect((await call(sb.port, { path: '/_sandbox/health' })).json).toEqual({ ok: true })

  const put = await call(sb.port, { method: 'PUT', path: '/_sandbox/faults', body: { seed: 3, errorRate: 1 } })
  expect(put.status).toBe(200)
  expect((await call(sb.port, { path: '/_sandbox/faults' })).json).toEqual({ seed: 3, errorRate: 1 })
  expect((await call(sb.port, { path: '/_sandbox/health' })).status).toBe(200) // never faulted
  expect((await call(sb.port, { method: 'PUT', path: '/_sandbox/faults', body: { errorRate: 'x' } })).status).toBe(400)
  await call(sb.port, { method: 'PUT', path: '/_sandbox/faults', body: {} })

  const orders = Array.from({ length: 2000 }, (_, i) => ({ orderId: `bench-${i}-01`, invoices: [{ invoiceNumber: `B${i}`, trackingNumber: `T${i}` }] }))
  const add = await call(sb.port, { method: 'POST', path: '/_sandbox/orders', body: { orders } })
  expect(add.json).toEqual({ added: 2000 })
  const raw = await call(sb.port, { path: '/_sandbox/orders/bench-1999-01' })
  expect(raw.json.packageAttachment.packages[0]).toMatchObject({ invoiceNumber: 'B1999', trackingNumber: 'T1999', type: 'Output' })
  const viaOms = await call(sb.port, { method: 'PUT', path: '/api/oms/pvt/orders/bench-5-01/invoice/B5/tracking', headers: auth('local-admin'), body: { isDelivered: false, deliveredDate: null, events: [] } })
  expect(viaOms.status).toBe(200)
  expect((await call(sb.port, { method: 'POST', path: '/_sandbox/orders', body: { orders: [{ invoices: [] }] } })).status).toBe(400)

  expect(sb.journal()).toHaveLength(1) // only the OMS PUT
  expect((await call(sb.port, { method: 'POST', path: '/_sandbox/reset' })).status).toBe(200)
  expect(sb.journal()).toHaveLength(0)
  expect((await call(sb.port, { path: '/_sandbox/orders/bench-1-01' })).status).toBe(404)
  expect((await call(sb.port, { path: `/_sandbox/orders/${ORDER}` })).status).toBe(200)
})

test('addOrders in another account', async () => {
  sb.addOrders([{ orderId: 'o-1', account: 'otherstore', invoices: [{ invoiceNumber: '1' }] }])
  expect(sb.getOrder('o-1', 'otherstore')).toBeDefined()
  expect(sb.getOrder('o-1')).toBeUndefined()
  const r = await call(sb.port, { path: '/api/oms/pvt/orders/o-1?an=otherstore', headers: auth('other-account-admin') })
  expect(r.status).toBe(200)
})
