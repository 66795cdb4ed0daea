// The shapes the page reads from the API (graphql/types/): the invoice itself is the
// domain's InvoiceTracking.
import { InvoiceTracking } from '../domain'

export interface OrderTrackingData {
  orderTracking: { orderId: string; invoices: InvoiceTracking[] } | null
}

export interface InvoicePayload {
  receipt: string
  invoice: InvoiceTracking
}
