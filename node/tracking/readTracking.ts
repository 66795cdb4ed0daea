// Reading tracking state from OMS, with OMS failures turned into our codes.
import { validateOrderId } from '../domain'
import { fromOmsFailure } from '../errors/omsFailure'
import { TrackingError } from '../errors/trackingError'
import { OmsOrder, OmsPackage } from '../typings/oms'
import { InvoiceTracking, findPackage, toInvoiceTracking } from './invoiceView'
import { OmsPort } from './omsPort'

export async function readOrder(oms: OmsPort, orderId: string): Promise<OmsOrder> {
  try {
    return await oms.getOrder(orderId)
  } catch (error) {
    throw fromOmsFailure(error, { orderId })
  }
}

export async function readInvoice(oms: OmsPort, orderId: string, invoiceNumber: string): Promise<OmsPackage> {
  const pkg = findPackage(await readOrder(oms, orderId), invoiceNumber)
  if (!pkg) {
    throw new TrackingError(`Invoice ${invoiceNumber} was not found on order ${orderId}.`, {
      code: 'NOT_FOUND',
      field: 'invoiceNumber',
    })
  }
  return pkg
}

export async function readOrderTracking(
  oms: OmsPort,
  orderId: unknown
): Promise<{ orderId: string; invoices: InvoiceTracking[] }> {
  const errors = validateOrderId(orderId)
  if (errors.length > 0) throw TrackingError.badInput(errors)
  const order = await readOrder(oms, orderId as string)
  return {
    orderId: order.orderId,
    invoices: (order.packageAttachment?.packages ?? []).map(toInvoiceTracking),
  }
}
