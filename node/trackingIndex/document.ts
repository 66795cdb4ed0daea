// The tracking index's document (masterdata/invoices/schema.json): one per invoice.
import { TrackingIndexEntry, TrackingStatus, statusCodeOf, statusOfCode } from '../domain'

export interface TrackingIndexDocument {
  id: string
  orderId: string
  invoiceNumber: string
  courier: string | null
  trackingNumber: string | null
  hasTrackingNumber: boolean
  invoicedAt: string | null
  estimatedDeliveryAt: string | null
  /** TrackingEventStatus value (LABEL_CREATED...), or null. */
  status: string | null
  lastEventAt: string | null
  /** Identity of the latest event (trackingEventKey): its status is kept while it stays latest. */
  lastEventKey: string | null
  eventCount: number
  delivered: boolean
  deliveredAt: string | null
  updatedAt: string
  /** OMS's lastChange of the order this projection was read from: a document never goes back to an older one. */
  sourceVersion: string | null
}

export const DOCUMENT_FIELDS: Array<keyof TrackingIndexDocument> = [
  'id', 'orderId', 'invoiceNumber', 'courier', 'trackingNumber', 'hasTrackingNumber', 'invoicedAt',
  'estimatedDeliveryAt', 'status', 'lastEventAt', 'lastEventKey', 'eventCount', 'delivered', 'deliveredAt',
  'updatedAt', 'sourceVersion',
]

// Order ids hold no "_" (domain/identifiers.ts), so the first one splits the pair back.
export const documentId = (orderId: string, invoiceNumber: string) => `${orderId}_${invoiceNumber}`

export function toIndexEntry(doc: TrackingIndexDocument): TrackingIndexEntry {
  return {
    orderId: doc.orderId,
    invoiceNumber: doc.invoiceNumber,
    courier: doc.courier ?? null,
    trackingNumber: doc.trackingNumber ?? null,
    invoicedAt: doc.invoicedAt ?? null,
    estimatedDeliveryAt: doc.estimatedDeliveryAt ?? null,
    status: statusOfCode(doc.status),
    lastEventAt: doc.lastEventAt ?? null,
    eventCount: doc.eventCount ?? 0,
    delivered: doc.delivered === true,
    deliveredAt: doc.deliveredAt ?? null,
    updatedAt: doc.updatedAt,
  }
}

export const codeOrNull = (status: TrackingStatus | null) => (status ? statusCodeOf(status) : null)
