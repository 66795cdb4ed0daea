// `npm run bench`: the write path's figures, each printed beside its target (see
// bench/README.md for what each one means). Not a test: it prints tables and writes
// bench/results.json; a missed target is reported, never an exit code.
//
//   npm run bench                      every default part (a, b, b2, c, d, e), about 2-3 minutes on 2 cores
//   npm run bench -- --only b,e        some parts (names from PARTS below; comma-separated)
//   npm run bench -- --quick           a tenth of the counts, to try the bench itself (results.json untouched)
//   npm run bench -- --rate 400        the sandbox's OMS rate limit R for (b), (b2) and (d), requests/s
//   npm run bench -- --only queue      the tracking index at scale, on its own (bench/queue.ts)
//   npm run bench -- --only webhooks   signed webhooks under OMS's rate limit (bench/webhooks.ts)
//   npm run bench -- --no-write        print only
//   npm run bench -- --profile         also a V8 CPU profile of the Service (node --cpu-prof),
//                                      kept in bench/tmp/ and summarized at the end
//   npm run bench -- --only abuse      query shapes that cost validation (bench/abuse.ts); only on request
//   npm run bench -- --only lag        OMS reads lagging writes (bench/lag.ts); only on request
//
// Processes: the OMS sandbox (bench/sandboxChild.ts, memory only), the Service (one real
// @vtex/api worker serving node/ compiled by tsc, plus the bench-only floor field,
// bench/benchService.ts; part (d) starts three fresh ones) and this one, the client.
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs'
import os from 'os'
import { join } from 'path'

import { printAbuse, runAbuse } from './abuse'
import { BatchOptions, BatchResult, runBatch } from './batch'
import { BenchService, buildBenchService, startBenchService } from './benchService'
import { addOrders, benchEvent, benchOrders, updateTrackingStatus } from './client'
import { partLag } from './lag'
import { ConcurrentResult, runConcurrent } from './concurrent'
import { runQueueBench } from './queue'
import { runWebhooksBench } from './webhooks'
import { CpuUse, cpuSnapshot, cpuUse } from './cpu'
import { closeAgent } from './http'
import { PeakMemory, sampleMemory } from './memory'
import { installMasterDataSchemas } from './masterDataSchemas'
import { BenchSandbox, startBenchSandbox } from './processes'
import { summarizeProfile } from './profile'
import { SingleResult, runSingle } from './single'
import { round, table } from './stats'

interface Args {
  only: Set<string>
  quick: boolean
  rate: number
  write: boolean
  profile: boolean
}

/** What a part gets: the running stack, the arguments, and where to print. */
export interface PartContext {
  args: Args
  sandbox: BenchSandbox
  service: BenchService
  /** The compiled Service's folder, for parts that start more Service processes. */
  serviceDir: string
  log: (line: string) => void
  /** Runs `run`, then prints the CPU each process used meanwhile. */
  measured<T extends object>(run: () => Promise<T>): Promise<T & { cpu?: CpuUse }>
  /** Adds a row to the closing summary: figure, measured, target, met. */
  verdict(figure: string, measured: string, target: string, met: boolean): void
}

interface Part {
  title: string
  /** Part of a plain `npm run bench` (and of results.json). */
  default: boolean
  /** Its figures go into results.json under this key. */
  run(context: PartContext): Promise<unknown>
}

// Every part the bench knows. Another part (a scenario of its own) is one more entry here.
const PARTS: Record<string, Part> = {
  a: { title: '(a) single update: app overhead over the runtime floor and the direct OMS calls', default: true, run: partA },
  b: { title: '(b) grouped feed: 5 events per invoice, grouped by invoice, OMS limited to R', default: true, run: partB },
  b2: { title: "(b2) today's shape: one event per invoice per chunk, OMS limited to R", default: true, run: partB2 },
  c: { title: '(c) 20 % injected faults', default: true, run: partC },
  d: { title: '(d) three Service processes sharing one OMS limit R', default: true, run: partD },
  e: { title: '(e) 200 concurrent single MERGEs to one invoice from 20 clients', default: true, run: partE },
  abuse: { title: '(abuse) query shapes without a token (issue 9)', default: false, run: partAbuse },
  lag: { title: '(lag) 2,000 MERGEs with OMS reads lagging 0, 250 and 1,000 ms', default: false, run: partLag },
}
const DEFAULT_PARTS = Object.keys(PARTS).filter(name => PARTS[name].default)

