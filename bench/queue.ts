// `npm run bench -- --only queue`: the tracking index at scale. Not a test: it prints a table
// and writes bench/queue-results.json (see bench/README.md).
//   1. backfill: 50,000 invoiced orders (one invoice each, spread over every problem) in the
//      OMS sandbox, limited to R OMS requests/s; rebuildTrackingIndex over them, timed, with
//      the OMS requests it made and the share of R it used;
//   2. trackingWorkQueue through the Service with those 50,000 documents: p50/p99 of the
//      first page, of a deep page (offset 5,000) and of the counts.
// The sandbox's Master Data answers searches from its indexes (dev/oms-sandbox/masterData).
import { writeFileSync } from 'fs'
import os from 'os'
import { join } from 'path'

import { ServiceProcess, startServiceProcess } from '../dev/io-runtime/serviceProcess'
import { queueSeed } from '../dev/oms-sandbox/seed'
import { graphql } from './client'
import { cpuSnapshot, cpuUse } from './cpu'
import { closeAgent, monotonicMs, request } from './http'
import { installMasterDataSchemas } from './masterDataSchemas'
import { BenchSandbox, startBenchSandbox } from './processes'
import { distribution, round, table } from './stats'

export interface QueueBenchOptions {
  quick: boolean
  /** The sandbox's OMS rate limit during the backfill, requests/s. */
  rate: number
  write: boolean
  log: (line: string) => void
}

const DAY = 86_400_000
const REBUILD = `mutation($from: String!, $to: String!) { rebuildTrackingIndex(invoicedFrom: $from, invoicedTo: $to) { ordersFound } }`
const PROGRESS = `{ trackingIndexRebuild { state ordersListed ordersIndexed ordersFailed ordersUnreachable invoicesWritten } }`
const QUEUE = `query($filter: TrackingWorkQueueFilter, $first: Int, $after: String) {
  trackingWorkQueue(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { orderId invoiceNumber status problems } }
}`
const COUNTS = `query($filter: TrackingWorkQueueFilter) { trackingWorkQueueCounts(filter: $filter) { problem count } }`

async function call(baseUrl: string, query: string, variables: Record<string, unknown> = {}) {
  const answer = await graphql(baseUrl, query, variables, 60_000)
  const body = JSON.parse(answer.text)
  if (answer.status !== 200 || body.errors) throw new Error(`GraphQL failed: ${answer.status} ${answer.text.slice(0, 300)}`)
  return body.data
}

async function timed(n: number, run: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < n; i++) {
    const t0 = monotonicMs()
    await run()
    times.push(monotonicMs() - t0)
  }
  return times
}

