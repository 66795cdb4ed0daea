// The shapes the page reads from the API (graphql/types/tracking.graphql).
import { TrackingEvent } from '../domain'

export interface Invoice {
  invoiceNumber: string
  type: 'OUTPUT' | 'INPUT'
  courier: string | null
  trackingNumber: string | null
  trackingUrl: string | null
  issuanceDate: string | null
  canReceiveEvents: boolean
  isDelivered: boolean
  deliveredDate: string | null
  events: TrackingEvent[]
}

export interface OrderTrackingData {
  orderTracking: { orderId: string; invoices: Invoice[] } | null
}

export interface InvoicePayload {
  receipt: string
  invoice: Invoice
}