// Scenarios that bring their own stack and run alone (`--only <name>`).
const STANDALONE: Record<string, (args: Args) => Promise<void>> = {
  queue: args => runQueueBench({ quick: args.quick, rate: args.rate, write: args.write, log }),
  webhooks: args => runWebhooksBench({ quick: args.quick, rate: args.rate, write: args.write, log }),
}

// The figures of the issue that set these targets ("The write path at volume").
const TARGETS = {
  appOverheadMs: 1,
  eventsPerSecondBefore: 92.6,
  eventsPerSecondFactor: 4,
  omsRequestsPerEvent: 0.8,
  shareOfLimit: 0.9,
  rateLimitedShare: 0.02,
  putsForConcurrent: 20,
  peakRssMb: 200,
}

function parseArgs(argv: string[]): Args {
  const args: Args = { only: new Set(DEFAULT_PARTS), quick: false, rate: 400, write: true, profile: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--only') args.only = new Set((argv[++i] ?? '').split(',').map(s => s.trim()).filter(Boolean))
    else if (a === '--quick') args.quick = true
    else if (a === '--rate') args.rate = Number(argv[++i])
    else if (a === '--no-write') args.write = false
    else if (a === '--profile') args.profile = true
    else throw new Error(`unknown argument ${a} (see the top of bench/run.ts)`)
  }
  const unknown = [...args.only].filter(name => !PARTS[name] && !STANDALONE[name])
  if (unknown.length) throw new Error(`unknown part ${unknown.join(', ')}; parts: ${[...Object.keys(PARTS), ...Object.keys(STANDALONE)].join(', ')}`)
  if (!Number.isFinite(args.rate) || args.rate < 10) throw new Error('--rate must be a number >= 10')
  return args
}

const log = (line: string) => process.stdout.write(`${line}\n`)
const ms = (v: number) => `${round(v, 2)} ms`
const met = (ok: boolean) => (ok ? 'met' : 'MISSED')
const pct = (share: number) => `${round(share * 100, 1)} %`
const scaled = (args: Args, n: number) => (args.quick ? Math.max(1, Math.round(n / 10)) : n)

function machine() {
  const cpus = os.cpus()
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    date: new Date().toISOString(),
  }
}

// ---------------------------------------------------------------------------------------
// (a)

async function partA(ctx: PartContext): Promise<SingleResult> {
  const a = await ctx.measured(() =>
    runSingle(ctx.service.baseUrl, ctx.sandbox, {
      calls: scaled(ctx.args, 1000),
      warmup: scaled(ctx.args, 200),
      maxMs: 150_000,
      log: ctx.log,
    })
  )
  const rows: Array<[keyof SingleResult['latencyMs'], string]> = [
    ['floor', 'Service benchFloor (bench-only: @auth, calls nothing)'],
    ['serviceReplace', 'Service updateTrackingStatus REPLACE'],
    ['directPut', 'direct PUT to the sandbox'],
    ['serviceMerge', 'Service updateTrackingStatus MERGE'],
    ['directGetPutGet', 'direct GET + PUT + GET to the sandbox'],
  ]
  log(table(
    ['call', 'n', 'p50 ms', 'p90 ms', 'p99 ms', 'mean ms', 'upstream requests per call (journal)'],
    rows.map(([kind, label]) => {
      const d = a.latencyMs[kind]
      const parts = Object.entries(a.upstreamPerCall[kind]).filter(([k]) => k !== 'auth').map(([k, v]) => `${k} ${v}`)
      return [label, d.n, d.p50, d.p90, d.p99, d.mean, parts.join(', ')]
    })
  ))
  log(table(
    ['app overhead = Service − floor − direct', 'p50', 'p99', `target p50 ≤ ${TARGETS.appOverheadMs} ms`],
    [
      ['REPLACE', ms(a.appOverheadMs.replace.p50), ms(a.appOverheadMs.replace.p99), met(a.appOverheadMs.replace.p50 <= TARGETS.appOverheadMs)],
      ['MERGE', ms(a.appOverheadMs.merge.p50), ms(a.appOverheadMs.merge.p99), met(a.appOverheadMs.merge.p50 <= TARGETS.appOverheadMs)],
    ]
  ))
  for (const kind of ['floor', 'serviceReplace', 'serviceMerge'] as const) {
    const b = a.breakdown[kind]
    if (!b) continue
    log(`\nwhere the time of one ${kind} goes (sandbox-side timestamps; ${b.calls} of ${a.latencyMs[kind].n} calls had this sequence: ${b.sequence.join(' → ')})`)
    log(table(['segment', 'mean ms', 'p50 ms'], b.segments.map(s => [s.name, s.mean, s.p50])))
  }
  if (a.errors) log(`errors: ${a.errors}`)
  if (a.truncated) log('TRUNCATED: the time bound stopped the measurement early')
  const oms = (kind: 'serviceReplace' | 'serviceMerge') => {
    const u = a.upstreamPerCall[kind]
    return (u.omsGet ?? 0) + (u.omsPut ?? 0)
  }
  ctx.verdict('(a) REPLACE app overhead p50', ms(a.appOverheadMs.replace.p50), `≤ ${TARGETS.appOverheadMs} ms`, a.appOverheadMs.replace.p50 <= TARGETS.appOverheadMs)
  ctx.verdict('(a) MERGE app overhead p50', ms(a.appOverheadMs.merge.p50), `≤ ${TARGETS.appOverheadMs} ms`, a.appOverheadMs.merge.p50 <= TARGETS.appOverheadMs)
  ctx.verdict('(a) OMS requests per REPLACE', String(oms('serviceReplace')), '1', oms('serviceReplace') === 1)
  ctx.verdict('(a) OMS requests per MERGE (read, PUT, verify; + settle read)', String(oms('serviceMerge')), '3 + 1 settle read', oms('serviceMerge') <= 4)
  return a
}

