// (a) Single-update overhead: one GraphQL call through the Service against (1) the runtime
// floor, a bench-only root field that calls nothing under the same @auth (benchService.ts),
// and (2) the OMS requests the mode needs sent straight to the sandbox; sequential,
// interleaved call by call so that drift (JIT, GC, the Service's settle checks) lands on every
// kind alike. App overhead = Service p50 − floor p50 − direct p50.
import {
  BenchEvent,
  addOrders,
  benchEvent,
  benchFloor,
  benchOrders,
  directGetPutGet,
  directPut,
  updateTrackingStatus,
} from './client'
import { HttpAnswer, monotonicMs } from './http'
import { JournalSummary, UpstreamKind, upstreamKind } from './journalSummary'
import type { BenchSandbox } from './processes'
import type { TimingRecord } from './sandboxChild'
import { Distribution, distribution, round } from './stats'

export type SingleKind = 'floor' | 'serviceReplace' | 'directPut' | 'serviceMerge' | 'directGetPutGet'

interface Sample {
  kind: SingleKind
  orderId: string
  t0: number
  t1: number
}

export interface Segment {
  name: string
  mean: number
  p50: number
}

export interface Breakdown {
  /** The upstream calls one call made, in order, as the sandbox saw them. */
  sequence: string[]
  /** Calls whose upstream sequence was exactly this one (retries or oddities are left out). */
  calls: number
  segments: Segment[]
  /** From @auth's VTEX ID call arriving to the first OMS GET arriving: what @auth costs. */
  authWindow?: { mean: number; p50: number }
}

export interface SingleResult {
  calls: number
  warmup: number
  truncated: boolean
  errors: number
  latencyMs: Record<SingleKind, Distribution>
  /** Service p50 − floor p50 − direct p50 (target ≤ 1 ms); the same with p99 for reference. */
  appOverheadMs: {
    replace: { p50: number; p99: number }
    merge: { p50: number; p99: number }
  }
  /** Upstream requests per call, from the sandbox journal of the measured calls. */
  upstreamPerCall: Record<SingleKind, Partial<Record<UpstreamKind | 'auth', number>>>
  breakdown: Partial<Record<SingleKind, Breakdown>>
  journal: JournalSummary
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

const LABELS: Record<UpstreamKind, string> = {
  vtexid: 'VTEX ID',
  licenseManager: 'License Manager',
  omsGet: 'OMS GET',
  omsPut: 'OMS PUT',
  omsPatch: 'OMS PATCH',
  other: 'other',
}

function breakdown(samples: Sample[], records: TimingRecord[]): Breakdown | undefined {
  if (samples.length === 0) return undefined
  const sorted = [...records].sort((a, b) => a[3] - b[3])
  // Records are sorted by arrival; each sample's window is found by binary search.
  const firstAtOrAfter = (t: number) => {
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid][3] < t) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  const bySignature = new Map<string, Array<{ sample: Sample; calls: TimingRecord[] }>>()
  for (const sample of samples) {
    const own: TimingRecord[] = []
    const orderPath = `/orders/${sample.orderId}`
    for (let i = firstAtOrAfter(sample.t0); i < sorted.length && sorted[i][3] <= sample.t1; i++) {
      const [method, path] = sorted[i]
      const kind = upstreamKind(method, path)
      const mine = kind === 'vtexid' || kind === 'licenseManager' || path.endsWith(orderPath) || path.includes(`${orderPath}/`)
      if (mine) own.push(sorted[i])
    }
    const labels: string[] = []
    own.forEach(([method, path]) => {
      const label = LABELS[upstreamKind(method, path)]
      labels.push(label === 'OMS GET' && labels.includes('OMS PUT') ? 'OMS verify GET' : label)
    })
    const signature = labels.join(' → ')
    if (!bySignature.has(signature)) bySignature.set(signature, [])
    bySignature.get(signature)!.push({ sample, calls: own })
  }
  const [signature, group] = [...bySignature.entries()].sort((a, b) => b[1].length - a[1].length)[0]
  const sequence = signature ? signature.split(' → ') : []
  const segmentValues = new Map<string, number[]>()
  const add = (name: string, value: number) => {
    if (!segmentValues.has(name)) segmentValues.set(name, [])
    segmentValues.get(name)!.push(value)
  }
  const authWindow: number[] = []
  for (const { sample, calls } of group) {
    if (calls.length === 0) {
      add('whole call (no upstream request)', sample.t1 - sample.t0)
      continue
    }
    add(`client → ${sequence[0]} arrives`, calls[0][3] - sample.t0)
    calls.forEach((record, k) => {
      if (k > 0) add(`${sequence[k - 1]} answered → ${sequence[k]} arrives`, record[3] - calls[k - 1][4])
      add(`${sequence[k]} in sandbox`, record[4] - record[3])
    })
    add(`${sequence[calls.length - 1]} answered → client has the answer`, sample.t1 - calls[calls.length - 1][4])
    const vtexid = sequence.indexOf('VTEX ID')
    const firstOms = sequence.findIndex(label => label.startsWith('OMS'))
    if (vtexid >= 0 && firstOms > vtexid) authWindow.push(calls[firstOms][3] - calls[vtexid][3])
  }
  const segments = [...segmentValues.entries()].map(([name, values]) => {
    const d = distribution(values)
    return { name, mean: round(d.mean, 3), p50: round(d.p50, 3) }
  })
  const auth = authWindow.length ? distribution(authWindow) : undefined
  return {
    sequence,
    calls: group.length,
    segments,
    ...(auth ? { authWindow: { mean: round(auth.mean, 3), p50: round(auth.p50, 3) } } : {}),
  }
}

