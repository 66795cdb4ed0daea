// The two public webhook routes (node/service.json: public: true). A public route has no
// caller identity, so the order is fixed: read the raw body (size-limited), check its
// signature against the secrets in the app settings, and only then look at what it says.
// A refused signature ends there: no OMS call, no index or log write, nothing of the body
// logged. Accepted webhooks are written through the same MERGE workflow as the GraphQL API,
// and answered 2xx only once the write is verified (README, "Webhooks").
import { ServiceContext } from '@vtex/api'

import { Clients } from '../clients'
import {
  ParsedWebhook,
  WEBHOOK_LIMITS,
  WebhookSource,
  jsonDepthExceeds,
  missingTrackingEvents,
  parseAfterShipWebhook,
  parseGenericWebhook,
  validateTrackingUpdateRequest,
} from '../domain'
import { TrackingError } from '../errors/trackingError'
import { indexAfterWrite, statusHints, writtenState } from '../resolvers/trackingIndex'
import { getTrackingSettings, getWebhookSecrets } from '../settings'
import { invoiceNotFound } from '../errors/omsFailure'
import { findPackage, storedEvents } from '../tracking/invoiceView'
import { updateTrackingStatus } from '../tracking/updateTrackingStatus'
import { masterDataIndexStore } from '../trackingIndex/indexStore'
import { DeliveryOutcome, masterDataDeliveryLog, pruneDeliveryLog } from './deliveryLog'
import { InvoiceRef, matchInvoices } from './match'
import { takeWebhookToken } from './rateLimit'
import { BodyTooLarge, readRawBody } from './rawBody'
import { GENERIC_SIGNATURE_HEADER, GENERIC_TIMESTAMP_HEADER, verifyAfterShip, verifyGeneric } from './signature'

type Context = ServiceContext<Clients>

function answer(ctx: Context, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  ctx.status = status
  ctx.set('Cache-Control', 'no-store')
  for (const [name, value] of Object.entries(headers)) ctx.set(name, value)
  ctx.body = body
}

// Signatures of generic webhooks already written, kept for the signature window: a replay
// inside the window is answered without touching OMS (outside it the timestamp refuses it).
const seenSignatures = new Map<string, number>()
function rememberSignature(signature: string, now: number) {
  seenSignatures.set(signature, now)
  if (seenSignatures.size > 10_000) {
    for (const [key, at] of seenSignatures) if (now - at > WEBHOOK_LIMITS.signatureWindowMs) seenSignatures.delete(key)
  }
}
const seenRecently = (signature: string, now: number) => {
  const at = seenSignatures.get(signature)
  return at !== undefined && now - at <= WEBHOOK_LIMITS.signatureWindowMs
}

export interface InvoiceResult {
  ref: InvoiceRef
  outcome: DeliveryOutcome
  eventsAdded: number
  code: string | null
}

/** One matched invoice: MERGE unless everything is already there. */
export async function writeInvoice(ctx: Context, ref: InvoiceRef, webhook: ParsedWebhook, now: number): Promise<InvoiceResult> {
  const oms = ctx.clients.oms
  const request = { orderId: ref.orderId, invoiceNumber: ref.invoiceNumber, input: webhook.input, mode: 'MERGE' as const }
  const { timeZone } = await getTrackingSettings(ctx.clients.apps, ctx.vtex.account, now)
  const status = TrackingError.unlessValid(validateTrackingUpdateRequest(request, now, timeZone)).input
  const before = findPackage(await oms.getOrder(ref.orderId), ref.invoiceNumber)
  if (!before) throw invoiceNotFound(ref.orderId, ref.invoiceNumber)
  const stored = storedEvents(before)
  const nothingNew =
    missingTrackingEvents(stored, status.events).length === 0 && (!status.isDelivered || before.courierStatus?.finished === true)
  // A redelivery (AfterShip resends the whole list) costs one read and no write.
  if (nothingNew) return { ref, outcome: 'UNCHANGED', eventsAdded: 0, code: null }
  const result = await updateTrackingStatus(oms, request, { logger: ctx.vtex.logger, now, timeZone })
  await indexAfterWrite(ctx, [ref.orderId], statusHints(webhook.input), writtenState([result]))
  return { ref, outcome: 'WRITTEN', eventsAdded: Math.max(0, result.invoice.events.length - stored.length), code: null }
}

export const codeOf = (error: unknown) => (error instanceof TrackingError ? error.extensions.code : 'INTERNAL_SERVER_ERROR')