// ---------------------------------------------------------------------------------------
// (b), (b2), (c), (d): batches

type BatchRun = BatchResult & { cpu?: CpuUse; memory?: PeakMemory }

async function batch(ctx: PartContext, services: BenchService[], options: Omit<BatchOptions, 'log'>): Promise<BatchRun> {
  const memory = sampleMemory(services.map(s => s.pid))
  const result = await ctx.measured(() => runBatch(services.map(s => s.baseUrl), ctx.sandbox, { ...options, log: ctx.log }))
  const peak = memory.stop()
  return { ...result, ...(peak ? { memory: peak } : {}) }
}

function printBatch(r: BatchRun, rate?: number): void {
  const rows: Array<Array<string | number>> = [
    ['Service processes', r.services],
    ['updates (one event each) sent / planned', `${r.updates.sent} / ${r.updates.planned}`],
    ['succeeded / failed', `${r.updates.succeeded} / ${r.updates.failed}`],
    ['batch wall time', `${round(r.durationMs / 1000, 1)} s`],
    ['events per second', r.eventsPerSecond],
    ['OMS requests per event (429s and settle reads included)', r.omsRequestsPerEvent],
    ['chunk latency p50 / p99', `${r.chunkLatencyMs.p50} / ${r.chunkLatencyMs.p99} ms`],
    ['achieved OMS rate (admitted, during the batch)', `${r.oms.achievedPerSecond} req/s`],
  ]
  if (rate) {
    rows.push(['achieved ÷ limit R', `${pct(r.oms.ofLimit ?? 0)} of ${rate}`])
    if (r.oms.perSecond) rows.push(['per 1-s window (full seconds): min / p50 / max', `${r.oms.perSecond.min} / ${r.oms.perSecond.p50} / ${r.oms.perSecond.max} (${r.oms.perSecond.windowsAtLeast90PctOfLimit} of ${r.oms.perSecond.windows} windows ≥ 90 % of R)`])
    rows.push(['429 answers (share of OMS answers)', `${r.oms.rateLimited429} (${pct(r.rateLimitedShare)})`])
    if (r.oms.timeline) rows.push(['admitted per second (429s), second by second', r.oms.timeline.map(([a, l]) => (l ? `${a}(${l})` : String(a))).join(' ')])
  }
  rows.push(['OMS answers by status (0 = dropped socket)', Object.entries(r.oms.outcomes).map(([k, v]) => `${k}: ${v}`).join(', ')])
  rows.push(['journal: requests by kind', Object.entries(r.journal.byKind).filter(([, v]) => v).map(([k, v]) => `${k} ${v}`).join(', ')])
  rows.push(['invoices read back', r.readBack.invoices])
  rows.push(['events lost (reported ok, not stored) / duplicated', `${r.readBack.lost} / ${r.readBack.duplicated}`])
  rows.push(['failed and not stored / failed but stored / unexpected', `${r.readBack.failedNotStored} / ${r.readBack.failedButStored} / ${r.readBack.unexpected}`])
  if (r.memory) rows.push(['Service peak RSS, sampled (VmHWM since start)', r.memory.peakRssMb.map((mb, i) => `${mb} MB (${r.memory!.highWaterMb[i]} MB)`).join(', ')])
  if (r.cpu) rows.push(['Service CPU per event', `${round((r.cpu.service.seconds * 1000) / (r.updates.sent || 1), 2)} ms (main Service busy ${r.cpu.service.cores} cores)`])
  if (r.updates.failed) rows.push(['failures by code', Object.entries(r.updates.failuresByCode).map(([k, v]) => `${k}: ${v}`).join(', ')])
  log(table(['figure', 'value'], rows))
}

