// Setting an invoice's tracking number (OMS's partial-invoice PATCH), which OMS requires
// before it accepts tracking events.
import { FieldError, validateInvoiceNumber, validateInvoiceTracking, validateOrderId } from '../domain'
import { fromOmsFailure } from '../errors/omsFailure'
import { TrackingError } from '../errors/trackingError'
import { OmsInvoiceTrackingUpdate } from '../typings/oms'
import { InvoiceTracking, toInvoiceTracking } from './invoiceView'
import { OmsPort } from './omsPort'
import { readInvoice } from './readTracking'

export interface InvoiceTrackingRequest {
  orderId: unknown
  invoiceNumber: unknown
  input: unknown
}

export async function setInvoiceTracking(
  oms: OmsPort,
  request: InvoiceTrackingRequest,
  now: number = Date.now()
): Promise<{ receipt: string; date: string; invoice: InvoiceTracking }> {
  const errors: FieldError[] = [
    ...validateOrderId(request.orderId),
    ...validateInvoiceNumber(request.invoiceNumber),
  ]
  const input = validateInvoiceTracking(request.input, now)
  if (!input.ok) errors.push(...input.errors)
  if (errors.length > 0 || !input.ok) throw TrackingError.badInput(errors)
  const orderId = request.orderId as string
  const invoiceNumber = request.invoiceNumber as string

  // Read first: OMS answers an unknown invoice inconsistently, we answer NOT_FOUND.
  await readInvoice(oms, orderId, invoiceNumber)
  const body: OmsInvoiceTrackingUpdate = { trackingNumber: input.value.trackingNumber }
  if (input.value.trackingUrl) body.trackingUrl = input.value.trackingUrl
  if (input.value.courier) body.courier = input.value.courier
  if (input.value.dispatchedDate) body.dispatchedDate = input.value.dispatchedDate
  const receipt = await oms.patchInvoiceTracking(orderId, invoiceNumber, body).catch(error => {
    throw fromOmsFailure(error, { orderId, invoiceNumber })
  })
  return { receipt: receipt.receipt, date: receipt.date, invoice: toInvoiceTracking(await readInvoice(oms, orderId, invoiceNumber)) }
}
