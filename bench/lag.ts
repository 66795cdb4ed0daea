// (lag) `npm run bench -- --only lag`: OMS's order GET lagging its writes (the sandbox's
// staleReadMs: every GET answers the order as it was a random 0–L ms ago). For each L, 2,000
// single MERGEs: 50 clients, each feeding its own 4 invoices in turn (so an invoice's next
// update comes while reads may still show the list before its last one). Figures: success,
// lost, duplicated, CONFLICTs, OMS requests per update (settle reads included), extra GETs per
// update over the same feed at L = 0, latency.
import { addOrders, benchEvent, benchOrders, readOrderRaw, setFaults, updateTrackingStatus } from './client'
import type { BenchSandbox } from './processes'
import type { PartContext } from './run'
import { Distribution, distribution, round, table } from './stats'

export const LAGS_MS = [0, 250, 1000]

export interface LagRun {
  lagMs: number
  updates: number
  succeeded: number
  conflicts: number
  /** Error codes of the failed updates, CONFLICT included. */
  failures: Record<string, number>
  lost: number
  duplicated: number
  omsGets: number
  omsPuts: number
  omsRequestsPerUpdate: number
  getsPerUpdate: number
  /** GETs per update beyond the same feed's at lag 0. */
  extraGetsPerUpdate: number | null
  latencyMs: Distribution
  durationMs: number
}

export async function runLag(
  serviceUrl: string,
  sandbox: BenchSandbox,
  options: { updates: number; clients: number; invoicesPerClient: number; log: (line: string) => void }
): Promise<LagRun[]> {
  const runs: LagRun[] = []
  for (const lagMs of LAGS_MS) {
    const group = `LAG${lagMs}`
    const invoices = options.clients * options.invoicesPerClient
    const orders = benchOrders(group, invoices)
    await addOrders(sandbox.url, orders)
    await setFaults(sandbox.url, lagMs > 0 ? { seed: 14, staleReadMs: lagMs } : {})
    await sandbox.clearJournal()
    const latencies: number[] = []
    const failures: Record<string, number> = {}
    let next = 0
    const started = Date.now()
    await Promise.all(
      Array.from({ length: options.clients }, async (_, client) => {
        // Update k of this client goes to its invoice k mod invoicesPerClient.
        for (let k = 0; ; k++) {
          const i = next++
          if (i >= options.updates) return
          const order = orders[client * options.invoicesPerClient + (k % options.invoicesPerClient)]
          const t0 = Date.now()
          const answer = await updateTrackingStatus(serviceUrl, order.orderId, order.invoices[0].invoiceNumber, [benchEvent(`lag ${i}`, i)], 'MERGE')
          latencies.push(Date.now() - t0)
          const errors = answer.status === 200 ? JSON.parse(answer.text).errors : [{ extensions: { code: `HTTP ${answer.status}` } }]
          if (errors) {
            const code = String(errors[0]?.extensions?.code ?? 'unknown')
            failures[code] = (failures[code] ?? 0) + 1
          }
        }
      })
    )
    const durationMs = Date.now() - started
    // The settle checks: 500 ms of quiet plus twice the lag seen, then their reads (and restores).
    await new Promise(resolve => setTimeout(resolve, 1500 + 3 * lagMs))
    const journal = await sandbox.journalSummary()
    const counts = journal.byGroup[group] ?? {}
    let lost = 0
    let duplicated = 0
    const sent = new Map<string, number>()
    for (let i = 0; i < options.updates; i++) sent.set(`lag ${i}`, 0)
    for (const order of orders) {
      const raw = await readOrderRaw(sandbox.url, order.orderId)
      for (const entry of raw.packageAttachment.packages[0].courierStatus?.data ?? []) {
        if (sent.has(entry.description)) sent.set(entry.description, sent.get(entry.description)! + 1)
      }
    }
    sent.forEach(copies => {
      if (copies === 0) lost++
      if (copies > 1) duplicated += copies - 1
    })
    const omsGets = counts.omsGet ?? 0
    const omsPuts = counts.omsPut ?? 0
    const d = distribution(latencies)
    const failed = Object.values(failures).reduce((sum, n) => sum + n, 0)
    const run: LagRun = {
      lagMs,
      updates: options.updates,
      succeeded: options.updates - failed,
      conflicts: failures.CONFLICT ?? 0,
      failures,
      lost,
      duplicated,
      omsGets,
      omsPuts,
      omsRequestsPerUpdate: round((omsGets + omsPuts) / options.updates, 2),
      getsPerUpdate: round(omsGets / options.updates, 2),
      extraGetsPerUpdate: runs.length > 0 ? round((omsGets - runs[0].omsGets) / options.updates, 2) : null,
      latencyMs: { n: d.n, p50: d.p50, p90: d.p90, p99: d.p99, mean: round(d.mean, 1), max: d.max },
      durationMs,
    }
    runs.push(run)
    options.log(`  lag ${lagMs} ms: ${run.succeeded}/${run.updates} ok in ${round(durationMs / 1000, 1)} s`)
  }
  await setFaults(sandbox.url, {})
  return runs
}

export function printLag(runs: LagRun[], log: (line: string) => void): void {
  log(
    table(
      ['read lag', 'ok', 'lost', 'duplicated', 'CONFLICT', 'other errors', 'OMS requests / update', 'GETs / update', 'extra GETs / update', 'p50 / p99 ms', 'wall'],
      runs.map(run => [
        `0–${run.lagMs} ms`,
        `${round((100 * run.succeeded) / run.updates, 2)} %`,
        run.lost,
        run.duplicated,
        run.conflicts,
        run.updates - run.succeeded - run.conflicts,
        run.omsRequestsPerUpdate,
        run.getsPerUpdate,
        run.extraGetsPerUpdate === null ? '(base)' : run.extraGetsPerUpdate,
        `${run.latencyMs.p50} / ${run.latencyMs.p99}`,
        `${round(run.durationMs / 1000, 1)} s`,
      ])
    )
  )
}

/** The part as bench/run.ts runs it: figures beside the targets. */
export async function partLag(ctx: PartContext): Promise<LagRun[]> {
  const scaled = (n: number) => (ctx.args.quick ? Math.max(1, Math.round(n / 10)) : n)
  const runs = await ctx.measured(async () => ({
    runs: await runLag(ctx.service.baseUrl, ctx.sandbox, { updates: scaled(2000), clients: 50, invoicesPerClient: 4, log: ctx.log }),
  }))
  printLag(runs.runs, ctx.log)
  for (const run of runs.runs) {
    const name = `(lag) reads 0–${run.lagMs} ms behind`
    ctx.verdict(`${name}: ok / lost / duplicated / CONFLICT`, `${round((100 * run.succeeded) / run.updates, 2)} % / ${run.lost} / ${run.duplicated} / ${run.conflicts}`, '100 % / 0 / 0 / 0', run.succeeded === run.updates && run.lost === 0 && run.duplicated === 0 && run.conflicts === 0)
    if (run.lagMs === 250 && run.extraGetsPerUpdate !== null) {
      ctx.verdict(`${name}: extra GETs per update`, String(run.extraGetsPerUpdate), '≤ 1', run.extraGetsPerUpdate <= 1)
    }
  }
  return runs.runs
}
