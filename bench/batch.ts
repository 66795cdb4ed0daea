// (b), (b2), (c) and (d): many MERGE updates (one event each) through updateTrackingStatuses,
// in chunks, a few chunks in flight per Service, against a sandbox with faults (a rate limit,
// or errors and dropped sockets); then every invoice is read back and compared with what was
// sent.
import { BenchEvent, addOrders, benchEvent, benchOrders, readOrderRaw, setFaults, updateTrackingStatuses } from './client'
import { JournalSummary } from './journalSummary'
import type { BenchSandbox } from './processes'
import type { TimingRecord } from './sandboxChild'
import { Distribution, distribution, percentile, round } from './stats'

export interface BatchOptions {
  /** Order-id prefix (also the journal group). */
  group: string
  orders: number
  invoicesPerOrder: number
  updatesPerInvoice: number
  /**
   * grouped: an invoice's updates are adjacent (as carrier exports are), so a chunk carries
   * several updates per invoice; spread: round k sends event #k to every invoice, so a chunk
   * never holds an invoice twice.
   */
  shape: 'grouped' | 'spread'
  chunkSize: number
  /** Per Service. */
  chunksInFlight: number
  faults: Record<string, unknown>
  /** No new chunk starts after this long. */
  deadlineMs: number
  chunkTimeoutMs: number
  log: (line: string) => void
}

interface Update {
  orderId: string
  invoiceNumber: string
  input: { isDelivered: boolean; events: BenchEvent[] }
}

export interface BatchResult {
  config: Omit<BatchOptions, 'log'>
  services: number
  updates: { planned: number; sent: number; succeeded: number; failed: number; failuresByCode: Record<string, number> }
  durationMs: number
  /** Events (one per update) sent ÷ batch wall time. */
  eventsPerSecond: number
  /** Every OMS request the sandbox saw for this part (429s and the settle reads after the batch included) ÷ events sent. */
  omsRequestsPerEvent: number
  /** 429 answers ÷ all OMS answers. */
  rateLimitedShare: number
  chunkLatencyMs: Distribution
  readBack: {
    invoices: number
    /** Reported ok, yet its event is not on the invoice. */
    lost: number
    /** An event stored more than once (extra copies counted). */
    duplicated: number
    /** Reported failed and indeed not stored: the caller knows and can send it again. */
    failedNotStored: number
    /** Reported failed but stored anyway (a retry would be merged away, harmless). */
    failedButStored: number
    /** Stored events the bench never sent. */
    unexpected: number
  }
  oms: {
    /** OMS requests the sandbox answered with something other than 429 (any fault or status), during the batch. */
    admittedDuringBatch: number
    admittedTotal: number
    rateLimited429: number
    /** Per one-second window (the sandbox's own windows), admitted OMS requests; full seconds of the batch only. */
    perSecond?: { windows: number; min: number; p50: number; max: number; windowsAtLeast90PctOfLimit: number }
    /** Mean admitted requests in a window that follows a window with 429s, and one that follows a window without. */
    afterRateLimitedWindow?: { afterLimited: number; limitedWindows: number; afterClean: number; cleanWindows: number }
    /** Per sandbox window over the batch: [admitted, 429]. */
    timeline?: Array<[number, number]>
    achievedPerSecond: number
    /** achievedPerSecond ÷ the rate limit, when there is one. */
    ofLimit?: number
    outcomes: Record<string, number>
  }
  journal: JournalSummary
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

async function inParallel<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await work(items[next++])
    })
  )
}

