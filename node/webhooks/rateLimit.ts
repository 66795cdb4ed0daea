// A token bucket per account and source, in this process: a sender that floods one route
// gets 429 with Retry-After (which AfterShip and well-behaved senders honour) instead of
// spending the account's OMS rate limit. ORDER_TRACKING_WEBHOOK_RATE per second (default 50)
// with bursts of ORDER_TRACKING_WEBHOOK_BURST (default 200).
const rate = () => Number(process.env.ORDER_TRACKING_WEBHOOK_RATE ?? 50)
const burst = () => Number(process.env.ORDER_TRACKING_WEBHOOK_BURST ?? 200)

const buckets = new Map<string, { tokens: number; at: number }>()

/** 0 when admitted, else the seconds to wait. */
export function takeWebhookToken(account: string, source: string, now = Date.now()): number {
  const key = `${account}\u0000${source}`
  const perSecond = rate()
  const capacity = burst()
  const bucket = buckets.get(key) ?? { tokens: capacity, at: now }
  bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * perSecond)
  bucket.at = now
  buckets.set(key, bucket)
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1
    return 0
  }
  return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond))
}

export function resetWebhookRateLimits(): void {
  buckets.clear()
}