const lossless = (ctx: PartContext, part: string, r: BatchRun) => {
  ctx.verdict(`${part} events lost / duplicated`, `${r.readBack.lost} / ${r.readBack.duplicated}`, '0 / 0', r.readBack.lost === 0 && r.readBack.duplicated === 0)
}
const peakRss = (ctx: PartContext, part: string, r: BatchRun) => {
  if (!r.memory) return
  const peak = Math.max(...r.memory.peakRssMb)
  ctx.verdict(`${part} Service peak RSS`, `${peak} MB`, `≤ ${TARGETS.peakRssMb} MB`, peak <= TARGETS.peakRssMb)
}

async function partB(ctx: PartContext): Promise<BatchRun> {
  const r = await batch(ctx, [ctx.service], {
    group: 'BB',
    orders: scaled(ctx.args, 1000),
    invoicesPerOrder: 2,
    updatesPerInvoice: 5,
    shape: 'grouped',
    chunkSize: 200,
    chunksInFlight: 3,
    faults: { seed: 7, rateLimitPerSecond: ctx.args.rate, retryAfterSeconds: 1 },
    deadlineMs: 180_000,
    chunkTimeoutMs: 120_000,
  })
  printBatch(r, ctx.args.rate)
  const target = TARGETS.eventsPerSecondBefore * TARGETS.eventsPerSecondFactor
  ctx.verdict('(b) events per second', String(r.eventsPerSecond), `≥ ${round(target, 1)} (4 × ${TARGETS.eventsPerSecondBefore})`, r.eventsPerSecond >= target)
  ctx.verdict('(b) OMS requests per event', String(r.omsRequestsPerEvent), `≤ ${TARGETS.omsRequestsPerEvent}`, r.omsRequestsPerEvent <= TARGETS.omsRequestsPerEvent)
  lossless(ctx, '(b)', r)
  peakRss(ctx, '(b)', r)
  return r
}

async function partB2(ctx: PartContext): Promise<BatchRun> {
  const r = await batch(ctx, [ctx.service], {
    group: 'BS',
    orders: scaled(ctx.args, 1000),
    invoicesPerOrder: 2,
    updatesPerInvoice: 2,
    shape: 'spread',
    chunkSize: 200,
    chunksInFlight: 3,
    faults: { seed: 8, rateLimitPerSecond: ctx.args.rate, retryAfterSeconds: 1 },
    deadlineMs: 120_000,
    chunkTimeoutMs: 120_000,
  })
  printBatch(r, ctx.args.rate)
  ctx.verdict('(b2) achieved ÷ R', pct(r.oms.ofLimit ?? 0), `≥ ${pct(TARGETS.shareOfLimit)}`, (r.oms.ofLimit ?? 0) >= TARGETS.shareOfLimit)
  lossless(ctx, '(b2)', r)
  return r
}

async function partC(ctx: PartContext): Promise<BatchRun> {
  const r = await batch(ctx, [ctx.service], {
    group: 'CC',
    orders: scaled(ctx.args, 500),
    invoicesPerOrder: 2,
    updatesPerInvoice: 5,
    shape: 'spread',
    chunkSize: 200,
    chunksInFlight: 3,
    // dropRate is drawn first, errorRate on what is left: 0.08 + 0.92 × 0.13 ≈ 0.20.
    faults: { seed: 42, dropRate: 0.08, errorRate: 0.13, latencyMs: { min: 0, max: 5 } },
    deadlineMs: 150_000,
    chunkTimeoutMs: 120_000,
  })
  printBatch(r)
  const faulty = Object.entries(r.oms.outcomes).filter(([k]) => k === '0' || k.startsWith('5')).reduce((s, [, v]) => s + v, 0) / (r.oms.admittedTotal || 1)
  log(`injected fault share seen: ${pct(faulty)} of OMS requests`)
  ctx.verdict('(c) success with 20 % faults', `${r.updates.succeeded} / ${r.updates.sent}`, '100 %', r.updates.failed === 0 && r.updates.sent > 0)
  lossless(ctx, '(c)', r)
  return r
}

