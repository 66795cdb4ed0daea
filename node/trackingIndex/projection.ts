// An OMS order as tracking-index documents: one per Output invoice (returns are not
// shipments to watch). Pure: the caller reads the order and the documents it may replace.
import {
  TrackingEvent,
  TrackingStatus,
  eventInstant,
  normalizeTrackingEvents,
  parseIsoInstant,
  recognizeTrackingStatus,
  trackingEventKey,
} from '../domain'
import { ReplacedInvoice } from '../tracking/invoiceWrites'
import { storedEvents } from '../tracking/invoiceView'
import { OmsOrder, OmsPackage } from '../typings/oms'
import { TrackingIndexDocument, codeOrNull, documentId } from './document'

/** Statuses the app was told for events it wrote (event key → status), kept over OMS's text. */
export type StatusHints = Map<string, TrackingStatus>

export interface IndexedOrder extends OmsOrder {
  status?: string
  lastChange?: string
  shippingData?: { logisticsInfo?: Array<{ shippingEstimateDate?: string | null }> | null } | null
}

const iso = (value: string | null | undefined): string | null => {
  if (!value) return null
  const at = parseIsoInstant(value) ?? Date.parse(value)
  return Number.isFinite(at) ? new Date(at).toISOString() : null
}

/** The order's shipping estimate: the latest of its items' (the parcel is late after all are). */
function estimatedDelivery(order: IndexedOrder): string | null {
  const dates = (order.shippingData?.logisticsInfo ?? []).map(info => iso(info.shippingEstimateDate)).filter(Boolean) as string[]
  return dates.sort().pop() ?? null
}

function latestEvent(events: TrackingEvent[]): TrackingEvent | null {
  const ordered = normalizeTrackingEvents(events)
  return ordered.length ? ordered[ordered.length - 1] : null
}

export function projectInvoice(
  order: IndexedOrder,
  pkg: OmsPackage,
  previous: TrackingIndexDocument | undefined,
  hints: StatusHints,
  now: number
): TrackingIndexDocument {
  const events = storedEvents(pkg)
  const latest = latestEvent(events)
  const latestKey = latest ? trackingEventKey(latest) : null
  const delivered = pkg.courierStatus?.finished === true
  // Told by the writer > recognized from the text > kept from before while the same event is latest.
  let status: TrackingStatus | null = null
  if (latest && latestKey) {
    status = hints.get(latestKey) ?? recognizeTrackingStatus(latest.description)
    if (status === null && previous?.lastEventKey === latestKey) {
      return withStatus(base(), previous.status)
    }
  }
  if (status === null && delivered) status = 'delivered'
  return withStatus(base(), codeOrNull(status))

  function base(): Omit<TrackingIndexDocument, 'status'> {
    const trackingNumber = pkg.trackingNumber?.trim() ? pkg.trackingNumber.trim() : null
    return {
      id: documentId(order.orderId, pkg.invoiceNumber),
      orderId: order.orderId,
      invoiceNumber: pkg.invoiceNumber,
      courier: pkg.courier?.trim() || null,
      trackingNumber,
      hasTrackingNumber: trackingNumber !== null,
      invoicedAt: iso(pkg.issuanceDate),
      estimatedDeliveryAt: estimatedDelivery(order),
      lastEventAt: latest && Number.isFinite(eventInstant(latest)) ? new Date(eventInstant(latest)).toISOString() : null,
      lastEventKey: latestKey,
      eventCount: events.length,
      delivered,
      deliveredAt: delivered ? iso(pkg.courierStatus?.deliveredDate) : null,
      updatedAt: new Date(now).toISOString(),
      sourceVersion: iso(order.lastChange),
    }
  }
}

function withStatus(doc: Omit<TrackingIndexDocument, 'status'>, status: string | null): TrackingIndexDocument {
  return { ...doc, status }
}

/**
 * An invoice's document after a REPLACE, without reading the order: the package as OMS now
 * holds it (the list and delivery sent) with what the PUT does not touch taken from the
 * current document. It keeps the current document's version: whether OMS moves the order's
 * lastChange on a tracking write is not documented, and a newer version here would make every
 * later read of an unchanged lastChange lose to it (replaceApplies decides instead).
 */
export function projectReplacedInvoice(
  current: TrackingIndexDocument,
  sent: ReplacedInvoice,
  hints: StatusHints,
  now: number
): TrackingIndexDocument {
  const deliveredAt = sent.tracking.deliveredDate ? parseIsoInstant(sent.tracking.deliveredDate, { allowOmsDeliveredFormat: true }) : null
  const pkg: OmsPackage = {
    invoiceNumber: current.invoiceNumber,
    type: 'Output',
    courier: current.courier,
    trackingNumber: current.trackingNumber,
    issuanceDate: current.invoicedAt,
    courierStatus: {
      status: 'ok',
      finished: sent.tracking.isDelivered,
      deliveredDate: deliveredAt === null ? null : new Date(deliveredAt).toISOString(),
      data: sent.tracking.events.map(e => ({ lastChange: sent.writtenAt, city: e.city, state: e.state, description: e.description, createDate: e.date })),
    },
  }
  const order: IndexedOrder = {
    orderId: current.orderId,
    lastChange: current.sourceVersion ?? undefined,
    shippingData: { logisticsInfo: current.estimatedDeliveryAt ? [{ shippingEstimateDate: current.estimatedDeliveryAt }] : [] },
  }
  return projectInvoice(order, pkg, current, hints, now)
}

/**
 * Whether a REPLACE that OMS took at `writtenAt` (its receipt's date) is newer than what
 * `current` was projected from: only a document read from OMS before the write is replaced. A
 * read after it (OMS, like the sandbox, moving lastChange on the write) already shows this
 * list or a later one.
 */
export function replaceApplies(current: TrackingIndexDocument, writtenAt: string): boolean {
  const readFrom = iso(current.sourceVersion)
  const written = iso(writtenAt)
  return readFrom === null || written === null || readFrom < written
}

export const trackedPackages = (order: IndexedOrder): OmsPackage[] =>
  (order.packageAttachment?.packages ?? []).filter(pkg => (pkg.type ?? 'Output').toLowerCase() !== 'input')

/**
 * Whether `next` may replace `current`. Deliveries come at least once and out of order, and
 * two readers of one order can finish in either order: a projection read from an older OMS
 * state never replaces a newer one. Equal versions (OMS need not change lastChange for
 * tracking) fall back to progress: delivered, then more events, then a later last event.
 */
export function supersedes(next: TrackingIndexDocument, current: TrackingIndexDocument | undefined): boolean {
  if (!current) return true
  const a = next.sourceVersion ?? ''
  const b = current.sourceVersion ?? ''
  if (a !== b) return a > b
  if (next.delivered !== current.delivered) return next.delivered
  if (next.eventCount !== current.eventCount) return next.eventCount > current.eventCount
  return (next.lastEventAt ?? '') >= (current.lastEventAt ?? '')
}

/** The fields that matter to the queue changed (updatedAt alone is not a change). */
export function differs(next: TrackingIndexDocument, current: TrackingIndexDocument | undefined): boolean {
  if (!current) return true
  return (Object.keys(next) as Array<keyof TrackingIndexDocument>).some(
    key => key !== 'updatedAt' && (next[key] ?? null) !== (current[key] ?? null)
  )
}
