// Which invoice a webhook is about: the tracking number through the tracking index, and
// AfterShip's order_id / order_number when the index does not know the number.
import { ParsedWebhook, isValidInvoiceNumber, isValidOrderId } from '../domain'
import { OmsPort } from '../tracking/omsPort'
import { IndexStore } from '../trackingIndex/indexStore'
import { OmsOrder } from '../typings/oms'

export interface InvoiceRef {
  orderId: string
  invoiceNumber: string
}

/** At most this many invoices share one tracking number (a split shipment); more is suspect. */
const MAX_INVOICES_PER_NUMBER = 10

export async function matchInvoices(index: IndexStore, oms: OmsPort, webhook: ParsedWebhook): Promise<InvoiceRef[]> {
  if (webhook.orderId !== null && webhook.invoiceNumber !== null) {
    if (!isValidOrderId(webhook.orderId) || !isValidInvoiceNumber(webhook.invoiceNumber)) return []
    return [{ orderId: webhook.orderId, invoiceNumber: webhook.invoiceNumber }]
  }
  const number = webhook.trackingNumber
  if (number === null) return []
  // The number passed isTrackingNumberLike (letters, digits, . _ -): safe inside the quotes.
  const byNumber = await index.search({ where: `trackingNumber="${number}"`, offset: 0, limit: MAX_INVOICES_PER_NUMBER })
  if (byNumber.documents.length > 0) return byNumber.documents.map(d => ({ orderId: d.orderId, invoiceNumber: d.invoiceNumber }))

  // The index may not know the number yet (set moments ago by another writer, no order
  // event for it): OMS itself, for the order AfterShip names.
  for (const ref of webhook.orderRefs) {
    if (!isValidOrderId(ref)) continue
    let order: OmsOrder
    try {
      order = await oms.getOrder(ref)
    } catch {
      continue // unknown or unreadable order: not a match (a failure of OMS shows on the write path)
    }
    const same = (order.packageAttachment?.packages ?? []).filter(
      p => (p.trackingNumber ?? '').trim().toUpperCase() === number.toUpperCase() && isValidInvoiceNumber(p.invoiceNumber)
    )
    if (same.length > 0) return same.map(p => ({ orderId: order.orderId, invoiceNumber: p.invoiceNumber }))
  }
  return []
}
