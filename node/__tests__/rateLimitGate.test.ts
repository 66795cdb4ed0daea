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

  test('then it paces at a little under what was admitted: 95 starts per second', () => {
    const gate = limitedGate()
    expect(gate.callsPerSecond).toBe(95)
    const open = T0 + 1000
    for (let i = 0; i < 95; i++) {
      expect(gate.waitMs(open + i)).toBe(0)
      gate.started(open + i)
    }
    // The 96th waits until the first of the 95 leaves the one-second window.
    expect(gate.waitMs(open + 100)).toBe(open + 1000 - (open + 100) + 1)
    expect(gate.waitMs(open + 1001)).toBe(0)
  })

  test('then each busy second without a 429 raises the pace by 3 %, then by 10 % after 3 s', () => {
    const gate = limitedGate()
    saturate(gate, T0 + 100, 2899)
    expect(gate.callsPerSecond).toBe(Math.floor(95 * 1.03 ** 2))
    saturate(gate, T0 + 2999, 2000)
    expect(gate.callsPerSecond).toBeGreaterThanOrEqual(Math.floor(95 * 1.03 ** 2 * 1.1))
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

describe('given three processes sharing one limit of 300 admissions per second', () => {
  test('then their gates settle near the limit, with few 429s, none starved', () => {
    const LIMIT = 300
    const gates = [new RateLimitGate(), new RateLimitGate(), new RateLimitGate()]
    const admitted = [0, 0, 0]
    let limited = 0
    let windowStart = T0
    let inWindow = 0
    // Every millisecond each process starts what its gate allows; the upstream's fixed window
    // admits LIMIT, and answers 429 to the rest.
    for (let t = T0; t < T0 + 30_000; t++) {
      if (t - windowStart >= 1000) {
        windowStart = t
        inWindow = 0
      }
      gates.forEach((gate, g) => {
        for (let n = 0; n < 2 && gate.waitMs(t) === 0; n++) {
          gate.started(t)
          if (inWindow < LIMIT) {
            inWindow++
            gate.admitted(t)
            if (t >= T0 + 10_000) admitted[g]++
          } else {
            gate.limited(t, 1000)
            if (t >= T0 + 10_000) limited++
          }
        }
      })
    }
    const total = admitted.reduce((s, a) => s + a, 0)
    // The last 20 s: at least 85 % of the limit used, at most 2 % of answers 429.
    expect(total / 20).toBeGreaterThanOrEqual(0.9 * LIMIT)
    expect(limited / (total + limited)).toBeLessThanOrEqual(0.02)
    for (const a of admitted) expect(a / total).toBeGreaterThan(0.15)
  })
})
