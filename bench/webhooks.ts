// `npm run bench -- --only webhooks`: signed AfterShip webhooks through the real runtime's
// public route, with the sandbox's OMS limited to R requests/s. Not a test: it prints a
// table and writes bench/webhooks-results.json.
//   1. sustained: N tracking numbers, each sent K webhooks in order (AfterShip resends the
//      whole checkpoint list, one more checkpoint each time), C senders at once; webhooks/s,
//      p50/p99 time to answer, and the sender's retries of 503/429 (Retry-After honoured);
//   2. burst: 20 webhooks for one tracking number at once, each with a different prefix of
//      its 20 checkpoints (redeliveries and reordering, as a platform's retries produce);
//   then every invoice read back from OMS: events lost or duplicated, expected 0 and 0.
import { createHmac } from 'crypto'
import { writeFileSync } from 'fs'
import os from 'os'
import { join } from 'path'

import { publicRouteId } from '../dev/io-runtime/publicRoute'
import { ServiceProcess, startServiceProcess } from '../dev/io-runtime/serviceProcess'
import { LOCAL_WEBHOOK_SECRET } from '../dev/oms-sandbox'
import { graphql } from './client'
import { closeAgent, monotonicMs, request } from './http'
import { installMasterDataSchemas } from './masterDataSchemas'
import { BenchSandbox, startBenchSandbox } from './processes'
import { distribution, round, table } from './stats'

export interface WebhooksBenchOptions {
  quick: boolean
  rate: number
  write: boolean
  log: (line: string) => void
}

const PATH = '/_v/order-tracking/webhooks/aftership'
const HOUR = 3_600_000

const spTime = (ms: number) => `${new Date(ms - 3 * HOUR).toISOString().slice(0, 19)}-03:00`

function body(trackingNumber: string, orderId: string, checkpoints: number, base: number) {
  return JSON.stringify({
    event: 'tracking_update',
    msg: {
      tracking_number: trackingNumber,
      slug: 'correios',
      tag: 'InTransit',
      order_id: orderId,
      checkpoints: Array.from({ length: checkpoints }, (_, i) => ({
        checkpoint_time: spTime(base + i * 60_000),
        city: 'Curitiba',
        state: 'PR',
        message: `Checkpoint ${i + 1} of ${trackingNumber}`,
        tag: 'InTransit',
      })),
    },
  })
}

interface Sent {
  ms: number
  status: number
  retries: number
}

