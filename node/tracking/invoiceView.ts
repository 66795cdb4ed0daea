// OMS's package (one per invoice) as the API shows it: events oldest first, dates in UTC.
import { InvoiceTracking, TrackingEvent, normalizeTrackingEvents, parseIsoInstant, toIsoUtc } from '../domain'
import { OmsOrder, OmsPackage, OmsTrackingUpdate } from '../typings/oms'

const asUtc = (value: string | null | undefined): string | null => {
  if (!value) return null
  const at = parseIsoInstant(value)
  return at === null ? value : toIsoUtc(at)
}

/** The events OMS holds, in the form the API and the merge take them. */
export function storedEvents(pkg: OmsPackage): TrackingEvent[] {
  return (pkg.courierStatus?.data ?? []).map(entry => ({
    city: entry.city,
    state: entry.state,
    description: entry.description,
    date: entry.createDate,
  }))
}

export function toInvoiceTracking(pkg: OmsPackage): InvoiceTracking {
  const trackingNumber = pkg.trackingNumber?.trim() ? pkg.trackingNumber : null
  return {
    invoiceNumber: pkg.invoiceNumber,
    type: pkg.type?.toLowerCase() === 'input' ? 'INPUT' : 'OUTPUT',
    courier: pkg.courier ?? null,
    trackingNumber,
    trackingUrl: pkg.trackingUrl ?? null,
    issuanceDate: asUtc(pkg.issuanceDate),
    canReceiveEvents: trackingNumber !== null,
    isDelivered: pkg.courierStatus?.finished === true,
    deliveredDate: asUtc(pkg.courierStatus?.deliveredDate),
    events: normalizeTrackingEvents(storedEvents(pkg)).map(event => ({
      ...event,
      date: asUtc(event.date) ?? event.date,
    })),
  }
}

export function findPackage(order: OmsOrder, invoiceNumber: string): OmsPackage | undefined {
  return (order.packageAttachment?.packages ?? []).find(pkg => pkg.invoiceNumber === invoiceNumber)
}

/**
 * A REPLACE's answer: the invoice as it was sent, since OMS stores exactly that (no read
 * after the write). What the PUT does not carry (type, courier, tracking number and URL,
 * issuance date) is null; OMS accepted events, so the invoice can receive them.
 */
export function sentInvoiceTracking(invoiceNumber: string, body: OmsTrackingUpdate): InvoiceTracking {
  const deliveredAt = body.deliveredDate ? parseIsoInstant(body.deliveredDate, { allowOmsDeliveredFormat: true }) : null
  return {
    invoiceNumber,
    type: null,
    courier: null,
    trackingNumber: null,
    trackingUrl: null,
    issuanceDate: null,
    canReceiveEvents: true,
    isDelivered: body.isDelivered,
    deliveredDate: deliveredAt === null ? null : toIsoUtc(deliveredAt),
    events: normalizeTrackingEvents(body.events).map(event => ({ ...event, date: asUtc(event.date) ?? event.date })),
  }
}
