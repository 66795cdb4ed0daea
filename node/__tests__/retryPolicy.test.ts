import {
  Clock,
  DEFAULT_RETRY_POLICY,
  RetryPolicy,
  backoffDelay,
  classifyFailure,
  parseRetryAfter,
  withRetry,
} from '../upstream/retryPolicy'
import { RateLimitGate } from '../upstream/rateLimitGate'

const START = Date.parse('2024-05-01T12:00:00Z')

/** A clock that only moves when slept on (or when a test moves it), recording every wait. */
function fakeClock(start = START) {
  let t = start
  const sleeps: number[] = []
  const clock: Clock = {
    now: () => t,
    sleep: async ms => {
      sleeps.push(ms)
      t += ms
    },
  }
  return { clock, sleeps, advance: (ms: number) => (t += ms), elapsed: () => t - start }
}

const httpError = (status: number, headers: Record<string, unknown> = {}) =>
  Object.assign(new Error(`Request failed with status code ${status}`), { response: { status, headers } })
const networkError = (code: string) => Object.assign(new Error(`connect ${code}`), { code })

/** A call that fails with the given errors in turn, then answers `value`. */
function scripted<T>(failures: unknown[], value: T) {
  let calls = 0
  const call = async () => {
    calls++
    if (calls <= failures.length) throw failures[calls - 1]
    return value
  }
  return { call, calls: () => calls }
}

const MAX_RANDOM = () => 1 // full jitter at its ceiling: the waits are the exponential ceilings