/** One webhook as a sender delivers it: retried on 5xx and 429 after Retry-After (at most 1 s here). */
async function deliver(serviceUrl: string, routeId: string, raw: string): Promise<Sent> {
  const signature = createHmac('sha256', LOCAL_WEBHOOK_SECRET).update(raw).digest('base64')
  const t0 = monotonicMs()
  for (let retries = 0; ; retries++) {
    const answer = await request(`${serviceUrl}${PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'aftership-hmac-sha256': signature,
        'x-colossus-route-id': routeId,
        'x-vtex-account': 'localstore',
        'x-vtex-workspace': 'master',
        'x-vtex-credential': 'local-app-token',
      },
      body: raw,
      timeoutMs: 60_000,
    })
    if (answer.status < 500 && answer.status !== 429) return { ms: monotonicMs() - t0, status: answer.status, retries }
    if (retries >= 20) return { ms: monotonicMs() - t0, status: answer.status, retries }
    await new Promise(resolve => setTimeout(resolve, 200 + Math.random() * 800))
  }
}

async function pool<T>(tasks: Array<() => Promise<T>>, concurrency: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length)
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tasks.length) {
        const i = next++
        results[i] = await tasks[i]()
      }
    })
  )
  return results
}

export async function runWebhooksBench(options: WebhooksBenchOptions): Promise<void> {
  const { log } = options
  const numbers = options.quick ? 10 : 60
  const perNumber = options.quick ? 3 : 5
  const concurrency = 16
  const routeId = publicRouteId(PATH)
  if (!routeId) throw new Error('no public route for the AfterShip webhook')
  let sandbox: BenchSandbox | undefined
  let service: ServiceProcess | undefined
  try {
    sandbox = await startBenchSandbox()
    service = await startServiceProcess(sandbox.url)
    const now = Date.now()
    const base = now - 10 * HOUR
    await installMasterDataSchemas(sandbox.url)
    const orders = Array.from({ length: numbers + 1 }, (_, i) => ({
      orderId: `${1172470000000 + i}-01`,
      invoicedAt: new Date(now - 2 * HOUR).toISOString(),
      creationDate: new Date(now - 3 * HOUR).toISOString(),
      invoices: [{ invoiceNumber: String(70000 + i), trackingNumber: `WH${String(100000000 + i)}BR`, courier: 'Correios' }],
    }))
    const seeded = await request(`${sandbox.url}/_sandbox/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ orders }) })
    if (seeded.status !== 200) throw new Error(`seeding failed: ${seeded.status}`)
    // The tracking index knows the numbers (what the invoiced events do in IO).
    const rebuild = await graphql(service.baseUrl, `mutation($f: String!, $t: String!) { rebuildTrackingIndex(invoicedFrom: $f, invoicedTo: $t) { state } }`, {
      f: new Date(now - 4 * HOUR).toISOString(),
      t: new Date(now).toISOString(),
    })
    if (rebuild.status !== 200) throw new Error(`rebuild failed: ${rebuild.text.slice(0, 200)}`)
    for (;;) {
      await new Promise(resolve => setTimeout(resolve, 300))
      const p = JSON.parse((await graphql(service.baseUrl, `{ trackingIndexRebuild { state } }`, {})).text)
      if (p.data?.trackingIndexRebuild?.state !== 'RUNNING') break
    }
    await request(`${sandbox.url}/_sandbox/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seed: 12, rateLimitPerSecond: options.rate, retryAfterSeconds: 1 }),
    })
    await sandbox.takeRecords()

    // 1. Sustained: each number's webhooks in order, numbers in parallel.
    log(`\nsustained: ${numbers} tracking numbers × ${perNumber} webhooks, ${concurrency} senders, OMS limited to ${options.rate} requests/s …`)
    const perNumberTasks = orders.slice(0, numbers).map((order, i) => async () => {
      const sent: Sent[] = []
      for (let k = 1; k <= perNumber; k++) sent.push(await deliver(service!.baseUrl, routeId, body(order.invoices[0].trackingNumber, order.orderId, k, base + i)))
      return sent
    })
    const t0 = monotonicMs()
    const sustained = (await pool(perNumberTasks, concurrency)).flat()
    const sustainedSeconds = (monotonicMs() - t0) / 1000
    const omsRecords = (await sandbox.takeRecords()).filter(r => r[1].startsWith('/api/oms/'))

    // 2. Burst: 20 webhooks for one number at once, prefixes of its 20 checkpoints.
    const burstOrder = orders[numbers]
    log('burst: 20 webhooks for one tracking number at once …')
    const prefixes = Array.from({ length: 20 }, (_, i) => i + 1).sort(() => Math.random() - 0.5)
    const b0 = monotonicMs()
    const burst = await Promise.all(prefixes.map(k => deliver(service!.baseUrl, routeId, body(burstOrder.invoices[0].trackingNumber, burstOrder.orderId, k, base))))
    const burstSeconds = (monotonicMs() - b0) / 1000

    // Every invoice read back from OMS (faults off): lost and duplicated events.
    await request(`${sandbox.url}/_sandbox/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' })
    let lost = 0
    let duplicated = 0
    for (const [i, order] of orders.entries()) {
      const expected = i === numbers ? 20 : perNumber
      const answer = await request(`${sandbox.url}/api/oms/pvt/orders/${order.orderId}`, { headers: { VtexIdclientAutCookie: 'local-app-token' } })
      const data: Array<{ description: string }> = JSON.parse(answer.text).packageAttachment.packages[0].courierStatus?.data ?? []
      const distinct = new Set(data.map(e => e.description))
      lost += expected - distinct.size
      duplicated += data.length - distinct.size
    }

    const all = [...sustained, ...burst]
    const d = distribution(sustained.map(s => s.ms))
    const bd = distribution(burst.map(s => s.ms))
    const statuses = (list: Sent[]) => Object.entries(list.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s.status]: (acc[s.status] ?? 0) + 1 }), {})).map(([k, v]) => `${k}×${v}`).join(' ')
    log(table(
      ['part', 'webhooks', 'per second', 'p50 ms', 'p99 ms', 'sender retries', 'final statuses'],
      [
        ['sustained', sustained.length, round(sustained.length / sustainedSeconds, 1), round(d.p50, 1), round(d.p99, 1), sustained.reduce((n, s) => n + s.retries, 0), statuses(sustained)],
        ['burst (one number)', burst.length, round(burst.length / burstSeconds, 1), round(bd.p50, 1), round(bd.p99, 1), burst.reduce((n, s) => n + s.retries, 0), statuses(burst)],
      ]
    ))
    const omsAdmitted = omsRecords.filter(r => r[2] !== 429).length
    log(`OMS during the sustained part: ${omsRecords.length} requests, ${omsAdmitted} admitted (${round(omsAdmitted / sustainedSeconds, 1)}/s of ${options.rate}/s)`)
    log(`events lost: ${lost}, duplicated: ${duplicated} (over ${numbers * perNumber + 20} distinct checkpoints)`)
    if (options.write && !options.quick) {
      writeFileSync(
        join(__dirname, 'webhooks-results.json'),
        JSON.stringify(
          {
            machine: { cpuModel: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version, date: new Date().toISOString() },
            rate: options.rate,
            sustained: { webhooks: sustained.length, perSecond: round(sustained.length / sustainedSeconds, 1), p50: round(d.p50, 1), p99: round(d.p99, 1), retries: sustained.reduce((n, s) => n + s.retries, 0) },
            burst: { webhooks: burst.length, p50: round(bd.p50, 1), p99: round(bd.p99, 1), retries: burst.reduce((n, s) => n + s.retries, 0) },
            lost,
            duplicated,
            allAnswered2xx: all.every(s => s.status >= 200 && s.status < 300),
          },
          null,
          2
        ) + '\n'
      )
    }
  } finally {
    closeAgent()
    await service?.stop()
    await sandbox?.stop()
  }
}
