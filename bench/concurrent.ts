// (e) Many single MERGE calls to one invoice at once: 20 clients, each sending its calls one
// after another, all at the same invoice. Group commit should make a handful of PUTs of them;
// every event must be stored once.
import { addOrders, benchEvent, benchOrders, readOrderRaw, updateTrackingStatus } from './client'
import type { BenchSandbox } from './processes'
import { Distribution, distribution, round } from './stats'

export interface ConcurrentResult {
  calls: number
  clients: number
  failed: number
  durationMs: number
  latencyMs: Distribution
  /** PUTs, GETs the sandbox saw for the invoice's order (settle reads included). */
  omsPuts: number
  omsGets: number
  stored: number
  lost: number
  duplicated: number
}

export async function runConcurrent(
  serviceUrl: string,
  sandbox: BenchSandbox,
  options: { calls: number; clients: number; log: (line: string) => void }
): Promise<ConcurrentResult> {
  const [order] = benchOrders('EE', 1)
  await addOrders(sandbox.url, [order])
  const invoiceNumber = order.invoices[0].invoiceNumber
  await sandbox.clearJournal()
  const latencies: number[] = []
  let failed = 0
  let next = 0
  const started = Date.now()
  await Promise.all(
    Array.from({ length: options.clients }, async () => {
      while (next < options.calls) {
        const i = next++
        const t0 = Date.now()
        const answer = await updateTrackingStatus(serviceUrl, order.orderId, invoiceNumber, [benchEvent(`concurrent ${i}`, i)], 'MERGE')
        latencies.push(Date.now() - t0)
        if (answer.status !== 200 || JSON.parse(answer.text).errors) {
          failed++
          if (failed <= 3) options.log(`  (e) call ${i} failed: ${answer.status} ${answer.text.slice(0, 200)}`)
        }
      }
    })
  )
  const durationMs = Date.now() - started
  await new Promise(resolve => setTimeout(resolve, 1500)) // the settle read
  const journal = await sandbox.journalSummary()
  const raw = await readOrderRaw(sandbox.url, order.orderId)
  const descriptions = (raw.packageAttachment.packages[0].courierStatus?.data ?? []).map(entry => entry.description)
  let lost = 0
  let duplicated = 0
  for (let i = 0; i < options.calls; i++) {
    const copies = descriptions.filter(d => d === `concurrent ${i}`).length
    if (copies === 0) lost++
    if (copies > 1) duplicated += copies - 1
  }
  const d = distribution(latencies)
  return {
    calls: options.calls,
    clients: options.clients,
    failed,
    durationMs,
    latencyMs: { n: d.n, p50: d.p50, p90: d.p90, p99: d.p99, mean: round(d.mean, 1), max: d.max },
    omsPuts: journal.byGroup.EE?.omsPut ?? 0,
    omsGets: journal.byGroup.EE?.omsGet ?? 0,
    stored: descriptions.length,
    lost,
    duplicated,
  }
}