async function partD(ctx: PartContext): Promise<BatchRun> {
  // Three fresh replicas: the bench's own Service has learned a pace alone in (b) to (c), and
  // a replica that learned the whole limit alone is another scenario (see the README).
  const replicas = await Promise.all([0, 1, 2].map(() => startBenchService(ctx.serviceDir, ctx.sandbox.url)))
  try {
    const r = await batch(ctx, replicas, {
      group: 'DD',
      orders: scaled(ctx.args, 1200),
      invoicesPerOrder: 2,
      updatesPerInvoice: 2,
      shape: 'spread',
      chunkSize: 200,
      chunksInFlight: 3,
      faults: { seed: 9, rateLimitPerSecond: ctx.args.rate, retryAfterSeconds: 1 },
      deadlineMs: 150_000,
      chunkTimeoutMs: 120_000,
    })
    printBatch(r, ctx.args.rate)
    ctx.verdict('(d) aggregate achieved ÷ R', pct(r.oms.ofLimit ?? 0), `≥ ${pct(TARGETS.shareOfLimit)}`, (r.oms.ofLimit ?? 0) >= TARGETS.shareOfLimit)
    ctx.verdict('(d) 429 answers ÷ OMS answers', pct(r.rateLimitedShare), `≤ ${pct(TARGETS.rateLimitedShare)}`, r.rateLimitedShare <= TARGETS.rateLimitedShare)
    lossless(ctx, '(d)', r)
    peakRss(ctx, '(d)', r)
    return r
  } finally {
    await Promise.all(replicas.map(replica => replica.stop()))
  }
}

// ---------------------------------------------------------------------------------------
// (e)

async function partE(ctx: PartContext): Promise<ConcurrentResult> {
  const e = await ctx.measured(() => runConcurrent(ctx.service.baseUrl, ctx.sandbox, { calls: 200, clients: 20, log: ctx.log }))
  log(table(['figure', 'value'], [
    ['calls / clients / failed', `${e.calls} / ${e.clients} / ${e.failed}`],
    ['wall time', `${round(e.durationMs / 1000, 2)} s`],
    ['call latency p50 / p99', `${e.latencyMs.p50} / ${e.latencyMs.p99} ms`],
    ['OMS PUTs / GETs (settle read included)', `${e.omsPuts} / ${e.omsGets}`],
    ['events stored / lost / duplicated', `${e.stored} / ${e.lost} / ${e.duplicated}`],
  ]))
  ctx.verdict('(e) PUTs for 200 concurrent MERGEs', String(e.omsPuts), `≤ ${TARGETS.putsForConcurrent}`, e.omsPuts <= TARGETS.putsForConcurrent)
  ctx.verdict('(e) every event kept once', `${e.lost} lost / ${e.duplicated} duplicated / ${e.failed} failed`, '0 / 0 / 0', e.lost === 0 && e.duplicated === 0 && e.failed === 0)
  return e
}

// ---------------------------------------------------------------------------------------
// (abuse): only with `--only abuse`, not part of the default run.

async function partAbuse(ctx: PartContext) {
  const abuse = await runAbuse(ctx.service.baseUrl, { sandbox: ctx.sandbox.pid, service: ctx.service.pid }, 'SMOKE-0', ctx.log)
  printAbuse(abuse, ctx.log)
  return abuse
}

