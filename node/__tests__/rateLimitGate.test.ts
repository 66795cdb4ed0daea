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

describe('given a 429 before the gate has seen enough traffic to tell a pace', () => {
  test('then only the Retry-After holds calls back', () => {
    const gate = new RateLimitGate()
    admit(gate, 2, T0)
    gate.limited(T0, 1000)
    expect(gate.callsPerSecond).toBeUndefined()
    expect(gate.waitMs(T0 + 999)).toBe(1)
    expect(gate.waitMs(T0 + 1000)).toBe(0)
  })
})

describe('given a gate that has seen no 429', () => {
  test('then calls never wait', () => {
    const gate = new RateLimitGate()
    admit(gate, 5000, T0)
    expect(gate.waitMs(T0)).toBe(0)
    expect(gate.callsPerSecond).toBeUndefined()
  })
})

describe('given a 429 after 100 admitted calls in the last second, with Retry-After 2 s', () => {
  const limitedGate = () => {
    const gate = new RateLimitGate()
    admit(gate, 100, T0)
    gate.limited(T0, 2000)
    return gate
  }

  test('then no call starts before the Retry-After, whoever got the 429', () => {
    const gate = limitedGate()
    expect(gate.waitMs(T0)).toBe(2000)
    expect(gate.waitMs(T0 + 1500)).toBe(500)
  })

  test('then it paces at a little under what was admitted: 95 starts per second', () => {
    const gate = limitedGate()
    expect(gate.callsPerSecond).toBe(95)
    const open = T0 + 2000
    for (let i = 0; i < 95; i++) {
      expect(gate.waitMs(open + i)).toBe(0)
      gate.started(open + i)
    }
    // The 96th waits until the first of the 95 leaves the one-second window.
    expect(gate.waitMs(open + 100)).toBe(open + 1000 - (open + 100) + 1)
    expect(gate.waitMs(open + 1001)).toBe(0)
  })

  test('then after 15 s without a 429 the pace grows by 5 %, not before', () => {
    const gate = limitedGate()
    gate.waitMs(T0 + 14_999)
    expect(gate.callsPerSecond).toBe(95)
    gate.waitMs(T0 + 15_000)
    expect(gate.callsPerSecond).toBe(100)
  })

  test('then a 429 seen with few admissions at most halves the pace', () => {
    const gate = limitedGate()
    admit(gate, 12, T0 + 3000)
    gate.limited(T0 + 3000, 1000)
    expect(gate.callsPerSecond).toBe(47)
  })

  test('then a 429 seen with almost no admissions closes the gate but changes no pace', () => {
    const gate = limitedGate()
    admit(gate, 3, T0 + 3000)
    gate.limited(T0 + 3000, 1000)
    expect(gate.callsPerSecond).toBe(95)
    expect(gate.waitMs(T0 + 3000)).toBe(1000)
  })

  test('then a later 429 with fewer admissions lowers the pace to what it saw', () => {
    const gate = limitedGate()
    admit(gate, 80, T0 + 4000)
    gate.limited(T0 + 4000, 1000)
    expect(gate.callsPerSecond).toBe(76)
  })
})