describe('given withRetry on a fake clock', () => {
  describe('when the first attempt succeeds', () => {
    test('then its value is returned without any wait', async () => {
      const { clock, sleeps } = fakeClock()
      const s = scripted([], 'receipt')
      await expect(withRetry(s.call, { clock, random: MAX_RANDOM })).resolves.toBe('receipt')
      expect(s.calls()).toBe(1)
      expect(sleeps).toEqual([])
    })
  })

  describe('when OMS answers 429 with Retry-After in seconds', () => {
    test('then it waits that long before the next attempt', async () => {
      const { clock, sleeps } = fakeClock()
      const s = scripted([httpError(429, { 'retry-after': '3' })], 'ok')
      await expect(withRetry(s.call, { clock, random: MAX_RANDOM })).resolves.toBe('ok')
      expect(s.calls()).toBe(2)
      expect(sleeps).toEqual([3000])
    })

    test('then a Retry-After shorter than the backoff does not shorten it', async () => {
      const { clock, sleeps } = fakeClock()
      const policy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 10_000, totalBudgetMs: 60_000 }
      const s = scripted([httpError(429, { 'retry-after': '0' })], 'ok')
      await withRetry(s.call, { clock, policy, random: MAX_RANDOM })
      expect(sleeps).toEqual([500])
    })
  })

  describe('when calls share a rate-limit gate and one of them meets a 429', () => {
    test('then a call starting meanwhile pauses a moment (at most the Retry-After) before its first attempt', async () => {
      const { clock, sleeps } = fakeClock()
      const gate = new RateLimitGate()
      const once: RetryPolicy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 }
      // The limited call gives up at once (one attempt), so no time passes: the gate stays closed.
      await expect(
        withRetry(scripted([httpError(429, { 'retry-after': '2' })], 'never').call, { clock, gate, policy: once })
      ).rejects.toThrow('429')
      expect(sleeps).toEqual([])
      const other = scripted([], 'second')
      await expect(withRetry(other.call, { clock, gate, random: MAX_RANDOM })).resolves.toBe('second')
      expect(sleeps).toEqual([100])
      expect(other.calls()).toBe(1)
    })

    test('then a call after the Retry-After has passed does not wait', async () => {
      const { clock, sleeps, advance } = fakeClock()
      const gate = new RateLimitGate()
      await withRetry(scripted([httpError(429, { 'retry-after': '1' })], 'x').call, { clock, gate, random: MAX_RANDOM })
      advance(5)
      await withRetry(scripted([], 'y').call, { clock, gate, random: MAX_RANDOM })
      expect(sleeps).toEqual([1000])
    })
  })

  describe('when OMS answers 429 with Retry-After as an HTTP date', () => {
    test('then it waits until that date', async () => {
      const { clock, sleeps } = fakeClock()
      const s = scripted([httpError(429, { 'retry-after': 'Wed, 01 May 2024 12:00:07 GMT' })], 'ok')
      await expect(withRetry(s.call, { clock, random: MAX_RANDOM })).resolves.toBe('ok')
      expect(sleeps).toEqual([7000])
    })
  })

  describe('when OMS answers 429 without Retry-After', () => {
    test('then the exponential backoff applies', async () => {
      const { clock, sleeps } = fakeClock()
      const s = scripted([httpError(429), httpError(429)], 'ok')
      await withRetry(s.call, { clock, random: MAX_RANDOM })
      expect(sleeps).toEqual([100, 200])
    })
  })

  describe.each([
    ['500', httpError(500)],
    ['502', httpError(502)],
    ['503', httpError(503)],
    ['ECONNRESET', networkError('ECONNRESET')],
    ['ECONNREFUSED', networkError('ECONNREFUSED')],
    ['an axios timeout (ECONNABORTED)', networkError('ECONNABORTED')],
    ['ETIMEDOUT', networkError('ETIMEDOUT')],
    ['a timeout message only', new Error('timeout of 5000ms exceeded')],
    ['socket hang up', new Error('socket hang up')],
  ])('when the failure is %s', (_name, failure) => {
    test('then it is retried with exponential backoff until success', async () => {
      const { clock, sleeps } = fakeClock()
      const s = scripted([failure, failure, failure], 'ok')
      await expect(withRetry(s.call, { clock, random: MAX_RANDOM })).resolves.toBe('ok')
      expect(s.calls()).toBe(4)
      expect(sleeps).toEqual([100, 200, 400])
    })
  })

  describe('when the backoff would exceed maxDelayMs', () => {
    test('then every wait is capped at maxDelayMs', async () => {
      const { clock, sleeps } = fakeClock()
      const policy: RetryPolicy = { maxAttempts: 7, baseDelayMs: 100, maxDelayMs: 500, totalBudgetMs: 60_000 }
      const s = scripted(Array(6).fill(httpError(503)), 'ok')
      await withRetry(s.call, { clock, policy, random: MAX_RANDOM })
      expect(sleeps).toEqual([100, 200, 400, 500, 500, 500])
    })

    test('then jitter picks a wait between 0 and the ceiling', async () => {
      const { clock, sleeps } = fakeClock()
      const randoms = [0, 0.5, 0.25]
      const s = scripted([httpError(503), httpError(503), httpError(503)], 'ok')
      await withRetry(s.call, { clock, random: () => randoms.shift() as number })
      expect(sleeps).toEqual([0, 100, 100])
    })
  })

  describe.each([
    ['400', httpError(400)],
    ['401', httpError(401)],
    ['403', httpError(403)],
    ['404', httpError(404)],
    ['409', httpError(409)],
    ['422', httpError(422)],
    ['a plain Error (a bug)', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['an unknown network code', networkError('ENOTFOUND')],
    ['a thrown non-error', 'boom'],
    ['undefined', undefined],
  ])('when the failure is %s', (_name, failure) => {
    test('then it is not retried and is thrown as is', async () => {
      const { clock, sleeps } = fakeClock()
      const s = scripted([failure], 'ok')
      const outcome = await withRetry(s.call, { clock, random: MAX_RANDOM }).then(
        () => ({ resolved: true as const }),
        error => ({ resolved: false as const, error })
      )
      expect(outcome).toEqual({ resolved: false, error: failure })
      expect(s.calls()).toBe(1)
      expect(sleeps).toEqual([])
    })
  })

  describe('when every attempt fails', () => {
    test('then it gives up after maxAttempts and throws the last failure', async () => {
      const { clock, sleeps } = fakeClock()
      const failures = Array.from({ length: 10 }, (_, i) => httpError(500 + i))
      const s = scripted(failures, 'ok')
      const policy = { ...DEFAULT_RETRY_POLICY, totalBudgetMs: 60_000 } // the count, not the budget, ends it
      await expect(withRetry(s.call, { clock, policy, random: MAX_RANDOM })).rejects.toBe(
        failures[DEFAULT_RETRY_POLICY.maxAttempts - 1]
      )
      expect(s.calls()).toBe(DEFAULT_RETRY_POLICY.maxAttempts)
      expect(sleeps).toEqual([100, 200, 400, 800, 1600, 3200, 4000, 4000, 4000])
    })

    test('then with the default budget, a run of failures ends within it', async () => {
      const { clock, elapsed } = fakeClock()
      const s = scripted(Array.from({ length: 10 }, () => httpError(503)), 'ok')
      await expect(withRetry(s.call, { clock, random: MAX_RANDOM })).rejects.toMatchObject({ response: { status: 503 } })
      expect(elapsed()).toBeLessThanOrEqual(DEFAULT_RETRY_POLICY.totalBudgetMs)
    })

    test('then maxAttempts 1 means no retry at all', async () => {
      const { clock } = fakeClock()
      const s = scripted([httpError(503)], 'ok')
      const policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 }
      await expect(withRetry(s.call, { clock, policy, random: MAX_RANDOM })).rejects.toMatchObject({
        response: { status: 503 },
      })
      expect(s.calls()).toBe(1)
    })
  })

  describe('when the total budget runs out', () => {
    test('then no wait starts that would end past totalBudgetMs', async () => {
      const { clock, sleeps, elapsed } = fakeClock()
      const policy: RetryPolicy = { maxAttempts: 100, baseDelayMs: 100, maxDelayMs: 1000, totalBudgetMs: 2000 }
      const s = scripted(Array(100).fill(httpError(503)), 'ok')
      await expect(withRetry(s.call, { clock, policy, random: MAX_RANDOM })).rejects.toMatchObject({
        response: { status: 503 },
      })
      // 100 + 200 + 400 + 800 = 1500; the next 1000 would end at 2500 > 2000.
      expect(sleeps).toEqual([100, 200, 400, 800])
      expect(s.calls()).toBe(5)
      expect(elapsed()).toBeLessThanOrEqual(policy.totalBudgetMs)
    })

    test('then the time spent inside the attempts counts too', async () => {
      const { clock, sleeps, advance } = fakeClock()
      const policy: RetryPolicy = { maxAttempts: 100, baseDelayMs: 100, maxDelayMs: 100, totalBudgetMs: 1000 }
      let calls = 0
      const slow = async () => {
        calls++
        advance(400) // each attempt takes 400 ms before failing
        throw httpError(504)
      }
      await expect(withRetry(slow, { clock, policy, random: MAX_RANDOM })).rejects.toMatchObject({
        response: { status: 504 },
      })
      // 400 + 100 + 400 = 900, another 100 wait ends at 1000 (allowed), then 1400 + 100 is over.
      expect(calls).toBe(3)
      expect(sleeps).toEqual([100, 100])
    })

    test('then a Retry-After beyond the budget ends the retries at once', async () => {
      const { clock, sleeps } = fakeClock()
      const s = scripted([httpError(429, { 'retry-after': '3600' })], 'ok')
      await expect(withRetry(s.call, { clock, random: MAX_RANDOM })).rejects.toMatchObject({
        response: { status: 429 },
      })
      expect(s.calls()).toBe(1)
      expect(sleeps).toEqual([])
    })
  })

  describe('when the first success follows failures', () => {
    test('then that value is returned and no further call is made', async () => {
      const { clock } = fakeClock()
      let calls = 0
      const call = async () => {
        calls++
        if (calls === 1) throw httpError(503)
        return `answer ${calls}`
      }
      await expect(withRetry(call, { clock, random: MAX_RANDOM })).resolves.toBe('answer 2')
      expect(calls).toBe(2)
    })
  })
})