async function seed(sandbox: BenchSandbox, invoices: number, now: number, log: QueueBenchOptions['log']) {
  await installMasterDataSchemas(sandbox.url)
  const specs = queueSeed(now, invoices).map((spec, i) => ({ ...spec, orderId: `${1172460000000 + i}-01` }))
  for (let start = 0; start < specs.length; start += 2_000) {
    const answer = await request(`${sandbox.url}/_sandbox/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orders: specs.slice(start, start + 2_000) }),
      timeoutMs: 60_000,
    })
    if (answer.status !== 200) throw new Error(`seeding failed: ${answer.status} ${answer.text.slice(0, 200)}`)
  }
  log(`seeded ${specs.length} invoiced orders`)
}

export async function runQueueBench(options: QueueBenchOptions): Promise<void> {
  const { log } = options
  const invoices = options.quick ? 2_000 : 50_000
  const samples = options.quick ? 30 : 200
  const begun = Date.now()
  let sandbox: BenchSandbox | undefined
  let service: ServiceProcess | undefined
  const results: Record<string, unknown> = {
    machine: { cpuModel: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version, date: new Date().toISOString(), loadAverage1m: os.loadavg()[0] },
  }
  try {
    sandbox = await startBenchSandbox()
    service = await startServiceProcess(sandbox.url)
    const now = Date.now()
    await seed(sandbox, invoices, now, log)

    // 1. The backfill, under the rate limit.
    await request(`${sandbox.url}/_sandbox/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seed: 11, rateLimitPerSecond: options.rate, retryAfterSeconds: 1 }),
    })
    await sandbox.takeRecords()
    await sandbox.clearJournal()
    log(`\nrebuildTrackingIndex over ${invoices} invoices, OMS limited to ${options.rate} requests/s …`)
    const cpuBefore = cpuSnapshot(sandbox.pid, service.pid)
    const t0 = monotonicMs()
    const started = await call(service.baseUrl, REBUILD, { from: new Date(now - 30 * DAY).toISOString(), to: new Date(now).toISOString() })
    let progress: { state: string; ordersListed: number; ordersIndexed: number; ordersFailed: number; ordersUnreachable: number; invoicesWritten: number }
    for (let polls = 1; ; polls++) {
      await new Promise(resolve => setTimeout(resolve, 500))
      progress = (await call(service.baseUrl, PROGRESS)).trackingIndexRebuild
      if (progress.state !== 'RUNNING') break
      // The sandbox's in-memory journal would hold every request with its body: emptied
      // now and then so its memory stays flat (the counts below come from timing records).
      if (polls % 10 === 0) await sandbox.clearJournal()
    }
    const seconds = (monotonicMs() - t0) / 1000
    const cpu = cpuUse(cpuBefore, cpuSnapshot(sandbox.pid, service.pid), seconds * 1000, os.loadavg()[0])
    const records = await sandbox.takeRecords()
    const oms = records.filter(r => r[1].startsWith('/api/oms/'))
    const admitted = oms.filter(r => r[2] !== 429)
    const masterData = records.filter(r => r[1].startsWith('/api/dataentities/'))
    const omsRate = admitted.length / seconds
    // OMS requests admitted per full second of the rebuild (epoch seconds of arrival): where
    // the missing share went, paused seconds or seconds under the pace.
    const bySecond = new Map<number, number>()
    for (const r of admitted) bySecond.set(Math.floor(r[5] / 1000), (bySecond.get(Math.floor(r[5] / 1000)) ?? 0) + 1)
    const secondsSeen = [...bySecond.keys()].sort((a, b) => a - b).slice(1, -1)
    const perSecond = secondsSeen.map(sec => bySecond.get(sec) ?? 0)
    const full = perSecond.length ? distribution(perSecond) : null
    const underHalf = perSecond.filter(n => n < options.rate / 2).length
    const backfill = {
      invoices,
      ordersFound: started.rebuildTrackingIndex.ordersFound,
      ...progress,
      seconds: round(seconds, 1),
      omsRequests: admitted.length,
      omsListRequests: admitted.filter(r => r[1] === '/api/oms/pvt/orders').length,
      omsRateLimited429: oms.length - admitted.length,
      omsPerSecond: round(omsRate, 1),
      ofLimit: round(omsRate / options.rate, 3),
      masterDataRequests: masterData.length,
      ...(full ? { perSecond: { p10: perSecond.slice().sort((a, b) => a - b)[Math.floor(perSecond.length / 10)], p50: full.p50, max: full.max, seconds: perSecond.length, underHalfOfLimit: underHalf } } : {}),
      ...(cpu ? { cpu } : {}),
    }
    results.backfill = backfill
    log(table(['figure', 'value'], [
      ['orders found / listed / failed / unreachable', `${backfill.ordersFound} / ${progress.ordersListed} / ${progress.ordersFailed} / ${progress.ordersUnreachable}`],
      ['invoices written to the index', progress.invoicesWritten],
      ['wall time', `${backfill.seconds} s`],
      ['OMS requests (admitted): order reads + List orders pages', `${backfill.omsRequests} (${backfill.omsListRequests} list)`],
      ['429 answers', backfill.omsRateLimited429],
      ['achieved OMS rate', `${backfill.omsPerSecond} req/s = ${round(backfill.ofLimit * 100, 1)} % of ${options.rate} (target ≥ 90 %: ${backfill.ofLimit >= 0.9 ? 'met' : 'MISSED'})`],
      ['Master Data requests (one search per List page, one upsert per invoice)', backfill.masterDataRequests],
      ...(full
        ? [['OMS admitted per second: p10 / p50 / max; seconds under half of R', `${backfill.perSecond!.p10} / ${full.p50} / ${full.max}; ${underHalf} of ${perSecond.length}`]]
        : []),
      ...(cpu
        ? [['CPU: Service / sandbox (cores busy); Service runnable but waiting for a CPU; load', `${cpu.service.cores} / ${cpu.sandbox.cores}; ${cpu.serviceRunQueueWaitSeconds} s; ${cpu.loadAverage1m} on ${os.cpus().length} cores`]]
        : []),
    ]))

    // 2. The queue through the Service, with the index full (no OMS call on this path).
    await request(`${sandbox.url}/_sandbox/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' })
    const filter = { problems: ['NO_TRACKING_NUMBER', 'STALE', 'LATE'] }
    const first = await call(service.baseUrl, QUEUE, { filter, first: 50 })
    let cursor: string | null = null
    const deepOffset = Math.min(5_000, first.trackingWorkQueue.totalCount - 50)
    for (let offset = 0; offset < deepOffset; offset += 100) {
      cursor = (await call(service.baseUrl, QUEUE, { filter, first: 100, after: cursor })).trackingWorkQueue.pageInfo.endCursor
    }
    await timed(20, () => call(service!.baseUrl, QUEUE, { filter, first: 50 })) // warm-up
    const firstPage = distribution(await timed(samples, () => call(service!.baseUrl, QUEUE, { filter, first: 50 })))
    const deepPage = distribution(await timed(samples, () => call(service!.baseUrl, QUEUE, { filter, first: 50, after: cursor })))
    const counts = distribution(await timed(samples, () => call(service!.baseUrl, COUNTS, {})))
    const baseline = distribution(await timed(samples, () => call(service!.baseUrl, '{ trackingSettings { timeZone } }')))
    results.queue = { documents: invoices, matching: first.trackingWorkQueue.totalCount, deepOffset, firstPage, deepPage, counts, authOnlyBaseline: baseline }
    log(`\ntrackingWorkQueue through the Service, ${invoices} documents, ${first.trackingWorkQueue.totalCount} matching (NO_TRACKING_NUMBER, STALE or LATE):`)
    log(table(['call', 'n', 'p50 ms', 'p99 ms', 'mean ms'], [
      ['first page (50)', firstPage.n, firstPage.p50, firstPage.p99, firstPage.mean],
      [`deep page (50 at offset ${deepOffset})`, deepPage.n, deepPage.p50, deepPage.p99, deepPage.mean],
      ['trackingWorkQueueCounts (5 searches)', counts.n, counts.p50, counts.p99, counts.mean],
      ['baseline: trackingSettings (@auth + cached settings)', baseline.n, baseline.p50, baseline.p99, baseline.mean],
    ]))
  } finally {
    await service?.stop()
    await sandbox?.stop()
    closeAgent()
  }
  results.totalSeconds = round((Date.now() - begun) / 1000, 1)
  log(`\ntotal ${results.totalSeconds} s`)
  if (options.write && !options.quick) {
    writeFileSync(join(__dirname, 'queue-results.json'), JSON.stringify(results, null, 2) + '\n')
    log('written bench/queue-results.json')
  }
}
