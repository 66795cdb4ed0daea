// Webhooks as their senders make them, signed with the sandbox's demo secret, sent through
// the local stand-in for the IO router (dev/io-runtime/publicRoute.ts).
import { createHmac } from 'crypto'

import { callPublicRoute } from '../../dev/io-runtime/publicRoute'

export const AFTERSHIP_PATH = '/_v/order-tracking/webhooks/aftership'
export const GENERIC_PATH = '/_v/order-tracking/webhooks/generic'
export const DEMO_SECRET = 'local-webhook-secret'

export interface Checkpoint {
  checkpoint_time: string
  city?: string | null
  state?: string | null
  location?: string | null
  message?: string
  tag: string
}

/** AfterShip's tracking_update webhook, as its documentation shows it (the fields we read and a few more). */
export function afterShipBody(trackingNumber: string, checkpoints: Checkpoint[], extra: Record<string, unknown> = {}) {
  const last = checkpoints[checkpoints.length - 1]
  return {
    event: 'tracking_update',
    event_id: `evt-${trackingNumber}-${checkpoints.length}`,
    is_tracking_first_tag: false,
    msg: {
      id: `as-${trackingNumber}`,
      tracking_number: trackingNumber,
      slug: 'correios',
      tag: last?.tag ?? 'Pending',
      subtag: last ? `${last.tag}_001` : 'Pending_001',
      order_id: null,
      order_number: null,
      checkpoints: checkpoints.map(c => ({ slug: 'correios', country_iso3: 'BRA', subtag: `${c.tag}_001`, ...c })),
      ...extra,
    },
    ts: 1764800000,
  }
}

export const afterShipSignature = (raw: string | Buffer, secret = DEMO_SECRET) =>
  createHmac('sha256', secret).update(raw).digest('base64')

export function genericHeaders(raw: string, secret = DEMO_SECRET, at = Math.floor(Date.now() / 1000)) {
  const mac = createHmac('sha256', secret).update(`${at}.${raw}`).digest('hex')
  return { 'x-order-tracking-timestamp': String(at), 'x-order-tracking-signature': `sha256=${mac}` }
}

export interface WebhookAnswer {
  status: number
  body: any
  headers: Headers
}

async function read(response: Response): Promise<WebhookAnswer> {
  const text = await response.text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    body = text
  }
  return { status: response.status, body, headers: response.headers }
}

export async function sendAfterShip(serviceUrl: string, body: unknown, options: { signature?: string; raw?: string } = {}) {
  const raw = options.raw ?? JSON.stringify(body)
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const signature = options.signature ?? afterShipSignature(raw)
  if (signature !== '') headers['aftership-hmac-sha256'] = signature
  return read(await callPublicRoute(serviceUrl, AFTERSHIP_PATH, { headers, body: raw }))
}

export async function sendGeneric(serviceUrl: string, body: unknown, options: { headers?: Record<string, string>; raw?: string } = {}) {
  const raw = options.raw ?? JSON.stringify(body)
  const headers = { 'content-type': 'application/json', ...(options.headers ?? genericHeaders(raw)) }
  return read(await callPublicRoute(serviceUrl, GENERIC_PATH, { headers, body: raw }))
}
