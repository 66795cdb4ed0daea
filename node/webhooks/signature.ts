// Webhook signatures, checked on the raw body before anything else reads it. Comparisons
// are constant-time over equal-length digests (crypto.timingSafeEqual), so a forger learns
// nothing from how long a refusal takes.
import { createHmac, timingSafeEqual } from 'crypto'

import { WEBHOOK_LIMITS } from '../domain'

const hmac = (secret: string, data: Buffer | string) => createHmac('sha256', secret).update(data).digest()

/** Constant-time equality of two digests (different lengths are unequal, without comparing). */
function sameDigest(expected: Buffer, given: Buffer): boolean {
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/** AfterShip: header `aftership-hmac-sha256` = base64(HMAC-SHA256(secret, raw body)). */
export function verifyAfterShip(raw: Buffer, header: unknown, secrets: string[]): boolean {
  if (typeof header !== 'string' || header.length === 0 || header.length > 128) return false
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(header)) return false
  const given = Buffer.from(header, 'base64')
  // Every secret is tried (no early exit), so timing does not tell which one matched.
  return secrets.map(secret => sameDigest(hmac(secret, raw), given)).includes(true)
}

export const signAfterShip = (raw: Buffer | string, secret: string) => hmac(secret, raw).toString('base64')

export const GENERIC_TIMESTAMP_HEADER = 'x-order-tracking-timestamp'
export const GENERIC_SIGNATURE_HEADER = 'x-order-tracking-signature'

/**
 * The app's own format: `x-order-tracking-timestamp` (Unix seconds) and
 * `x-order-tracking-signature: sha256=<hex of HMAC-SHA256(secret, timestamp + "." + body)>`.
 * A timestamp more than 5 minutes from now is refused: a captured webhook cannot be replayed
 * later.
 */
export function verifyGeneric(raw: Buffer, timestamp: unknown, signature: unknown, secrets: string[], now: number): boolean {
  if (typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp)) return false
  if (Math.abs(now - Number(timestamp) * 1000) > WEBHOOK_LIMITS.signatureWindowMs) return false
  if (typeof signature !== 'string') return false
  const match = /^sha256=([0-9a-f]{64})$/i.exec(signature.trim())
  if (!match) return false
  const given = Buffer.from(match[1], 'hex')
  const signed = Buffer.concat([Buffer.from(`${timestamp}.`), raw])
  return secrets.map(secret => sameDigest(hmac(secret, signed), given)).includes(true)
}

export function signGeneric(raw: Buffer | string, secret: string, timestampSeconds: number): Record<string, string> {
  const signed = Buffer.concat([Buffer.from(`${timestampSeconds}.`), Buffer.from(raw)])
  return {
    [GENERIC_TIMESTAMP_HEADER]: String(timestampSeconds),
    [GENERIC_SIGNATURE_HEADER]: `sha256=${hmac(secret, signed).toString('hex')}`,
  }
}
