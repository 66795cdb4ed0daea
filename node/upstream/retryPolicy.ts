// The one retry policy for calls to OMS. OMS documents 429 for its API family and advises
// exponential backoff honouring Retry-After; 5xx, resets and timeouts are passing faults;
// any other 4xx is final. Every wait is bounded by a total budget per call, so a batch item
// fails in bounded time instead of holding its slot. Time comes from a Clock so tests run on
// a fake one.

import { RateLimitGate } from './rateLimitGate'

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** No retry starts after this much time since the first attempt. */
  totalBudgetMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  // At a 20 % fault rate, 6 attempts still fail one call in 15,000; the budget, not the
  // count, usually ends a run of failures.
  maxAttempts: 10,
  baseDelayMs: 100,
  maxDelayMs: 4_000,
  // A MERGE makes three calls, and IO ends a request at 30 s (node/service.json).
  totalBudgetMs: 8_000,
}

export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
}

/** What an upstream failure looks like to the policy (an axios error has this shape). */
export interface UpstreamFailureLike {
  code?: string
  response?: { status?: number; headers?: Record<string, unknown> }
}

const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED', // axios's timeout
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
])

export type FailureClass =
  | { retryable: false }
  | { retryable: true; retryAfterMs?: number }

export function classifyFailure(error: unknown, nowMs: number): FailureClass {
  const failure = (error ?? {}) as UpstreamFailureLike
  const status = failure.response?.status
  if (status === 429) {
    return { retryable: true, retryAfterMs: parseRetryAfter(failure.response?.headers?.['retry-after'], nowMs) }
  }
  if (status !== undefined) return status >= 500 ? { retryable: true } : { retryable: false }
  if (failure.code && TRANSIENT_NETWORK_CODES.has(failure.code)) return { retryable: true }
  // No status and no known code: a socket closed mid-answer shows as a message only.
  return /socket hang up|timeout/i.test(String((error as Error)?.message))
    ? { retryable: true }
    : { retryable: false }
}

/** Retry-After in delta-seconds or as an HTTP date (RFC 9110 §10.2.3); undefined if unusable. */
export function parseRetryAfter(value: unknown, nowMs: number): number | undefined {
  const text = Array.isArray(value) ? value[0] : value
  if (typeof text !== 'string' && typeof text !== 'number') return undefined
  const raw = String(text).trim()
  if (/^\d+$/.test(raw)) return Number(raw) * 1000
  const at = Date.parse(raw)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, at - nowMs)
}

/** Full-jitter exponential backoff: a random wait in [0, min(max, base·2^retry)]. */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry)
  return Math.round(ceiling * random())
}

export interface RetryOptions {
  policy?: RetryPolicy
  clock?: Clock
  random?: () => number
  /** Shared by all calls to one upstream's account (see rateLimitGate.ts). */
  gate?: RateLimitGate
}

export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY
  const clock = options.clock ?? systemClock
  const random = options.random ?? Math.random
  const startedAt = clock.now()

  for (let attempt = 1; ; attempt++) {
    const gate = options.gate
    if (gate) {
      // Re-checked after every wait: other calls may have taken the room meanwhile.
      for (let wait = gate.waitMs(clock.now()); wait > 0; wait = gate.waitMs(clock.now())) await clock.sleep(wait)
      gate.started(clock.now())
    }
    try {
      const value = await call()
      gate?.admitted(clock.now())
      return value
    } catch (error) {
      const failure = classifyFailure(error, clock.now())
      const status = (error as UpstreamFailureLike | null)?.response?.status
      if (status === 429) gate?.limited(clock.now(), failure.retryable ? failure.retryAfterMs ?? 1000 : 1000)
      else if (status !== undefined) gate?.admitted(clock.now())
      if (!failure.retryable || attempt >= policy.maxAttempts) throw error
      // A server's Retry-After wins over our own guess, but never shortens the backoff.
      const delayMs = Math.max(failure.retryAfterMs ?? 0, backoffDelay(policy, attempt - 1, random))
      if (clock.now() + delayMs - startedAt > policy.totalBudgetMs) throw error
      await clock.sleep(delayMs)
    }
  }
}