export function webhookRoute(source: WebhookSource) {
  // Named: the runtime logs an anonymous handler's whole source at start.
  return async function webhookHandler(ctx: Context) {
    if (ctx.method !== 'POST') return answer(ctx, 405, { error: 'METHOD_NOT_ALLOWED' }, { Allow: 'POST' })
    const now = Date.now()
    const account = ctx.vtex.account

    let raw: Buffer
    try {
      raw = await readRawBody(ctx.req, WEBHOOK_LIMITS.maxBodyBytes)
    } catch (error) {
      if (error instanceof BodyTooLarge) return answer(ctx, 413, { error: 'PAYLOAD_TOO_LARGE' })
      return answer(ctx, 400, { error: 'BAD_REQUEST' })
    }

    const secrets = await getWebhookSecrets(ctx.clients.apps, account, source, now)
    // Settings unreadable: not the sender's fault, and it should try again.
    if (secrets === null) return answer(ctx, 503, { error: 'UNAVAILABLE' }, { 'Retry-After': '30' })
    const signature = source === 'aftership' ? ctx.get('aftership-hmac-sha256') : ctx.get(GENERIC_SIGNATURE_HEADER)
    const verified =
      source === 'aftership'
        ? verifyAfterShip(raw, signature, secrets)
        : verifyGeneric(raw, ctx.get(GENERIC_TIMESTAMP_HEADER), signature, secrets, now)
    if (!verified) {
      ctx.vtex.logger.warn({ message: 'webhook refused: signature', source })
      return answer(ctx, 401, { error: 'INVALID_SIGNATURE' })
    }

    const wait = takeWebhookToken(account, source, now)
    if (wait > 0) return answer(ctx, 429, { error: 'RATE_LIMITED' }, { 'Retry-After': String(wait) })
    if (source === 'generic' && seenRecently(signature, now)) return answer(ctx, 200, { outcome: 'DUPLICATE', eventsAdded: 0 })

    const text = raw.toString('utf8')
    if (jsonDepthExceeds(text, WEBHOOK_LIMITS.maxJsonDepth)) return answer(ctx, 400, { error: 'TOO_DEEP' })
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      return answer(ctx, 400, { error: 'MALFORMED_JSON' })
    }
    const settings = await getTrackingSettings(ctx.clients.apps, account, now, ctx.clients.tenant)
    const parsed = source === 'aftership' ? parseAfterShipWebhook(json, settings.shopperLanguage) : parseGenericWebhook(json)
    if (!parsed.ok) return answer(ctx, 400, { error: 'BAD_PAYLOAD', reason: parsed.reason })
    const webhook = parsed.value

    const log = masterDataDeliveryLog(ctx.clients.deliveryLog)
    pruneDeliveryLog(account, ctx.clients.deliveryLog, now).catch(() => ctx.vtex.logger.warn({ message: 'delivery log not pruned' }))
    const receivedAt = new Date(now).toISOString()
    const entry = (outcome: DeliveryOutcome, ref: InvoiceRef | null, eventsAdded: number, code: string | null) => ({
      receivedAt,
      source,
      trackingNumber: webhook.trackingNumber,
      orderId: ref?.orderId ?? null,
      invoiceNumber: ref?.invoiceNumber ?? null,
      outcome,
      eventsAdded,
      code,
    })

    let refs: InvoiceRef[]
    try {
      refs = await matchInvoices(masterDataIndexStore(ctx.clients.trackingIndex), ctx.clients.oms, webhook)
    } catch {
      return answer(ctx, 503, { error: 'UNAVAILABLE' }, { 'Retry-After': '10' })
    }

    const results: InvoiceResult[] = []
    for (const ref of refs) {
      try {
        results.push(await writeInvoice(ctx, ref, webhook, now))
      } catch (error) {
        const code = codeOf(error)
        if (code === 'BAD_USER_INPUT') {
          // Signed but invalid (a date in the future, a text too long): retrying cannot help.
          await log.record(entry('REFUSED', ref, 0, code)).catch(() => undefined)
          const fieldErrors = error instanceof TrackingError ? error.extensions.fieldErrors ?? [] : []
          return answer(ctx, 422, { error: code, fieldErrors })
        }
        if (code === 'NOT_FOUND' || code === 'TRACKING_NUMBER_MISSING') continue // a stale index entry: not this invoice
        // OMS failed, rate-limited or a rival kept replacing: 5xx, the sender delivers again
        // (MERGE makes the retry safe). Nothing is recorded as done.
        await log.record(entry('FAILED', ref, 0, code)).catch(() => undefined)
        ctx.vtex.logger.warn({ message: 'webhook write failed', source, code })
        return answer(ctx, 503, { error: 'UPSTREAM_UNAVAILABLE' }, { 'Retry-After': '30' })
      }
    }

    if (results.length === 0) {
      // Unknown tracking number: 202, so the sender does not give up; the Admin lists it.
      try {
        // Its content is kept, so that once the number is set on the right invoice the
        // operator can replay it (replayUnmatchedWebhooks): an accepted webhook is not dropped.
        await log.record({ ...entry('UNMATCHED', null, 0, null), webhook: JSON.stringify(webhook) })
      } catch {
        return answer(ctx, 503, { error: 'UNAVAILABLE' }, { 'Retry-After': '10' })
      }
      return answer(ctx, 202, { outcome: 'UNMATCHED' })
    }
    await Promise.all(results.map(r => log.record(entry(r.outcome, r.ref, r.eventsAdded, null)))).catch(() =>
      ctx.vtex.logger.warn({ message: 'delivery log not written', source })
    )
    if (source === 'generic') rememberSignature(signature, now)
    const eventsAdded = results.reduce((sum, r) => sum + r.eventsAdded, 0)
    return answer(ctx, 200, {
      outcome: results.some(r => r.outcome === 'WRITTEN') ? 'WRITTEN' : 'UNCHANGED',
      eventsAdded,
      invoices: results.map(r => ({ orderId: r.ref.orderId, invoiceNumber: r.ref.invoiceNumber, outcome: r.outcome, eventsAdded: r.eventsAdded })),
    })
  }
}
