// `setInvoiceTracking`: sets an invoice's tracking number (OMS's partial-invoice PATCH), which
// OMS requires before it accepts tracking events.
import { validateInvoiceTrackingRequest } from '../domain'
import { invoiceNotFound } from '../errors/omsFailure'
import { TrackingError } from '../errors/trackingError'
import { OmsInvoiceTrackingUpdate, OmsPackage } from '../typings/oms'
import { findPackage, toInvoiceTracking } from './invoiceView'
import { InvoiceWriteResult } from './invoiceWrites'
import { OmsPort } from './omsPort'

export async function setInvoiceTracking(
  oms: OmsPort,
  args: { orderId: unknown; invoiceNumber: unknown; input: unknown },
  now: number = Date.now(),
  /** The store's (app settings): the day a calendar dispatchedDate names. */
  timeZone = 'UTC'
): Promise<InvoiceWriteResult> {
  const { orderId, invoiceNumber, input } = TrackingError.unlessValid(validateInvoiceTrackingRequest(args, now, timeZone))
  const invoice = async (): Promise<OmsPackage> => {
    const pkg = findPackage(await oms.getOrder(orderId), invoiceNumber)
    if (!pkg) throw invoiceNotFound(orderId, invoiceNumber)
    return pkg
  }

  // Read first: OMS answers an unknown invoice inconsistently, we answer NOT_FOUND.
  await invoice()
  const body: OmsInvoiceTrackingUpdate = { trackingNumber: input.trackingNumber }
  if (input.trackingUrl) body.trackingUrl = input.trackingUrl
  if (input.courier) body.courier = input.courier
  if (input.dispatchedDate) body.dispatchedDate = input.dispatchedDate
  const receipt = await oms.patchInvoiceTracking(orderId, invoiceNumber, body)
  return { receipt: receipt.receipt, date: receipt.date, invoice: toInvoiceTracking(await invoice()) }
}
