import { mulberry32 } from '../faults'
import { startOmsSandbox, type OmsSandbox } from '../server'
import { INVOICE, ORDER, auth, call, trackingBody } from './helpers'

let sb: OmsSandbox
beforeAll(async () => {
  sb = await startOmsSandbox({ quiet: true })
})
afterAll(() => sb.close())
beforeEach(() => {
  sb.setFaults({})
  sb.reset()
})

const ADMIN = auth('local-admin')
const getOrder = () => call(sb.port, { path: `/api/oms/pvt/orders/${ORDER}`, headers: ADMIN })
const putTracking = () =>
  call(sb.port, {
    method: 'PUT', path: `/api/oms/pvt/orders/${ORDER}/invoice/${INVOICE}/tracking`, headers: ADMIN,
    body: trackingBody([{ city: 'Curitiba', state: 'PR', description: 'x', date: '2024-02-10' }]),
  })

test('mulberry32 repeats for a seed', () => {
  const a = mulberry32(42)
  const b = mulberry32(42)
  const xs = [a(), a(), a()]
  expect([b(), b(), b()]).toEqual(xs)
  expect(xs.every((x) => x >= 0 && x < 1)).toBe(true)
})

test('rate limit → 429 with Retry-After over the per-second budget', async () => {
  // Align to the start of a second so all requests land in one window.
  await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 5))
  sb.setFaults({ seed: 1, rateLimitPerSecond: 3, retryAfterSeconds: 2 })
  const statuses = []
  for (let i = 0; i < 5; i++) statuses.push(await getOrder())
  expect(statuses.map((s) => s.status)).toEqual([200, 200, 200, 429, 429])
  expect(statuses[3].headers['retry-after']).toBe('2')
  expect(statuses[3].json.error.message).toMatch(/too many/i)
  // Non-OMS paths are not limited.
  const vid = await call(sb.port, { path: '/api/vtexid/pub/authenticated/user?authToken=local-admin' })
  expect(vid.status).toBe(200)
  const j = sb.journal()
  expect(j.filter((e) => e.fault === 'rate-limit')).toHaveLength(2)
  // A new window admits again.
  await new Promise((r) => setTimeout(r, 1050))
  expect((await getOrder()).status).toBe(200)
})

test('rate-limited writes do not change state', async () => {
  sb.setFaults({ rateLimitPerSecond: 0 })
  const r = await putTracking()
  expect(r.status).toBe(429)
  expect(r.headers['retry-after']).toBe('1')
  expect(sb.getOrder(ORDER)!.packageAttachment.packages[0].courierStatus).toBeNull()
})

test('errorRate 1 → 500/503 and state unchanged; errorRate 0 → all pass', async () => {
  sb.setFaults({ seed: 7, errorRate: 1 })
  const seen = new Set<number>()
  for (let i = 0; i < 20; i++) {
    const r = await putTracking()
    seen.add(r.status)
  }
  expect([...seen].sort()).toEqual([500, 503])
  expect(sb.getOrder(ORDER)!.packageAttachment.packages[0].courierStatus).toBeNull()
  sb.setFaults({ seed: 7, errorRate: 0 })
  expect((await putTracking()).status).toBe(200)
})

test('the same seed gives the same fault sequence', async () => {
  const run = async () => {
    sb.setFaults({ seed: 123, errorRate: 0.5 })
    const out: number[] = []
    for (let i = 0; i < 16; i++) out.push((await getOrder()).status)
    return out
  }
  const a = await run()
  const b = await run()
  expect(a).toEqual(b)
  expect(a).toContain(200)
  expect(a.some((s) => s >= 500)).toBe(true)
})

test('dropRate 1 destroys the socket without an answer', async () => {
  sb.setFaults({ dropRate: 1 })
  await expect(getOrder()).rejects.toThrow()
  const last = sb.journal().pop()!
  expect(last).toMatchObject({ status: 0, fault: 'drop' })
})

test('latency delays OMS answers', async () => {
  sb.setFaults({ latencyMs: { min: 150, max: 200 } })
  const t0 = Date.now()
  expect((await getOrder()).status).toBe(200)
  expect(Date.now() - t0).toBeGreaterThanOrEqual(140)
})

test('invalid fault config is rejected', () => {
  expect(() => sb.setFaults({ errorRate: 2 })).toThrow(/errorRate/)
})

describe('reads that lag writes (staleReadMs, staleReadShare)', () => {
  const eventsRead = async () => ((await getOrder()).json.packageAttachment.packages[0].courierStatus?.data ?? []).length
  const putEvents = (n: number) =>
    call(sb.port, {
      method: 'PUT', path: `/api/oms/pvt/orders/${ORDER}/invoice/${INVOICE}/tracking`, headers: ADMIN,
      body: trackingBody(Array.from({ length: n }, (_, i) => ({ city: 'Curitiba', state: 'PR', description: `e${i}`, date: '2024-02-10' }))),
    })

  test('a lagging read answers the order as it was, the journal says by how much; writes are kept', async () => {
    // Set through the control endpoint, like the other faults.
    expect((await call(sb.port, { method: 'PUT', path: '/_sandbox/faults', body: { seed: 5, staleReadMs: 400 } })).status).toBe(200)
    expect((await putEvents(1)).status).toBe(200)
    expect((await putEvents(2)).status).toBe(200)
    const seen: number[] = []
    for (let i = 0; i < 12; i++) seen.push(await eventsRead())
    // Right after the writes each read lags by a random 0–400 ms: some show the first or no write.
    expect(seen.every((n) => n === 0 || n === 1 || n === 2)).toBe(true)
    expect(seen.some((n) => n < 2)).toBe(true)
    const stale = sb.journal().filter((e) => e.method === 'GET' && e.staleByMs !== undefined)
    expect(stale.length).toBe(seen.filter((n) => n < 2).length)
    expect(stale.every((e) => e.staleByMs! >= 0 && e.staleByMs! <= 400)).toBe(true)
    // The store itself holds the last write; once the lag is over every read shows it.
    expect(sb.getOrder(ORDER)!.packageAttachment.packages[0].courierStatus!.data).toHaveLength(2)
    await new Promise((r) => setTimeout(r, 450))
    for (let i = 0; i < 5; i++) expect(await eventsRead()).toBe(2)
  })

  test('staleReadShare 0 reads fresh; the same seed lags the same reads', async () => {
    sb.setFaults({ staleReadMs: 10_000, staleReadShare: 0 })
    await putEvents(1)
    expect(await eventsRead()).toBe(1)
    const run = async () => {
      sb.reset()
      sb.setFaults({ seed: 9, staleReadMs: 10_000, staleReadShare: 0.5 })
      await putEvents(3)
      const out: number[] = []
      for (let i = 0; i < 16; i++) out.push(await eventsRead())
      return out
    }
    const a = await run()
    expect(await run()).toEqual(a)
    expect(a).toContain(0)
    expect(a).toContain(3)
  })

  test('staleReadShare out of range is refused', async () => {
    expect(() => sb.setFaults({ staleReadShare: 1.5 })).toThrow(/staleReadShare/)
    expect((await call(sb.port, { method: 'PUT', path: '/_sandbox/faults', body: { staleReadMs: -1 } })).status).toBe(400)
  })
})
