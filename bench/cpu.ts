// CPU time of the bench's processes, from /proc (Linux; elsewhere the figures are left out).
// The Service is found by its pid, the sandbox by its pid and its tsx child.
import { readFileSync, readdirSync } from 'fs'

const TICKS_PER_SECOND = 100 // USER_HZ on Linux

/** Time spent runnable but waiting for a CPU (ms), from /proc/<pid>/schedstat. */
function runQueueWaitMs(pid: string): number {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6
  } catch {
    return 0
  }
}

function processes(): Array<{ pid: number; ppid: number; cpuMs: number; waitMs: number }> {
  let entries: string[]
  try {
    entries = readdirSync('/proc').filter(name => /^\d+$/.test(name))
  } catch {
    return []
  }
  const out: Array<{ pid: number; ppid: number; cpuMs: number; waitMs: number }> = []
  for (const name of entries) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      out.push({ pid: Number(name), ppid: Number(fields[1]), cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND, waitMs: runQueueWaitMs(name) })
    } catch {
      // gone meanwhile
    }
  }
  return out
}

export interface CpuSnapshot {
  serviceWaitMs: number
  serviceMs: number
  sandboxMs: number
  clientMs: number
}

export function cpuSnapshot(sandboxPid: number | undefined, servicePid: number): CpuSnapshot | undefined {
  const all = processes()
  if (all.length === 0) return undefined
  const service = all.filter(p => p.pid === servicePid)
  const sandbox = all.filter(p => p.pid === sandboxPid || p.ppid === sandboxPid)
  const own = process.cpuUsage()
  return {
    serviceMs: service.reduce((sum, p) => sum + p.cpuMs, 0),
    serviceWaitMs: service.reduce((sum, p) => sum + p.waitMs, 0),
    sandboxMs: sandbox.reduce((sum, p) => sum + p.cpuMs, 0),
    clientMs: (own.user + own.system) / 1000,
  }
}

export interface CpuUse {
  /** CPU seconds each process used during the phase, and that ÷ wall time (1.0 = one core busy). */
  service: { seconds: number; cores: number }
  /** Seconds the Service's threads were runnable but waiting for a CPU (scheduler run queue): the machine's doing, not the Service's. */
  serviceRunQueueWaitSeconds: number
  sandbox: { seconds: number; cores: number }
  client: { seconds: number; cores: number }
  /** os.loadavg()[0] at the end of the phase: other work on the machine shows here. */
  loadAverage1m: number
}

export function cpuUse(before: CpuSnapshot | undefined, after: CpuSnapshot | undefined, wallMs: number, loadAverage1m: number): CpuUse | undefined {
  if (!before || !after) return undefined
  const use = (ms: number) => ({ seconds: Number((ms / 1000).toFixed(2)), cores: Number((ms / wallMs).toFixed(2)) })
  return {
    service: use(after.serviceMs - before.serviceMs),
    serviceRunQueueWaitSeconds: Number(((after.serviceWaitMs - before.serviceWaitMs) / 1000).toFixed(2)),
    sandbox: use(after.sandboxMs - before.sandboxMs),
    client: use(after.clientMs - before.clientMs),
    loadAverage1m: Number(loadAverage1m.toFixed(2)),
  }
}
