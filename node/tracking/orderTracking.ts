// `orderTracking(orderId)`: the order's invoices as OMS holds them.
import { InvoiceTracking, validateOrderRequest } from '../domain'
import { TrackingError } from '../errors/trackingError'
import { toInvoiceTracking } from './invoiceView'
import { OmsPort } from './omsPort'

export interface OrderTracking {
  orderId: string
  invoices: InvoiceTracking[]
}

export async function orderTracking(oms: OmsPort, args: { orderId: unknown }): Promise<OrderTracking> {
  const { orderId } = TrackingError.unlessValid(validateOrderRequest(args))
  const order = await oms.getOrder(orderId)
  return { orderId: order.orderId, invoices: (order.packageAttachment?.packages ?? []).map(toInvoiceTracking) }
}
