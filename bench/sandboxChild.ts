// The OMS sandbox in a process of its own, for the benchmark: memory only (stateDir null, so
// no journal or state writes to disk skew the figures), quiet. It also keeps bench-only
// counters the sandbox does not have: for every proxied/API request, when it arrived and
// when its answer was finished (process.hrtime, i.e. CLOCK_MONOTONIC, which every process on
// the machine shares, so the bench process can line them up with its own timings), and a
// journal summary computed here so the full journal never crosses a pipe.
//
// Prints `listening <sandboxPort> <statsPort>`. The stats server (loopback, its own port)
// answers GET /records (returns and clears the timing records), GET /journal-summary and
// DELETE /journal (clears the sandbox journal).
import http, { type IncomingMessage, type ServerResponse } from 'http'
import type { AddressInfo } from 'net'

import { startOmsSandbox } from '../dev/oms-sandbox/server'
import { summarizeJournal } from './journalSummary'

/** One request seen by the sandbox: method, path, status, arrival and finish (ms, monotonic), epoch ms at arrival. */
export type TimingRecord = [method: string, path: string, status: number, arrivedMs: number, finishedMs: number, epochMs: number]

const records: TimingRecord[] = []
const MAX_RECORDS = 400_000 // bounded memory whatever the caller forgets to collect
const nowMs = () => Number(process.hrtime.bigint()) / 1e6

function instrumented(listener: (req: IncomingMessage, res: ServerResponse) => void) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const arrived = nowMs()
    const epoch = Date.now()
    const url = req.url ?? ''
    if (!url.startsWith('/_sandbox')) {
      res.once('close', () => {
        if (records.length >= MAX_RECORDS) return
        const path = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0]
        // A dropped socket (fault "drop") never sends a status line: recorded as 0.
        records.push([req.method ?? '', path, res.headersSent ? res.statusCode : 0, arrived, nowMs(), epoch])
      })
    }
    listener(req, res)
  }
}

async function main(): Promise<void> {
  const createServer = http.createServer
  // Only the sandbox's own server is created while the patch is in place.
  ;(http as { createServer: unknown }).createServer = (listener: (req: IncomingMessage, res: ServerResponse) => void) =>
    createServer(instrumented(listener))
  const sandbox = await startOmsSandbox({ port: 0, stateDir: null, quiet: true })
  ;(http as { createServer: unknown }).createServer = createServer

  const stats = createServer((req, res) => {
    const reply = (body: unknown) => {
      const text = JSON.stringify(body)
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
      res.end(text)
    }
    if (req.method === 'GET' && req.url === '/records') return reply(records.splice(0, records.length))
    if (req.method === 'GET' && req.url === '/journal-summary') return reply(summarizeJournal(sandbox.journal()))
    if (req.method === 'DELETE' && req.url === '/journal') {
      sandbox.clearJournal()
      return reply({ ok: true })
    }
    res.writeHead(404).end()
  })
  await new Promise<void>(resolve => stats.listen(0, '127.0.0.1', resolve))
  process.stdout.write(`listening ${sandbox.port} ${(stats.address() as AddressInfo).port}\n`)

  const stop = () => {
    stats.close()
    sandbox.close().then(() => process.exit(0), () => process.exit(1))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  // Never outlive the bench: if the parent goes away, so do we.
  process.stdin.on('end', stop).resume()
}

main().catch((error: Error) => {
  process.stderr.write(`bench sandbox: ${error.message}\n`)
  process.exit(1)
})
