// What an OMS failure means to our caller, decided once, in the OMS client. The upstream's own
// answer (URL, headers, body) is read here and dropped: only a code and our own message go on.
import { TrackingError } from './trackingError'
import { NOTIFY_INVOICE } from '../authorization'

interface OmsFailureLike {
  code?: string
  isAxiosError?: boolean
  response?: { status?: number; data?: unknown }
}

export interface OmsCallSubject {
  orderId: string
  invoiceNumber?: string
}

function upstreamMessage(data: unknown): string {
  const error = (data as { error?: { message?: unknown } } | undefined)?.error
  return typeof error?.message === 'string' ? error.message : typeof data === 'string' ? data : ''
}

// OMS refuses tracking events on an invoice without a tracking number; VTEX documents the
// precondition but not the wording, so any 400 that says the number is absent counts.
export function isTrackingNumberMissingAnswer(data: unknown): boolean {
  return /\b(no|not have a|without( a)?) tracking ?number|tracking ?number (is )?(missing|required|not (set|informed|registered))/i.test(
    upstreamMessage(data)
  )
}

export function fromOmsFailure(error: unknown, subject: OmsCallSubject): TrackingError {
  if (error instanceof TrackingError) return error
  const failure = (error ?? {}) as OmsFailureLike
  const status = failure.response?.status
  const { orderId, invoiceNumber } = subject

  if (status === 404) {
    const invoiceMissing = invoiceNumber !== undefined && /invoice/i.test(upstreamMessage(failure.response?.data))
    return invoiceMissing
      ? invoiceNotFound(orderId, invoiceNumber as string)
      : new TrackingError(`Order ${orderId} was not found.`, { code: 'NOT_FOUND', field: 'orderId' })
  }
  if (status === 400 && isTrackingNumberMissingAnswer(failure.response?.data)) {
    return trackingNumberMissing(orderId, invoiceNumber ?? '')
  }
  if (status === 401 || status === 403) {
    return new TrackingError(
      `OMS refused this app's own credentials: the app needs the "${NOTIFY_INVOICE.label}" resource (declare it in the app's policies and reinstall).`,
      { code: 'APP_NOT_AUTHORIZED', resource: NOTIFY_INVOICE.label }
    )
  }
  const networkFailure = status === undefined && (typeof failure.code === 'string' || failure.isAxiosError === true)
  if (status === 429 || (status !== undefined && status >= 500) || networkFailure) {
    return new TrackingError('OMS is unavailable right now (rate-limited, failing or not answering). Try again shortly.', {
      code: 'UPSTREAM_UNAVAILABLE',
    })
  }
  if (status === 400) {
    return new TrackingError('OMS refused the update as invalid.', { code: 'BAD_USER_INPUT' })
  }
  return new TrackingError('Something went wrong while talking to OMS.', { code: 'INTERNAL_SERVER_ERROR' })
}

export function trackingNumberMissing(orderId: string, invoiceNumber: string): TrackingError {
  return new TrackingError(
    `Invoice ${invoiceNumber} of order ${orderId} has no tracking number, and OMS refuses tracking events without one. Set it first with setInvoiceTracking (or OMS's partial-invoice update).`,
    { code: 'TRACKING_NUMBER_MISSING', field: 'invoiceNumber' }
  )
}

export function invoiceNotFound(orderId: string, invoiceNumber: string): TrackingError {
  return new TrackingError(`Invoice ${invoiceNumber} was not found on order ${orderId}.`, {
    code: 'NOT_FOUND',
    field: 'invoiceNumber',
  })
}
