// The two processes the bench runs besides itself: the OMS sandbox (bench/sandboxChild.ts)
// and the Service (dev/io-runtime/worker.ts through startServiceProcess).
import { ChildProcess, spawn } from 'child_process'
import { join } from 'path'

import { REPO_ROOT } from '../dev/io-runtime/environment'
import { requestJson } from './http'
import type { JournalSummary } from './journalSummary'
import type { TimingRecord } from './sandboxChild'

export interface BenchSandbox {
  pid: number | undefined
  url: string
  statsUrl: string
  /** Timing records since the last call (the child forgets them once read). */
  takeRecords(): Promise<TimingRecord[]>
  journalSummary(): Promise<JournalSummary>
  clearJournal(): Promise<void>
  stop(): Promise<void>
}

const STARTUP_TIMEOUT_MS = 60_000

export function startBenchSandbox(): Promise<BenchSandbox> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(__dirname, 'sandboxChild.ts')],
    { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] }
  )
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error('the bench sandbox did not start in time'))
    }, STARTUP_TIMEOUT_MS)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening (\d+) (\d+)/.exec(output)
      if (!match) return
      clearTimeout(timer)
      child.stdout!.off('data', onData).resume()
      const url = `http://127.0.0.1:${match[1]}`
      const statsUrl = `http://127.0.0.1:${match[2]}`
      resolve({
        pid: child.pid,
        url,
        statsUrl,
        takeRecords: () => requestJson<TimingRecord[]>(`${statsUrl}/records`, { timeoutMs: 60_000 }),
        journalSummary: () => requestJson<JournalSummary>(`${statsUrl}/journal-summary`, { timeoutMs: 60_000 }),
        clearJournal: async () => {
          await requestJson(`${statsUrl}/journal`, { method: 'DELETE' })
        },
        stop: () =>
          new Promise(done => {
            if (child.exitCode !== null) return done()
            child.once('exit', () => done())
            child.kill('SIGINT')
          }),
      })
    }
    child.stdout!.on('data', onData)
    child.once('exit', code => {
      clearTimeout(timer)
      reject(new Error(`the bench sandbox exited (${code}) before listening`))
    })
  })
}
