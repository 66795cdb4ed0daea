// Webhooks from tracking platforms and carriers, without their signatures: the shape checks,
// AfterShip's tags mapped onto the status vocabulary, and checkpoints turned into events.
// Signatures are checked by the service (node/webhooks/) before any of this runs.
import { parseIsoInstant } from './dates'
import { ShopperLanguage, TRACKING_STATUS_TEXTS, statusCodeOf } from './trackingStatusTexts'
import { TrackingStatus } from './trackingStatusVocabulary'

export const WEBHOOK_SOURCES = ['aftership', 'generic'] as const
export type WebhookSource = (typeof WEBHOOK_SOURCES)[number]

export const WEBHOOK_LIMITS = {
  /** Raw body, checked before the signature (AfterShip sends the whole checkpoint list). */
  maxBodyBytes: 256 * 1024,
  /** Nesting of objects and arrays; AfterShip's payload nests 4 deep. */
  maxJsonDepth: 16,
  /** The generic route's timestamp must be this close to the Service's clock. */
  signatureWindowMs: 5 * 60 * 1000,
  checkpointsPerWebhook: 100,
} as const

/** AfterShip's tag (its delivery status) → the vocabulary; Pending says nothing yet. */
export const AFTERSHIP_TAG_STATUS: Record<string, TrackingStatus | null> = {
  Pending: null,
  InfoReceived: 'labelCreated',
  InTransit: 'inTransit',
  OutForDelivery: 'outForDelivery',
  AttemptFail: 'deliveryAttempted',
  AvailableForPickup: 'readyForPickup',
  Exception: 'exception',
  Expired: 'exception',
  Delivered: 'delivered',
}

export interface WebhookEvent {
  city: string
  state: string
  description: string
  /** ISO 8601 with the checkpoint's own offset, as sent. */
  date: string
  /** TrackingEventStatus code (IN_TRANSIT...), when the sender said which. */
  status?: string
}

export interface WebhookInput {
  isDelivered: boolean
  deliveredDate: string | null
  events: WebhookEvent[]
}

export interface ParsedWebhook {
  trackingNumber: string | null
  /** Generic format: the invoice named directly. */
  orderId: string | null
  invoiceNumber: string | null
  /** AfterShip's order_id / order_number: where to look when the tracking number is unknown. */
  orderRefs: string[]
  courier: string | null
  input: WebhookInput
  /** Checkpoints that could not become events (no time, or a time without its offset). */
  skipped: number
}

export type WebhookParse = { ok: true; value: ParsedWebhook } | { ok: false; reason: string }

const TRACKING_NUMBER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/

export const isTrackingNumberLike = (value: unknown): value is string => typeof value === 'string' && TRACKING_NUMBER.test(value)

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '')
const firstText = (...values: unknown[]) => values.map(text).find(v => v !== '') ?? ''

/**
 * The nesting depth of a JSON text, counted without parsing it (strings skipped), so a
 * deeply nested body is refused before JSON.parse recurses into it. Stops past `limit`.
 */
export function jsonDepthExceeds(raw: string, limit: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true
    } else if (c === 0x7d || c === 0x5d) depth--
  }
  return false
}

/** A timestamp with an explicit offset (Z or ±hh:mm): a time without one cannot be placed. */
const hasOffset = (value: string) => /T.*(Z|[+-]\d{2}:?\d{2})$/i.test(value)

/**
 * AfterShip's tracking webhook (`{event, msg: {tracking_number, slug, tag, subtag, order_id,
 * order_number, checkpoints: [{checkpoint_time, city, state, location, message, tag}]}}`).
 * AfterShip resends every checkpoint each time: all of them become events, and the write's
 * MERGE keeps those already stored once.
 */
