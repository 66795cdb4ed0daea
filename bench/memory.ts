// Peak resident memory of the Service processes during a part, sampled from /proc (Linux;
// elsewhere the figure is left out). Sampling every 100 ms misses spikes shorter than that;
// VmHWM (the kernel's own high-water mark) is reported beside it, but it covers the process's
// whole life, earlier parts included.
import { readFileSync } from 'fs'

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) : undefined
  } catch {
    return undefined
  }
}

export interface PeakMemory {
  /** Per process, the highest VmRSS sampled during the part (MB). */
  peakRssMb: number[]
  /** Per process, VmHWM at the end of the part (MB), since the process started. */
  highWaterMb: number[]
}

export function sampleMemory(pids: number[]): { stop(): PeakMemory | undefined } {
  const peaks = pids.map(() => 0)
  const sample = () => pids.forEach((pid, i) => (peaks[i] = Math.max(peaks[i], statusKb(pid, 'VmRSS') ?? 0)))
  sample()
  const timer = setInterval(sample, 100)
  return {
    stop() {
      clearInterval(timer)
      sample()
      if (peaks.every(peak => peak === 0)) return undefined
      const mb = (kb: number) => Math.round((kb / 1024) * 10) / 10
      return { peakRssMb: peaks.map(mb), highWaterMb: pids.map(pid => mb(statusKb(pid, 'VmHWM') ?? 0)) }
    },
  }
}
