// What a caller sends to one invoice or order, checked in one place before any upstream call:
// the service runs these for every root field, and the CSV import runs them on every row, so
// the preview refuses exactly what the service would.
import { FieldError, Validated } from './fieldErrors'
import { validateInvoiceNumber, validateOrderId } from './identifiers'
import { ValidInvoiceTracking, validateInvoiceTracking } from './invoiceTracking'
import { ValidTrackingStatus, validateTrackingStatus } from './trackingStatus'

export interface InvoiceRequest {
  orderId: unknown
  invoiceNumber?: unknown
  input?: unknown
}

export interface ValidInvoiceRequest<T> {
  orderId: string
  invoiceNumber: string
  input: T
}

type InputValidator<T> = (input: unknown, field: string) => Validated<T>

/**
 * The request's identifiers (`orderId`; `invoiceNumber` when `validateInput` is given, since
 * every input goes to one invoice) and its `input`, with every error at its own field.
 */
export function validateRequest<T>(
  request: InvoiceRequest,
  validateInput?: InputValidator<T>
): Validated<ValidInvoiceRequest<T>> {
  const errors: FieldError[] = [...validateOrderId(request.orderId, 'orderId')]
  let input: T | undefined
  if (validateInput) {
    errors.push(...validateInvoiceNumber(request.invoiceNumber, 'invoiceNumber'))
    const checked = validateInput(request.input, 'input')
    if (checked.ok) input = checked.value
    else errors.push(...checked.errors)
  }
  if (errors.length > 0) return { ok: false, errors }
  return {
    ok: true,
    value: { orderId: request.orderId as string, invoiceNumber: request.invoiceNumber as string, input: input as T },
  }
}

/** `orderTracking(orderId)`. */
export const validateOrderRequest = (request: { orderId: unknown }) => validateRequest<undefined>(request)

// `timeZone` is the store's (app setting timeZone), required here so that no caller can forget
// it: a calendar date (`2026-11-20`) is the start of that day where the store is, and is
// passed on written with that offset (`2026-11-20T00:00:00-03:00`), never as midnight UTC.

/** `updateTrackingStatus` and each item of `updateTrackingStatuses` (and each CSV row). */
export const validateTrackingUpdateRequest = (
  request: InvoiceRequest,
  now: number,
  timeZone: string
): Validated<ValidInvoiceRequest<ValidTrackingStatus>> =>
  validateRequest(request, (input, field) => validateTrackingStatus(input, now, field, timeZone))

/** `setInvoiceTracking`. */
export const validateInvoiceTrackingRequest = (
  request: InvoiceRequest,
  now: number,
  timeZone: string
): Validated<ValidInvoiceRequest<ValidInvoiceTracking>> =>
  validateRequest(request, (input, field) => validateInvoiceTracking(input, now, field, timeZone))