export function parseAfterShipWebhook(body: unknown, language: ShopperLanguage = 'en'): WebhookParse {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, reason: 'the body must be a JSON object' }
  const msg = (body as { msg?: unknown }).msg
  if (!msg || typeof msg !== 'object' || Array.isArray(msg)) return { ok: false, reason: 'msg must be an object' }
  const m = msg as Record<string, unknown>
  const trackingNumber = text(m.tracking_number)
  if (!isTrackingNumberLike(trackingNumber)) return { ok: false, reason: 'msg.tracking_number is missing or not a tracking number' }
  const checkpoints = m.checkpoints === undefined || m.checkpoints === null ? [] : m.checkpoints
  if (!Array.isArray(checkpoints)) return { ok: false, reason: 'msg.checkpoints must be a list' }
  if (checkpoints.length > WEBHOOK_LIMITS.checkpointsPerWebhook) return { ok: false, reason: 'too many checkpoints' }

  const events: WebhookEvent[] = []
  let skipped = 0
  let deliveredAt: string | null = null
  for (const raw of checkpoints) {
    const c = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>
    const date = text(c.checkpoint_time)
    if (!date || !hasOffset(date) || parseIsoInstant(date) === null) {
      skipped++
      continue
    }
    const tag = text(c.tag)
    const status = AFTERSHIP_TAG_STATUS[tag] ?? null
    events.push({
      // OMS wants a city and a state; AfterShip often has only a location or a country.
      city: firstText(c.city, c.location, c.country_name, c.country_iso3, '-'),
      state: firstText(c.state, c.country_iso3, '-'),
      description: firstText(c.message, status ? TRACKING_STATUS_TEXTS[language][status] : '', tag, '-'),
      date,
      ...(status ? { status: statusCodeOf(status) } : {}),
    })
    if (status === 'delivered' && (deliveredAt === null || (parseIsoInstant(date) ?? 0) >= (parseIsoInstant(deliveredAt) ?? 0))) {
      deliveredAt = date
    }
  }
  // Delivered only with the delivering checkpoint's time: without it there is no date for OMS.
  const isDelivered = text(m.tag) === 'Delivered' && deliveredAt !== null
  const orderRefs = [text(m.order_id), text(m.order_number)].filter((v, i, all) => v !== '' && all.indexOf(v) === i)
  return {
    ok: true,
    value: {
      trackingNumber,
      orderId: null,
      invoiceNumber: null,
      orderRefs,
      courier: text(m.slug) || null,
      input: { isDelivered, deliveredDate: isDelivered ? deliveredAt : null, events },
      skipped,
    },
  }
}

/**
 * The app's own format: `{trackingNumber | orderId + invoiceNumber, isDelivered,
 * deliveredDate, events[]}`; the events and dates follow the GraphQL input's rules, which
 * the write checks (validateTrackingStatus).
 */
export function parseGenericWebhook(body: unknown): WebhookParse {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, reason: 'the body must be a JSON object' }
  const b = body as Record<string, unknown>
  const trackingNumber = b.trackingNumber === undefined || b.trackingNumber === null ? null : b.trackingNumber
  const hasInvoice = b.orderId !== undefined || b.invoiceNumber !== undefined
  if (trackingNumber === null && !hasInvoice) return { ok: false, reason: 'trackingNumber, or orderId and invoiceNumber, is required' }
  if (trackingNumber !== null && !isTrackingNumberLike(trackingNumber)) return { ok: false, reason: 'trackingNumber is not a tracking number' }
  if (hasInvoice && (typeof b.orderId !== 'string' || typeof b.invoiceNumber !== 'string')) {
    return { ok: false, reason: 'orderId and invoiceNumber go together' }
  }
  if (!Array.isArray(b.events)) return { ok: false, reason: 'events must be a list' }
  return {
    ok: true,
    value: {
      trackingNumber,
      orderId: hasInvoice ? (b.orderId as string) : null,
      invoiceNumber: hasInvoice ? (b.invoiceNumber as string) : null,
      orderRefs: [],
      courier: null,
      input: {
        isDelivered: b.isDelivered as boolean,
        deliveredDate: (b.deliveredDate as string | null | undefined) ?? null,
        events: b.events as WebhookEvent[],
      },
      skipped: 0,
    },
  }
}
