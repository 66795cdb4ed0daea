// `npm run bench`: figures for "Bulk updates that lose nothing" (item 6). Not a test: it
// prints a table and writes bench/results.json; see bench/README.md for what each figure means.
//
//   npm run bench                      all three parts, about 4-5 minutes on 2 cores
//   npm run bench -- --only a          one part (a, b or c; comma-separated)
//   npm run bench -- --only queue      the tracking index at scale, on its own (bench/queue.ts)
//   npm run bench -- --only webhooks   signed webhooks under OMS's rate limit (bench/webhooks.ts)
//   npm run bench -- --quick           small counts, to try the bench itself (results.json untouched)
//   npm run bench -- --rate 400        the sandbox's rate limit for (b), requests/s on /api/oms/
//   npm run bench -- --no-write        print only
//   npm run bench -- --profile         also a V8 CPU profile of the Service (node --cpu-prof),
//                                      kept in bench/tmp/ and summarized at the end
//   npm run bench -- --only abuse      query shapes that cost validation (bench/abuse.ts); only on request
//
// Three processes: the OMS sandbox (bench/sandboxChild.ts, memory only), the Service (one real
// @vtex/api worker, dev/io-runtime/worker.ts) and this one, the client.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'fs'
import os from 'os'
import { join } from 'path'

import { ServiceProcess, startServiceProcess } from '../dev/io-runtime/serviceProcess'
import { printAbuse, runAbuse } from './abuse'
import { BatchResult, runBatch } from './batch'
import { updateTrackingStatus, addOrders, benchEvent, benchOrders } from './client'
import { runQueueBench } from './queue'
import { runWebhooksBench } from './webhooks'
import { CpuUse, cpuSnapshot, cpuUse } from './cpu'
import { closeAgent } from './http'
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

function parseArgs(argv: string[]): Args {
  const args: Args = { only: new Set(['a', 'b', 'c']), quick: false, rate: 400, write: true, profile: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--only') args.only = new Set((argv[++i] ?? '').split(',').map(s => s.trim()).filter(Boolean))
    else if (a === '--quick') args.quick = true
    else if (a === '--rate') args.rate = Number(argv[++i])
    else if (a === '--no-write') args.write = false
    else if (a === '--profile') args.profile = true
    else throw new Error(`unknown argument ${a} (see the top of bench/run.ts)`)
  }
  if (!Number.isFinite(args.rate) || args.rate < 10) throw new Error('--rate must be a number >= 10')
  return args
}

const log = (line: string) => process.stdout.write(`${line}\n`)
const ms = (v: number) => `${round(v, 2)} ms`
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED')

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

function printSingle(a: SingleResult): void {
  log('\n## (a) Single-update overhead: sequential, after warm-up, interleaved call by call')
  log(table(
    ['call', 'n', 'p50 ms', 'p90 ms', 'p99 ms', 'mean ms', 'upstream requests per call (journal)'],
    ([
      ['serviceReplace', 'Service updateTrackingStatus REPLACE'],
      ['directPut', 'direct PUT to the sandbox'],
      ['serviceMerge', 'Service updateTrackingStatus MERGE'],
      ['directGetPut', 'direct GET + PUT to the sandbox'],
    ] as const).map(([kind, label]) => {
      const d = a.latencyMs[kind]
      const u = a.upstreamPerCall[kind]
      const parts = Object.entries(u).filter(([k]) => k !== 'auth').map(([k, v]) => `${k} ${v}`)
      return [label, d.n, d.p50, d.p90, d.p99, d.mean, parts.join(', ')]
    })
  ))
  log(table(
    ['overhead (service − direct)', 'p50', 'p99', 'target p50 ≤ 2 ms'],
    [
      ['REPLACE vs direct PUT', ms(a.overheadMs.replaceVsPut.p50), ms(a.overheadMs.replaceVsPut.p99), verdict(a.overheadMs.replaceVsPut.p50 <= 2)],
      ['MERGE vs direct GET+PUT', ms(a.overheadMs.mergeVsGetPut.p50), ms(a.overheadMs.mergeVsGetPut.p99), verdict(a.overheadMs.mergeVsGetPut.p50 <= 2)],
    ]
  ))
  for (const kind of ['serviceReplace', 'serviceMerge'] as const) {
    const b = a.breakdown[kind]
    if (!b) continue
    log(`\nwhere the time of one ${kind} goes (sandbox-side timestamps; ${b.calls} of ${a.latencyMs[kind].n} calls had this sequence: ${b.sequence.join(' → ')})`)
    log(table(['segment', 'mean ms', 'p50 ms'], b.segments.map(s => [s.name, s.mean, s.p50])))
    if (b.authWindow) log(`@auth window (VTEX ID arrives → first OMS GET arrives): mean ${ms(b.authWindow.mean)}, p50 ${ms(b.authWindow.p50)}`)
  }
  if (a.errors) log(`errors: ${a.errors}`)
  if (a.truncated) log('TRUNCATED: the time bound stopped the measurement early')
}

