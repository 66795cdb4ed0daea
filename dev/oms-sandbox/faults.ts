// Fault injection for OMS paths: rate limit, 5xx, latency, dropped sockets, reads that lag.
// Decisions come from a seeded PRNG so a benchmark run with the same seed and
// the same request order sees the same faults.
import type { FaultConfig } from './types'

/** mulberry32: tiny, fast, good enough for test traffic. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type FaultDecision =
  | { kind: 'pass'; delayMs: number }
  | { kind: 'rate-limit'; delayMs: number; retryAfterSeconds: number }
  | { kind: 'error'; delayMs: number; status: 500 | 503 }
  | { kind: 'drop'; delayMs: number }

/** Returns an error message, or null when the config is valid. */
export function validateFaultConfig(f: unknown): string | null {
  if (!f || typeof f !== 'object' || Array.isArray(f)) return 'fault config must be an object'
  const c = f as Record<string, unknown>
  const known = ['seed', 'rateLimitPerSecond', 'retryAfterSeconds', 'errorRate', 'latencyMs', 'dropRate', 'staleReadMs', 'staleReadShare']
  for (const k of Object.keys(c)) if (!known.includes(k)) return `unknown fault option "${k}"`
  const num = (k: string, min: number, max = Infinity): string | null => {
    const v = c[k]
    if (v === undefined) return null
    return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? null : `${k} must be a number in [${min}, ${max}]`
  }
  const e = num('seed', -Infinity) ?? num('rateLimitPerSecond', 0) ?? num('retryAfterSeconds', 0) ?? num('errorRate', 0, 1) ?? num('dropRate', 0, 1) ?? num('staleReadMs', 0, 600_000) ?? num('staleReadShare', 0, 1)
  if (e) return e
  const l = c.latencyMs
  if (l !== undefined && typeof l !== 'number') {
    const r = l as Record<string, unknown>
    if (!r || typeof r !== 'object' || typeof r.min !== 'number' || typeof r.max !== 'number' || r.min < 0 || r.max < r.min) {
      return 'latencyMs must be a number or {min, max} with 0 <= min <= max'
    }
  } else if (typeof l === 'number' && !(l >= 0)) return 'latencyMs must be >= 0'
  return null
}

export class Faults {
  private config: FaultConfig = {}
  private rand: () => number = mulberry32(1)
  /** Fixed one-second window per account: count of admitted requests. */
  private windows = new Map<string, { second: number; count: number }>()

  constructor(config?: FaultConfig) {
    this.set(config ?? {})
  }

  set(config: FaultConfig): void {
    this.config = { ...config }
    this.rand = mulberry32(config.seed ?? 1)
    this.windows.clear()
  }

  get(): FaultConfig {
    return { ...this.config }
  }

  /** Restart the PRNG sequence and the rate windows (on reset). */
  rewind(): void {
    this.set(this.config)
  }

  /** How far behind this order GET reads (ms), 0 for a read of the current state. */
  readLag(): number {
    const { staleReadMs = 0, staleReadShare = 1 } = this.config
    if (!(staleReadMs > 0) || !(staleReadShare > 0)) return 0
    if (staleReadShare < 1 && this.rand() >= staleReadShare) return 0
    return Math.round(this.rand() * staleReadMs)
  }

  /** How long the store keeps past versions of an order for lagging reads. */
  historyMs(): number {
    return this.config.staleReadMs ?? 0
  }

  decide(account: string, now = Date.now()): FaultDecision {
    const c = this.config
    let delayMs = 0
    if (typeof c.latencyMs === 'number') delayMs = c.latencyMs
    else if (c.latencyMs) delayMs = Math.round(c.latencyMs.min + this.rand() * (c.latencyMs.max - c.latencyMs.min))

    if (c.rateLimitPerSecond !== undefined) {
      const second = Math.floor(now / 1000)
      let w = this.windows.get(account)
      if (!w || w.second !== second) {
        w = { second, count: 0 }
        this.windows.set(account, w)
      }
      if (w.count >= c.rateLimitPerSecond) return { kind: 'rate-limit', delayMs, retryAfterSeconds: c.retryAfterSeconds ?? 1 }
      w.count++
    }
    if (c.dropRate && this.rand() < c.dropRate) return { kind: 'drop', delayMs }
    if (c.errorRate && this.rand() < c.errorRate) return { kind: 'error', delayMs, status: this.rand() < 0.5 ? 500 : 503 }
    return { kind: 'pass', delayMs }
  }
}
