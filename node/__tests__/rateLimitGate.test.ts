import { RateLimitGate } from '../upstream/rateLimitGate'

const T0 = 1_000_000

/** n admitted calls, evenly spread over the second before `at`. */
function admit(gate: RateLimitGate, n: number, at: number) {
  for (let i = 0; i < n; i++) {
    const t = at - 999 + Math.floor((i * 999) / n)
    gate.started(t)
    gate.admitted(t)
  }
}

/** Starts calls as fast as the gate lets them, from `from` for `ms`; returns how many started. */
function saturate(gate: RateLimitGate, from: number, ms: number): number {
  let started = 0
  for (let t = from; t < from + ms; t++) {
    while (gate.waitMs(t) === 0) {
      gate.started(t)
      gate.admitted(t)
      started++
    }
  }
  return started
}

describe('given a gate that has seen no 429', () => {
  test('then calls never wait', () => {
    const gate = new RateLimitGate()
    admit(gate, 5000, T0)
    expect(gate.waitMs(T0)).toBe(0)
    expect(gate.callsPerSecond).toBeUndefined()
  })
})

describe('given a 429 before the gate has seen enough traffic to tell a pace', () => {
  test('then calls pause a moment, and no pace is set', () => {
    const gate = new RateLimitGate()
    admit(gate, 2, T0)
    gate.limited(T0, 1000)
    expect(gate.callsPerSecond).toBeUndefined()
    expect(gate.waitMs(T0 + 99)).toBe(1)
    expect(gate.waitMs(T0 + 100)).toBe(0)
  })
})

describe('given a 429 after 100 admitted calls in the last second', () => {
  const limitedGate = () => {
    const gate = new RateLimitGate()
    admit(gate, 100, T0)
    gate.limited(T0, 2000)
    return gate
  }

  test('then every call pauses 100 ms (the one told 429 waits its own Retry-After)', () => {
    const gate = limitedGate()
    expect(gate.waitMs(T0)).toBe(100)
    expect(gate.waitMs(T0 + 60)).toBe(40)
  })

  test('then it paces at a little under what was admitted: 95 starts per second, spread evenly', () => {
    const gate = limitedGate()
    expect(gate.callsPerSecond).toBe(95)
    const open = T0 + 100
    const starts: number[] = []
    for (let t = open; t < open + 999; t++) {
      while (gate.waitMs(t) === 0) {
        gate.started(t)
        starts.push(t)
      }
    }
    // One second's worth, never more than a 20 ms burst ahead of the even spacing.
    expect(starts.length).toBeGreaterThanOrEqual(94)
    expect(starts.length).toBeLessThanOrEqual(97)
    expect(starts.filter(t => t < open + 100).length).toBeLessThanOrEqual(13)
  })

  test('then each busy second without a 429 raises the pace by 3 %, then by 15 % once 2 s have passed', () => {
    const gate = limitedGate()
    saturate(gate, T0 + 100, 1899)
    expect(gate.callsPerSecond).toBe(Math.floor(95 * 1.03))
    saturate(gate, T0 + 1999, 2000)
    expect(gate.callsPerSecond).toBeGreaterThanOrEqual(Math.floor(95 * 1.03 * 1.15))
  })

  test('then an idle second does not raise it', () => {
    const gate = limitedGate()
    gate.waitMs(T0 + 5000)
    expect(gate.callsPerSecond).toBe(95)
  })

  test('then a burst of 429s within a second cuts the pace once, by 10 %', () => {
    const gate = limitedGate()
    gate.limited(T0 + 1000, 1000)
    gate.limited(T0 + 1001, 1000)
    gate.limited(T0 + 1500, 1000)
    expect(gate.callsPerSecond).toBe(Math.floor(95 * 0.9))
    gate.limited(T0 + 2001, 1000)
    expect(gate.callsPerSecond).toBe(Math.floor(95 * 0.9 * 0.9))
  })
})

/**
 * Processes sharing one fixed-window limit: each has `workers` calls that go one after
 * another (2 ms each), and a call told 429 waits a whole second (its Retry-After). Process p
 * starts at `startAt[p]`. Returns, from `measureFrom` on, the share of the limit used, the
 * share of answers that were 429, and each process's share of what was admitted.
 */
function shareLimit(limit: number, startAt: number[], measureFrom: number, until: number, workers = 30) {
  const gates = startAt.map(() => new RateLimitGate())
  const calls = startAt.map(() => Array.from({ length: workers }, () => ({ busyUntil: 0, pending: false, ok: false })))
  const admitted = startAt.map(() => 0)
  let limited = 0
  let window = -1
  let inWindow = 0
  for (let t = T0; t < T0 + until; t++) {
    if (Math.floor(t / 1000) !== window) {
      window = Math.floor(t / 1000)
      inWindow = 0
    }
    gates.forEach((gate, p) => {
      if (t < T0 + startAt[p]) return
      for (const call of calls[p]) {
        if (call.pending && t >= call.busyUntil) {
          call.pending = false
          if (call.ok) gate.admitted(t)
          else {
            gate.limited(t, 1000)
            call.busyUntil = t + 1000
          }
        }
        if (call.pending || t < call.busyUntil || gate.waitMs(t) > 0) continue
        gate.started(t)
        call.pending = true
        call.busyUntil = t + 2
        call.ok = inWindow < limit
        if (call.ok) inWindow++
        if (t < T0 + measureFrom) continue
        if (call.ok) admitted[p]++
        else limited++
      }
    })
  }
  const total = admitted.reduce((sum, a) => sum + a, 0)
  return {
    ofLimit: total / ((until - measureFrom) / 1000) / limit,
    limitedShare: limited / (total + limited),
    shares: admitted.map(a => a / total),
  }
}

describe('given three processes sharing one limit of 300 admissions per second', () => {
  test('when they start together, then their gates keep the limit nearly full, with few 429s, none starved', () => {
    const { ofLimit, limitedShare, shares } = shareLimit(300, [0, 0, 0], 0, 30_000)
    expect(ofLimit).toBeGreaterThanOrEqual(0.9)
    expect(limitedShare).toBeLessThanOrEqual(0.02)
    for (const share of shares) expect(share).toBeGreaterThan(0.2)
  })

  test('when one has learned the whole limit alone and two join it, then none is starved', () => {
    const { ofLimit, limitedShare, shares } = shareLimit(300, [0, 10_000, 10_000], 10_000, 40_000)
    expect(ofLimit).toBeGreaterThanOrEqual(0.9)
    expect(limitedShare).toBeLessThanOrEqual(0.04)
    for (const share of shares) expect(share).toBeGreaterThan(0.2)
  })
})
