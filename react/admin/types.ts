// The shapes the page reads from the API (graphql/types/tracking.graphql).
import { InvoiceTrackingView } from '../domain'

/** With the latest status (TrackingEventStatus value), which the API resolves from the events. */
export type Invoice = InvoiceTrackingView & { status?: string | null }

export interface OrderTrackingData {
  orderTracking: { orderId: string; invoices: Invoice[] } | null
}

export interface InvoicePayload {
  receipt: string
  invoice: Invoice
}
