// After a write, the API answers with the invoice as OMS now holds it. Putting that invoice
// into the cached OrderTracking result re-renders the page without a reload, whatever the
// Apollo client's cache normalization (InvoiceTracking has no id of its own).
import type { DataProxy } from 'apollo-cache'

import ORDER_TRACKING from '../graphql/orderTracking.gql'
import { InvoiceTracking } from '../domain'
import { OrderTrackingData } from './types'

export function writeInvoiceToOrder(cache: DataProxy, orderId: string, invoice: InvoiceTracking) {
  const query = { query: ORDER_TRACKING, variables: { orderId } }
  let cached: OrderTrackingData | null
  try {
    cached = cache.readQuery<OrderTrackingData>(query)
  } catch {
    return // The order is not on screen: nothing to update.
  }
  if (!cached?.orderTracking) return
  cache.writeQuery<OrderTrackingData>({
    ...query,
    data: {
      orderTracking: {
        ...cached.orderTracking,
        invoices: cached.orderTracking.invoices.map(current =>
          current.invoiceNumber === invoice.invoiceNumber ? invoice : current
        ),
      },
    },
  })
}
