import { mkdtempSync, readFileSync, rmSync, existsSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { ALL_SECRETS } from '../identities'
import { fingerprint } from '../journal'
import { startOmsSandbox } from '../server'
import { INVOICE, ORDER, PORTAL, auth, call, trackingBody } from './helpers'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'oms-sandbox-test-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const events = [{ city: 'Curitiba', state: 'PR', description: 'Saiu para entrega', date: '2024-02-10' }]
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

test('state survives a restart; --reset reseeds', async () => {
  let sb = await startOmsSandbox({ stateDir: dir, quiet: true })
  const r = await call(sb.port, { method: 'PUT', path: `/api/oms/pvt/orders/${ORDER}/invoice/${INVOICE}/tracking`, headers: auth('local-admin'), body: trackingBody(events) })
  expect(r.status).toBe(200)
  sb.addOrders([{ orderId: 'bench-1-01', invoices: [{ invoiceNumber: 'B1', trackingNumber: 'T1' }] }])
  await sb.close()
  expect(existsSync(join(dir, 'oms-state.json'))).toBe(true)

  sb = await startOmsSandbox({ stateDir: dir, quiet: true })
  expect(sb.getOrder(ORDER)!.packageAttachment.packages[0].courierStatus!.data[0].description).toBe('Saiu para entrega')
  expect(sb.getOrder('bench-1-01')).toBeDefined()
  await sb.close()

  sb = await startOmsSandbox({ stateDir: dir, reset: true, quiet: true })
  expect(sb.getOrder(ORDER)!.packageAttachment.packages[0].courierStatus).toBeNull()
  expect(sb.getOrder('bench-1-01')).toBeUndefined()
  await sb.close()
})

test('state file is written (debounced) while running, without waiting for close', async () => {
  const sb = await startOmsSandbox({ stateDir: dir, quiet: true })
  try {
    await call(sb.port, { method: 'PUT', path: `/api/oms/pvt/orders/${ORDER}/invoice/${INVOICE}/tracking`, headers: auth('local-admin'), body: trackingBody(events) })
    await sleep(600)
    const saved = JSON.parse(readFileSync(join(dir, 'oms-state.json'), 'utf8'))
    expect(saved.accounts.localstore[ORDER].packageAttachment.packages[0].courierStatus.data).toHaveLength(1)
  } finally {
    await sb.close()
  }
})

test('memory-only sandbox writes no files', async () => {
  const sb = await startOmsSandbox({ quiet: true })
  await sb.close()
  expect(existsSync(join(dir, 'oms-state.json'))).toBe(false)
})

test('journal holds fingerprints and never a raw token', async () => {
  const sb = await startOmsSandbox({ stateDir: dir, quiet: true })
  const h = (t: string) => ({ VtexIdclientAutCookie: t, 'Proxy-Authorization': t })
  for (const t of ALL_SECRETS) {
    await call(sb.port, { path: `${PORTAL}/api/oms/pvt/orders/${ORDER}?an=localstore`, headers: h(t) })
    await call(sb.port, { path: `http://vtexid.vtex.com.br/api/vtexid/pub/authenticated/user?authToken=${t}` })
    await call(sb.port, { path: `/api/oms/pvt/orders/${ORDER}`, headers: { cookie: `VtexIdclientAutCookie=${t}` } })
    await call(sb.port, {
      path: 'http://localstore.vtexcommercestable.com.br/api/license-manager/pvt/accounts/localstore/products/2/logins/x/resources/NotifyInvoice/granted',
      headers: { Authorization: t },
    })
    // a token echoed in a body must not survive either
    await call(sb.port, { method: 'PUT', path: `/api/oms/pvt/orders/${ORDER}/invoice/${INVOICE}/tracking`, headers: h(t), body: { note: t, isDelivered: false, deliveredDate: null, events: [] } })
  }
  await call(sb.port, {
    path: `/api/oms/pvt/orders/${ORDER}`,
    headers: { 'X-VTEX-API-AppKey': 'localstore-demo-key', 'X-VTEX-API-AppToken': 'localstore-demo-secret' },
  })
  const entries = sb.journal()
  await sb.close()

  expect(entries).toHaveLength(ALL_SECRETS.length * 5 + 1)
  const adminGet = entries[0]
  expect(adminGet.auth).toBe(fingerprint('local-admin'))
  expect(fingerprint('local-admin')).toMatch(/^tok_[0-9a-f]{8}$/)
  const vid = entries[1]
  expect(vid.query.authToken).toBe(fingerprint('local-admin'))
  expect(entries[entries.length - 1].auth).toBe(fingerprint('localstore-demo-secret'))

  const file = readFileSync(join(dir, 'oms-journal.jsonl'), 'utf8')
  expect(file.trim().split('\n')).toHaveLength(entries.length)
  const memory = JSON.stringify(entries)
  for (const t of ALL_SECRETS) {
    expect(file.includes(t)).toBe(false)
    expect(memory.includes(t)).toBe(false)
  }
  for (const line of file.trim().split('\n')) {
    const e = JSON.parse(line)
    expect(Object.keys(e)).toEqual(expect.arrayContaining(['at', 'method', 'host', 'path', 'query', 'status', 'auth']))
  }
})

test('journal file is appended across restarts and truncated by reset', async () => {
  let sb = await startOmsSandbox({ stateDir: dir, quiet: true })
  await call(sb.port, { path: `/api/oms/pvt/orders/${ORDER}`, headers: auth('local-admin') })
  await sb.close()
  sb = await startOmsSandbox({ stateDir: dir, quiet: true })
  await call(sb.port, { path: `/api/oms/pvt/orders/${ORDER}`, headers: auth('local-admin') })
  expect(sb.journal()).toHaveLength(1) // in-memory journal: since start only
  await sb.close()
  expect(readFileSync(join(dir, 'oms-journal.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2)
  sb = await startOmsSandbox({ stateDir: dir, reset: true, quiet: true })
  await sb.close()
  expect(readFileSync(join(dir, 'oms-journal.jsonl'), 'utf8')).toBe('')
})