/** Chunk i goes to Service i mod n; each Service has its own chunks in flight. */
export async function runBatch(serviceUrls: string[], sandbox: BenchSandbox, options: BatchOptions): Promise<BatchResult> {
  const { log, ...config } = options
  const orders = benchOrders(options.group, options.orders, options.invoicesPerOrder)
  await addOrders(sandbox.url, orders)
  const invoices = orders.flatMap(order => order.invoices.map(invoice => ({ orderId: order.orderId, invoiceNumber: invoice.invoiceNumber })))
  // Each event is distinct (its description names it), so a loss or a duplicate shows on read-back.
  const updates: Update[] = []
  const add = (orderId: string, invoiceNumber: string, k: number) =>
    updates.push({ orderId, invoiceNumber, input: { isDelivered: false, events: [benchEvent(`bench ${invoiceNumber} #${k}`, k * 60)] } })
  if (options.shape === 'grouped') {
    for (const { orderId, invoiceNumber } of invoices) for (let k = 0; k < options.updatesPerInvoice; k++) add(orderId, invoiceNumber, k)
  } else {
    for (let k = 0; k < options.updatesPerInvoice; k++) for (const { orderId, invoiceNumber } of invoices) add(orderId, invoiceNumber, k)
  }
  const chunks: number[] = []
  for (let start = 0; start < updates.length; start += options.chunkSize) chunks.push(start)

  await sandbox.takeRecords()
  await sandbox.clearJournal()
  await setFaults(sandbox.url, options.faults)

  const outcome: Array<{ ok: boolean; code?: string } | undefined> = new Array(updates.length)
  const chunkLatency: number[] = []
  const started = Date.now()
  let done = 0
  const perService = serviceUrls.map((_, n) => chunks.filter((_, i) => i % serviceUrls.length === n))
  await Promise.all(perService.map((own, n) => inParallel(own, options.chunksInFlight, async start => {
    if (Date.now() - started > options.deadlineMs) return
    const slice = updates.slice(start, start + options.chunkSize)
    const t0 = Date.now()
    let codes: Array<{ ok: boolean; code?: string }>
    try {
      const answer = await updateTrackingStatuses(serviceUrls[n], slice, options.chunkTimeoutMs)
      const body = JSON.parse(answer.text)
      const payload = body?.data?.updateTrackingStatuses
      if (answer.status !== 200 || !payload) {
        const code = body?.errors?.[0]?.extensions?.code ?? `HTTP ${answer.status}`
        codes = slice.map(() => ({ ok: false, code: `whole chunk: ${code}` }))
      } else {
        codes = slice.map((_, i) => {
          const result = payload.results[i]
          return result?.ok ? { ok: true } : { ok: false, code: result?.error?.code ?? 'NO_RESULT' }
        })
      }
    } catch (error) {
      codes = slice.map(() => ({ ok: false, code: `whole chunk: ${(error as Error).message.slice(0, 80)}` }))
    }
    chunkLatency.push(Date.now() - t0)
    codes.forEach((c, i) => (outcome[start + i] = c))
    done++
    if (done % 10 === 0) log(`  ${options.group}: ${done}/${chunks.length} chunks, ${((Date.now() - started) / 1000).toFixed(1)} s`)
  })))
  const batchEnd = Date.now()

  // The settle checks (500 ms after an order's last write) still read, and may write: wait until the
  // sandbox has seen no new request for a while, bounded.
  let lastCount = -1
  for (let waited = 0; waited < 30_000; waited += 1000) {
    await sleep(1000)
    const count = (await sandbox.journalSummary()).entries
    if (count === lastCount) break
    lastCount = count
  }
  await setFaults(sandbox.url, {})
  const journal = await sandbox.journalSummary()
  const records: TimingRecord[] = await sandbox.takeRecords()

  // Read every invoice back and compare with what was sent.
  const stored = new Map<string, string[]>()
  await inParallel(orders, 8, async order => {
    const raw = await readOrderRaw(sandbox.url, order.orderId)
    for (const pkg of raw.packageAttachment.packages) {
      stored.set(`${order.orderId}/${pkg.invoiceNumber}`, (pkg.courierStatus?.data ?? []).map(entry => entry.description))
    }
  })
  const sentDescriptions = new Set(updates.map(u => u.input.events[0].description))
  let lost = 0
  let duplicated = 0
  let failedNotStored = 0
  let failedButStored = 0
  let unexpected = 0
  const failuresByCode: Record<string, number> = {}
  updates.forEach((update, i) => {
    const result = outcome[i]
    if (!result) return // not sent (deadline)
    const list = stored.get(`${update.orderId}/${update.invoiceNumber}`) ?? []
    const copies = list.filter(d => d === update.input.events[0].description).length
    if (copies > 1) duplicated += copies - 1
    if (result.ok && copies === 0) lost++
    if (!result.ok) {
      failuresByCode[result.code ?? '?'] = (failuresByCode[result.code ?? '?'] ?? 0) + 1
      if (copies === 0) failedNotStored++
      else failedButStored++
    }
  })
  for (const list of stored.values()) for (const d of list) if (!sentDescriptions.has(d)) unexpected++
  const sent = outcome.filter(Boolean).length
  const succeeded = outcome.filter(o => o?.ok).length

  // OMS traffic as the sandbox saw it. A 429 is "not admitted"; everything else (2xx, an
  // injected 5xx, a dropped socket) passed the rate limit.
  const oms = records.filter(r => r[1].includes('/api/oms/'))
  const admitted = oms.filter(r => r[2] !== 429)
  const firstOms = oms.reduce((min, r) => Math.min(min, r[5]), oms.length ? Infinity : started)
  const inBatch = admitted.filter(r => r[5] <= batchEnd)
  const batchSeconds = Math.max(0.001, (batchEnd - firstOms) / 1000)
  const achievedPerSecond = inBatch.length / batchSeconds
  const limit = typeof options.faults.rateLimitPerSecond === 'number' ? (options.faults.rateLimitPerSecond as number) : undefined
  let perSecond: BatchResult['oms']['perSecond']
  let afterRateLimitedWindow: BatchResult['oms']['afterRateLimitedWindow']
  let timeline: BatchResult['oms']['timeline']
  const firstFull = Math.floor(firstOms / 1000) + 1
  const lastFull = Math.floor(batchEnd / 1000) - 1
  if (lastFull >= firstFull) {
    const bins = new Array(lastFull - firstFull + 1).fill(0)
    for (const r of admitted) {
      const second = Math.floor(r[5] / 1000)
      if (second >= firstFull && second <= lastFull) bins[second - firstFull]++
    }
    const rejected = new Array(bins.length).fill(0)
    for (const r of oms) {
      const second = Math.floor(r[5] / 1000)
      if (r[2] === 429 && second >= firstFull && second <= lastFull) rejected[second - firstFull]++
    }
    timeline = bins.map((b, i) => [b, rejected[i]])
    const after = { limited: [] as number[], clean: [] as number[] }
    for (let i = 1; i < bins.length; i++) (rejected[i - 1] > 0 ? after.limited : after.clean).push(bins[i])
    const mean = (v: number[]) => (v.length ? round(v.reduce((s, x) => s + x, 0) / v.length, 1) : 0)
    if (rejected.some(x => x > 0)) {
      afterRateLimitedWindow = { afterLimited: mean(after.limited), limitedWindows: after.limited.length, afterClean: mean(after.clean), cleanWindows: after.clean.length }
    }
    const sortedBins = [...bins].sort((a, b) => a - b)
    perSecond = {
      windows: bins.length,
      min: sortedBins[0],
      p50: percentile(sortedBins, 50),
      max: sortedBins[sortedBins.length - 1],
      windowsAtLeast90PctOfLimit: limit ? bins.filter(b => b >= 0.9 * limit).length : 0,
    }
  }
  const outcomes: Record<string, number> = {}
  for (const r of oms) outcomes[String(r[2])] = (outcomes[String(r[2])] ?? 0) + 1

  const durationMs = batchEnd - started
  return {
    config,
    services: serviceUrls.length,
    updates: { planned: updates.length, sent, succeeded, failed: sent - succeeded, failuresByCode },
    durationMs,
    eventsPerSecond: round(sent / Math.max(0.001, durationMs / 1000), 1),
    omsRequestsPerEvent: round(oms.length / (sent || 1), 3),
    rateLimitedShare: round((oms.length - admitted.length) / (oms.length || 1), 4),
    chunkLatencyMs: (() => {
      const d = distribution(chunkLatency)
      return { n: d.n, p50: d.p50, p90: d.p90, p99: d.p99, mean: round(d.mean, 1), max: d.max }
    })(),
    readBack: { invoices: stored.size, lost, duplicated, failedNotStored, failedButStored, unexpected },
    oms: {
      admittedDuringBatch: inBatch.length,
      admittedTotal: admitted.length,
      rateLimited429: oms.length - admitted.length,
      perSecond,
      afterRateLimitedWindow,
      timeline,
      achievedPerSecond: round(achievedPerSecond, 1),
      ...(limit ? { ofLimit: round(achievedPerSecond / limit, 3) } : {}),
      outcomes,
    },
    journal,
  }
}
