// replayUnmatchedWebhooks: a webhook whose tracking number no invoice had was answered 202 and
// kept with its content (deliveryLog). Once the operator sets that number on the right
// invoice, the kept deliveries are matched again and written, oldest first, through the same
// MERGE as a live webhook (so replaying twice adds nothing); each replayed one is marked
// REPLAYED and the write is logged as a delivery of its own.
import { ServiceContext } from '@vtex/api'

import { Clients } from '../clients'
import { ParsedWebhook, fieldError, isTrackingNumberLike } from '../domain'
import { TrackingError } from '../errors/trackingError'
import { masterDataIndexStore } from '../trackingIndex/indexStore'
import { DeliveryDocument, masterDataDeliveryLog } from './deliveryLog'
import { InvoiceResult, codeOf, writeInvoice } from './handler'
import { matchInvoices } from './match'

type Context = ServiceContext<Clients>

/** Kept deliveries replayed per call: one IO request must end within its 30 s. */
export const REPLAY_MAX_DELIVERIES = 20

const unavailable = () => new TrackingError('The delivery log is unavailable right now. Try again shortly.', { code: 'UPSTREAM_UNAVAILABLE' })

export async function replayUnmatchedWebhooks(ctx: Context, args: { trackingNumber?: unknown }) {
  const trackingNumber = typeof args.trackingNumber === 'string' ? args.trackingNumber.trim() : ''
  if (!isTrackingNumberLike(trackingNumber)) {
    throw TrackingError.badInput([fieldError('trackingNumber', 'INVALID_FORMAT', 'trackingNumber must be a tracking number (letters, digits, . _ -).')])
  }
  const log = masterDataDeliveryLog(ctx.clients.deliveryLog)
  let kept: DeliveryDocument[]
  try {
    kept = await log.unmatched(trackingNumber, REPLAY_MAX_DELIVERIES)
  } catch {
    throw unavailable()
  }
  const now = Date.now()
  let replayed = 0
  let eventsAdded = 0
  let stillUnmatched = 0
  for (const delivery of kept) {
    if (!delivery.webhook) continue // logged before contents were kept: nothing to replay
    const webhook = JSON.parse(delivery.webhook) as ParsedWebhook
    const refs = await matchInvoices(masterDataIndexStore(ctx.clients.trackingIndex), ctx.clients.oms, webhook).catch(() => {
      throw unavailable()
    })
    if (refs.length === 0) {
      stillUnmatched++
      continue
    }
    const results: InvoiceResult[] = []
    for (const ref of refs) {
      try {
        results.push(await writeInvoice(ctx, ref, webhook, now))
      } catch (error) {
        const code = codeOf(error)
        if (code === 'NOT_FOUND' || code === 'TRACKING_NUMBER_MISSING') continue // a stale index entry
        throw error instanceof TrackingError ? error : unavailable() // the delivery stays UNMATCHED: replay again later
      }
    }
    if (results.length === 0) {
      stillUnmatched++
      continue
    }
    const receivedAt = new Date(now).toISOString()
    await Promise.all(
      results.map(r =>
        log.record({
          receivedAt,
          source: delivery.source,
          trackingNumber: delivery.trackingNumber,
          orderId: r.ref.orderId,
          invoiceNumber: r.ref.invoiceNumber,
          outcome: r.outcome,
          eventsAdded: r.eventsAdded,
          code: null,
        })
      )
    ).catch(() => ctx.vtex.logger.warn({ message: 'delivery log not written after a replay' }))
    await log.setOutcome(delivery.id, 'REPLAYED').catch(() => {
      throw unavailable()
    })
    replayed++
    eventsAdded += results.reduce((sum, r) => sum + r.eventsAdded, 0)
  }
  return { trackingNumber, replayed, eventsAdded, stillUnmatched }
}
