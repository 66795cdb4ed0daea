// The shapes the page reads from the API (graphql/types/tracking.graphql).
import { InvoiceTrackingView } from '../domain'

export type Invoice = InvoiceTrackingView

export interface OrderTrackingData {
  orderTracking: { orderId: string; invoices: Invoice[] } | null
}

export interface InvoicePayload {
  receipt: string
  invoice: Invoice
}