describe('given parseRetryAfter', () => {
  test.each([
    ['delta-seconds', '120', 120_000],
    ['zero', '0', 0],
    ['padded seconds', ' 5 ', 5000],
    ['a number', 5, 5000],
    ['a header array', ['2', '9'], 2000],
    ['an HTTP date ahead', 'Wed, 01 May 2024 12:01:00 GMT', 60_000],
    ['an HTTP date past', 'Wed, 01 May 2024 11:00:00 GMT', 0],
  ])('when it is %s (%j), then it is %d ms', (_name, value, expected) => {
    expect(parseRetryAfter(value, START)).toBe(expected)
  })

  test.each([undefined, null, '', 'soon', {}, true])('when it is unusable (%j), then it is undefined', value => {
    expect(parseRetryAfter(value, START)).toBeUndefined()
  })
})

describe('given classifyFailure and backoffDelay', () => {
  test('when a 429 carries Retry-After, then the class says how long to wait', () => {
    expect(classifyFailure(httpError(429, { 'retry-after': '4' }), START)).toEqual({ retryable: true, retryAfterMs: 4000 })
  })
  test('when a 4xx other than 429 comes, then it is final', () => {
    expect(classifyFailure(httpError(408), START)).toEqual({ retryable: false })
  })
  test('when the retry number grows, then the ceiling doubles up to maxDelayMs', () => {
    const policy: RetryPolicy = { maxAttempts: 10, baseDelayMs: 50, maxDelayMs: 300, totalBudgetMs: 1e6 }
    expect([0, 1, 2, 3, 4].map(r => backoffDelay(policy, r, MAX_RANDOM))).toEqual([50, 100, 200, 300, 300])
    expect(backoffDelay(policy, 3, () => 0)).toBe(0)
  })
})