function printBatch(title: string, r: BatchResult & { cpu?: CpuUse }, target: { rate?: number }): void {
  log(`\n## ${title}`)
  const rows: Array<Array<string | number>> = [
    ['updates sent / planned', `${r.updates.sent} / ${r.updates.planned}`],
    ['succeeded / failed', `${r.updates.succeeded} / ${r.updates.failed}`],
    ['batch wall time', `${round(r.durationMs / 1000, 1)} s`],
    ['chunk latency p50 / p99', `${r.chunkLatencyMs.p50} / ${r.chunkLatencyMs.p99} ms`],
    ['OMS requests admitted (non-429) during the batch', r.oms.admittedDuringBatch],
    ['achieved OMS rate', `${r.oms.achievedPerSecond} req/s`],
  ]
  if (target.rate) {
    rows.push(['achieved ÷ limit R', `${round((r.oms.ofLimit ?? 0) * 100, 1)} % of ${target.rate} (target ≥ 90 %: ${verdict((r.oms.ofLimit ?? 0) >= 0.9)})`])
    if (r.oms.perSecond) rows.push(['per 1-s window (full seconds): min / p50 / max', `${r.oms.perSecond.min} / ${r.oms.perSecond.p50} / ${r.oms.perSecond.max} (${r.oms.perSecond.windowsAtLeast90PctOfLimit} of ${r.oms.perSecond.windows} windows ≥ 90 % of R)`])
    rows.push(['429 answers', r.oms.rateLimited429])
    const t = r.oms.afterRateLimitedWindow
    if (t) rows.push(['admitted per window: after a window with 429s / after one without', `${t.afterLimited} (${t.limitedWindows} windows) / ${t.afterClean} (${t.cleanWindows} windows)`])
  }
  rows.push(['OMS answers by status (0 = dropped socket)', Object.entries(r.oms.outcomes).map(([k, v]) => `${k}: ${v}`).join(', ')])
  rows.push(['journal: requests by kind', Object.entries(r.journal.byKind).filter(([, v]) => v).map(([k, v]) => `${k} ${v}`).join(', ')])
  rows.push(['invoices read back', r.readBack.invoices])
  rows.push(['events lost (reported ok, not stored)', `${r.readBack.lost} (target 0: ${verdict(r.readBack.lost === 0)})`])
  rows.push(['events duplicated', `${r.readBack.duplicated} (target 0: ${verdict(r.readBack.duplicated === 0)})`])
  rows.push(['failed and not stored / failed but stored', `${r.readBack.failedNotStored} / ${r.readBack.failedButStored}`])
  rows.push(['unexpected stored events', r.readBack.unexpected])
  if (r.cpu) {
    rows.push(['Service CPU per OMS request / per update', `${round((r.cpu.service.seconds * 1000) / (r.oms.admittedTotal + r.oms.rateLimited429 || 1), 2)} ms / ${round((r.cpu.service.seconds * 1000) / (r.updates.sent || 1), 2)} ms (service busy ${r.cpu.service.cores} cores)`])
  }
  if (r.updates.failed) rows.push(['failures by code', Object.entries(r.updates.failuresByCode).map(([k, v]) => `${k}: ${v}`).join(', ')])
  log(table(['figure', 'value'], rows))
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  if (args.only.has('queue')) return runQueueBench({ quick: args.quick, rate: args.rate, write: args.write, log })
  if (args.only.has('webhooks')) return runWebhooksBench({ quick: args.quick, rate: args.rate, write: args.write, log })
  const info = machine()
  log(`bench: ${info.cpuModel}, ${info.cores} cores, node ${info.node}, ${info.date}${args.quick ? ' (quick)' : ''}`)
  const begun = Date.now()
  let sandbox: BenchSandbox | undefined
  let service: ServiceProcess | undefined
  let profileDir: string | undefined
  const results: Record<string, unknown> = {
    machine: info,
    settleCheckMs: Number(process.env.ORDER_TRACKING_SETTLE_CHECK_MS ?? 500),
  }
  try {
    sandbox = await startBenchSandbox()
    if (args.profile) {
      profileDir = join(__dirname, 'tmp', `profile-${Date.now()}`)
      mkdirSync(profileDir, { recursive: true })
      service = await startServiceProcess(sandbox.url, { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] })
    } else {
      service = await startServiceProcess(sandbox.url)
    }
    const sb = sandbox
    const svc = service
    const phase = async <T extends object>(run: () => Promise<T>): Promise<T & { cpu?: CpuUse }> => {
      const before = cpuSnapshot(sb.pid, svc.pid)
      const t0 = Date.now()
      const result = await run()
      const cpu = cpuUse(before, cpuSnapshot(sb.pid, svc.pid), Date.now() - t0, os.loadavg()[0])
      if (cpu) log(`CPU during this part: service ${cpu.service.seconds} s (${cpu.service.cores} cores; runnable but waiting for a CPU ${cpu.serviceRunQueueWaitSeconds} s), sandbox ${cpu.sandbox.seconds} s (${cpu.sandbox.cores}), bench client ${cpu.client.seconds} s (${cpu.client.cores}); 1-min load average ${cpu.loadAverage1m} on ${os.cpus().length} cores`)
      return { ...result, ...(cpu ? { cpu } : {}) }
    }
    log(`sandbox ${sandbox.url}, service ${service.baseUrl}`)
    // One call end to end before measuring anything: the stack answers and authorizes.
    await addOrders(sandbox.url, benchOrders('SMOKE', 1))
    const smoke = await updateTrackingStatus(service.baseUrl, 'SMOKE-0', 'SMOKE-0-0', [benchEvent('smoke', 0)], 'MERGE')
    if (smoke.status !== 200 || JSON.parse(smoke.text).errors) throw new Error(`smoke call failed: ${smoke.status} ${smoke.text.slice(0, 300)}`)

    if (args.only.has('a')) {
      log('\n(a) single-update overhead …')
      const serviceUrl = service.baseUrl
      const a = await phase(() => runSingle(serviceUrl, sb, {
        calls: args.quick ? 100 : 1000,
        warmup: args.quick ? 30 : 200,
        maxMs: 120_000,
        log,
      }))
      results.single = a
      printSingle(a)
    }
    if (args.only.has('b')) {
      log(`\n(b) 10,000 updates over 2,000 invoices, sandbox limited to ${args.rate} OMS requests/s …`)
      const serviceUrl = service.baseUrl
      const b = await phase(() => runBatch(serviceUrl, sb, {
        group: 'BB',
        orders: args.quick ? 100 : 1000,
        invoicesPerOrder: 2,
        updatesPerInvoice: 5,
        chunkSize: 200,
        chunksInFlight: 3,
        faults: { seed: 7, rateLimitPerSecond: args.rate, retryAfterSeconds: 1 },
        deadlineMs: 180_000,
        chunkTimeoutMs: 120_000,
        log,
      }))
      results.rateLimited = b
      printBatch(`(b) ${b.updates.planned} MERGE updates over ${b.readBack.invoices} invoices, rate limit ${args.rate}/s`, b, { rate: args.rate })
    }
    if (args.only.has('c')) {
      log('\n(c) 5,000 updates with 20 % injected faults …')
      const serviceUrl = service.baseUrl
      const c = await phase(() => runBatch(serviceUrl, sb, {
        group: 'CC',
        orders: args.quick ? 50 : 500,
        invoicesPerOrder: 2,
        updatesPerInvoice: 5,
        chunkSize: 200,
        chunksInFlight: 3,
        // dropRate is drawn first, errorRate on what is left: 0.08 + 0.92 × 0.13 ≈ 0.20.
        faults: { seed: 42, dropRate: 0.08, errorRate: 0.13, latencyMs: { min: 0, max: 5 } },
        deadlineMs: 150_000,
        chunkTimeoutMs: 120_000,
        log,
      }))
      results.faults = c
      printBatch(`(c) ${c.updates.planned} MERGE updates over ${c.readBack.invoices} invoices, 20 % faults (8 % dropped sockets, 12 % 500/503), 0-5 ms latency`, c, {})
      const faultyShare = Object.entries(c.oms.outcomes).filter(([k]) => k === '0' || k.startsWith('5')).reduce((s, [, v]) => s + v, 0) / (c.oms.admittedTotal || 1)
      log(`injected fault share seen: ${round(faultyShare * 100, 1)} % of OMS requests; 100 % success: ${verdict(c.updates.failed === 0)}`)
    }
    // Query-shape abuse (issue 9): only with `--only abuse`, not part of the default run.
    if (args.only.has('abuse')) {
      log('\n(abuse) query shapes without a token …')
      const abuse = await runAbuse(service.baseUrl, { sandbox: sb.pid, service: svc.pid }, 'SMOKE-0', log)
      results.abuse = abuse
      printAbuse(abuse, log)
    }
  } finally {
    await service?.stop()
    await sandbox?.stop()
    closeAgent()
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
  results.totalSeconds = round((Date.now() - begun) / 1000, 1)
  log(`\ntotal bench time ${results.totalSeconds} s`)
  if (args.write && !args.quick && !args.profile && ['a', 'b', 'c'].every(part => args.only.has(part))) {
    writeFileSync(join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n')
    log('written bench/results.json')
  }
}

main().catch(error => {
  process.stderr.write(`bench: ${(error as Error).stack ?? error}\n`)
  process.exitCode = 1
})
