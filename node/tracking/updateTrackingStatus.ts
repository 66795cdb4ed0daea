// `updateTrackingStatus`: posts events to one invoice.
//
// 1. The request is validated (domain/trackingRequest.ts) before any upstream call.
// 2. It is queued with every other write of this process to that order (invoiceWrites.ts):
//    MERGE joins the next read-merge-write-verify round of its order; REPLACE is one PUT.
import { InvoiceRequest, validateTrackingUpdateRequest } from '../domain'
import { TrackingError } from '../errors/trackingError'
import { InvoiceWriteResult, TrackingWriteMode, WriteLogger, writeInvoices } from './invoiceWrites'
import { OmsPort } from './omsPort'

export interface WriteOptions {
  /** "Now" for the date checks (tests pin it). */
  now?: number
  /** Where a failed settle check is reported (it runs after the caller has its answer). */
  logger?: WriteLogger
  /** The store's time zone (app settings): the day a calendar date (`2026-11-20`) names. */
  timeZone?: string
}

export async function updateTrackingStatus(
  oms: OmsPort,
  args: InvoiceRequest & { mode: TrackingWriteMode },
  options: WriteOptions = {}
): Promise<InvoiceWriteResult> {
  const update = TrackingError.unlessValid(validateTrackingUpdateRequest(args, options.now ?? Date.now(), options.timeZone ?? 'UTC'))
  const [written] = writeInvoices(
    oms,
    update.orderId,
    [{ invoiceNumber: update.invoiceNumber, status: update.input }],
    args.mode,
    options.logger
  )
  return written
}