// ---------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  const standalone = [...args.only].find(name => STANDALONE[name])
  if (standalone) return STANDALONE[standalone](args)
  const info = machine()
  log(`bench: ${info.cpuModel}, ${info.cores} cores, node ${info.node}, ${info.date}${args.quick ? ' (quick)' : ''}`)
  const begun = Date.now()
  let sandbox: BenchSandbox | undefined
  let service: BenchService | undefined
  let profileDir: string | undefined
  let serviceDir: string | undefined
  const verdicts: Array<[string, string, string, string]> = []
  const results: Record<string, unknown> = {
    machine: info,
    settleCheckMs: Number(process.env.ORDER_TRACKING_SETTLE_CHECK_MS ?? 500),
    rateLimit: args.rate,
  }
  try {
    sandbox = await startBenchSandbox()
    await installMasterDataSchemas(sandbox.url)
    if (args.profile) {
      profileDir = join(__dirname, 'tmp', `profile-${Date.now()}`)
      mkdirSync(profileDir, { recursive: true })
    }
    log('compiling node/ for the bench Service …')
    serviceDir = buildBenchService()
    service = await startBenchService(serviceDir, sandbox.url, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : undefined)
    log(`sandbox ${sandbox.url}, service ${service.baseUrl}`)
    // One call end to end before measuring anything: the stack answers and authorizes.
    await addOrders(sandbox.url, benchOrders('SMOKE', 1))
    const smoke = await updateTrackingStatus(service.baseUrl, 'SMOKE-0', 'SMOKE-0-0', [benchEvent('smoke', 0)], 'MERGE')
    if (smoke.status !== 200 || JSON.parse(smoke.text).errors) throw new Error(`smoke call failed: ${smoke.status} ${smoke.text.slice(0, 300)}`)

    const sb = sandbox
    const svc = service
    const built = serviceDir
    const context: PartContext = {
      args,
      sandbox: sb,
      service: svc,
      serviceDir: built,
      log,
      async measured(run) {
        const before = cpuSnapshot(sb.pid, svc.pid)
        const t0 = Date.now()
        const result = await run()
        const cpu = cpuUse(before, cpuSnapshot(sb.pid, svc.pid), Date.now() - t0, os.loadavg()[0])
        if (cpu) log(`CPU during this part: service ${cpu.service.seconds} s (${cpu.service.cores} cores; runnable but waiting for a CPU ${cpu.serviceRunQueueWaitSeconds} s), sandbox ${cpu.sandbox.seconds} s (${cpu.sandbox.cores}), bench client ${cpu.client.seconds} s (${cpu.client.cores}); 1-min load average ${cpu.loadAverage1m} on ${os.cpus().length} cores`)
        return { ...result, ...(cpu ? { cpu } : {}) }
      },
      verdict: (figure, measured, target, ok) => verdicts.push([figure, measured, target, met(ok)]),
    }
    for (const [name, part] of Object.entries(PARTS)) {
      if (!args.only.has(name)) continue
      log(`\n## ${part.title}`)
      results[name] = await part.run(context)
    }
  } finally {
    await service?.stop()
    await sandbox?.stop()
    closeAgent()
    if (serviceDir) rmSync(serviceDir, { recursive: true, force: true })
  }
  if (profileDir) {
    const dir = profileDir
    const files = readdirSync(dir).filter(f => f.endsWith('.cpuprofile')).map(f => join(dir, f))
    const biggest = files.sort((x, y) => statSync(y).size - statSync(x).size)[0]
    if (biggest) {
      const summary = summarizeProfile(biggest)
      results.serviceProfile = summary
      log(`\n## Service CPU profile (${summary.totalMs} ms of samples; the file is in bench/tmp/)`)
      log(table(['package', 'self ms', 'share'], summary.byPackage.map(p => [p.name, p.ms, `${round(p.share * 100, 1)} %`])))
      log(table(['function', 'self ms', 'share'], summary.topFunctions.map(p => [p.name, p.ms, `${round(p.share * 100, 1)} %`])))
    } else log('no CPU profile was written')
  }
  results.verdicts = verdicts.map(([figure, measured, target, verdict]) => ({ figure, measured, target, verdict }))
  results.totalSeconds = round((Date.now() - begun) / 1000, 1)
  if (verdicts.length > 0) {
    log('\n## Summary')
    log(table(['figure', 'measured', 'target', ''], verdicts))
  }
  log(`\ntotal bench time ${results.totalSeconds} s`)
  const everyDefault = DEFAULT_PARTS.every(part => args.only.has(part))
  if (args.write && !args.quick && !args.profile && everyDefault) {
    writeFileSync(join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n')
    log('written bench/results.json')
  }
}

main().catch(error => {
  process.stderr.write(`bench: ${(error as Error).stack ?? error}\n`)
  process.exitCode = 1
})