export async function runSingle(
  serviceUrl: string,
  sandbox: BenchSandbox,
  options: { calls: number; warmup: number; maxMs: number; log: (line: string) => void }
): Promise<SingleResult> {
  const total = options.warmup + options.calls
  await addOrders(sandbox.url, [
    ...benchOrders('AR', 1),
    ...benchOrders('AD', 1),
    ...benchOrders('AM', total),
    ...benchOrders('AG', total),
  ])
  // The floor's own order group: its @auth calls are the only upstream requests it makes.
  // REPLACE: the same one-event list every time, to the same invoice (the Service) or its twin (direct).
  const replaceEvents: BenchEvent[] = [benchEvent('bench single replace', 0)]
  // MERGE: one new event to a fresh invoice each time, so every call reads and writes the same amount.
  const mergeEvents = (i: number) => [benchEvent(`bench single merge ${i}`, i)]
  const calls: Record<SingleKind, (i: number) => { orderId: string; run: () => Promise<HttpAnswer> }> = {
    floor: () => ({ orderId: '-', run: () => benchFloor(serviceUrl) }),
    serviceReplace: () => ({ orderId: 'AR-0', run: () => updateTrackingStatus(serviceUrl, 'AR-0', 'AR-0-0', replaceEvents, 'REPLACE') }),
    directPut: () => ({ orderId: 'AD-0', run: () => directPut(sandbox.url, 'AD-0', 'AD-0-0', replaceEvents) }),
    serviceMerge: i => ({ orderId: `AM-${i}`, run: () => updateTrackingStatus(serviceUrl, `AM-${i}`, `AM-${i}-0`, mergeEvents(i), 'MERGE') }),
    directGetPutGet: i => ({ orderId: `AG-${i}`, run: () => directGetPutGet(sandbox.url, `AG-${i}`, `AG-${i}-0`, mergeEvents(i)) }),
  }
  const kinds = Object.keys(calls) as SingleKind[]
  const samples: Sample[] = []
  let errors = 0
  let truncated = false
  const started = Date.now()
  for (let i = 0; i < total; i++) {
    if (i === options.warmup) {
      // Let the warm-up's settle checks (500 ms after each MERGE) pass, then start counting.
      await sleep(1200)
      await sandbox.takeRecords()
      await sandbox.clearJournal()
      options.log(`  (a) warm-up done (${options.warmup} × ${kinds.length} calls), measuring ${options.calls} × ${kinds.length}`)
    }
    if (Date.now() - started > options.maxMs) {
      truncated = true
      break
    }
    for (const kind of kinds) {
      const call = calls[kind](i)
      const t0 = monotonicMs()
      const answer = await call.run()
      const t1 = monotonicMs()
      const failed = answer.status !== 200 || (kind.startsWith('service') && JSON.parse(answer.text).errors)
      if (failed) {
        errors++
        if (errors <= 3) options.log(`  (a) ${kind} #${i} failed: ${answer.status} ${answer.text.slice(0, 300)}`)
      }
      if (i >= options.warmup) samples.push({ kind, orderId: call.orderId, t0, t1 })
    }
  }
  await sleep(1500) // the last settle checks
  const journal = await sandbox.journalSummary()
  const records = await sandbox.takeRecords()

  const latencyMs = {} as Record<SingleKind, Distribution>
  for (const kind of kinds) {
    const d = distribution(samples.filter(s => s.kind === kind).map(s => s.t1 - s.t0))
    latencyMs[kind] = { n: d.n, p50: round(d.p50, 3), p90: round(d.p90, 3), p99: round(d.p99, 3), mean: round(d.mean, 3), max: round(d.max, 3) }
  }
  const measured = samples.length / kinds.length
  const serviceCalls = measured * 3
  const per = (count: number | undefined, n: number) => round((count ?? 0) / (n || 1), 3)
  const g = journal.byGroup
  const auth = (g.auth?.vtexid ?? 0) + (g.auth?.licenseManager ?? 0)
  const upstreamPerCall: SingleResult['upstreamPerCall'] = {
    // @auth's calls carry no order id; the three Service kinds make them, the direct kinds never do.
    floor: { auth: per(auth, serviceCalls), vtexid: per(g.auth?.vtexid, serviceCalls), licenseManager: per(g.auth?.licenseManager, serviceCalls) },
    serviceReplace: { auth: per(auth, serviceCalls), vtexid: per(g.auth?.vtexid, serviceCalls), licenseManager: per(g.auth?.licenseManager, serviceCalls), omsGet: per(g.AR?.omsGet, measured), omsPut: per(g.AR?.omsPut, measured) },
    directPut: { omsGet: per(g.AD?.omsGet, measured), omsPut: per(g.AD?.omsPut, measured) },
    serviceMerge: { auth: per(auth, serviceCalls), vtexid: per(g.auth?.vtexid, serviceCalls), licenseManager: per(g.auth?.licenseManager, serviceCalls), omsGet: per(g.AM?.omsGet, measured), omsPut: per(g.AM?.omsPut, measured) },
    directGetPutGet: { omsGet: per(g.AG?.omsGet, measured), omsPut: per(g.AG?.omsPut, measured) },
  }
  const breakdownByKind: SingleResult['breakdown'] = {}
  for (const kind of kinds) breakdownByKind[kind] = breakdown(samples.filter(s => s.kind === kind), records)
  return {
    calls: measured,
    warmup: options.warmup,
    truncated,
    errors,
    latencyMs,
    appOverheadMs: {
      replace: {
        p50: round(latencyMs.serviceReplace.p50 - latencyMs.floor.p50 - latencyMs.directPut.p50, 3),
        p99: round(latencyMs.serviceReplace.p99 - latencyMs.floor.p99 - latencyMs.directPut.p99, 3),
      },
      merge: {
        p50: round(latencyMs.serviceMerge.p50 - latencyMs.floor.p50 - latencyMs.directGetPutGet.p50, 3),
        p99: round(latencyMs.serviceMerge.p99 - latencyMs.floor.p99 - latencyMs.directGetPutGet.p99, 3),
      },
    },
    upstreamPerCall,
    breakdown: breakdownByKind,
    journal,
  }
}
