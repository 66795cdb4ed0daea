// One item of `updateTrackingStatuses`' answer (TrackingBatchItemResult in
// graphql/types/payloads.graphql): what the service builds and the CSV import reads.
import { FieldError } from './fieldErrors'

export interface TrackingItemError {
  /** An `extensions.code` value (errorCodes.ts). */
  code: string
  message: string
  /** The first field at fault, prefixed by the item's position: `updates[3].input.events[0].date`. */
  field?: string | null
  fieldErrors: FieldError[]
}

export interface TrackingBatchItemResult {
  /** Position in the request. */
  index: number
  orderId: string
  invoiceNumber: string
  ok: boolean
  receipt: string | null
  /** Events stored on the invoice after this update. */
  eventCount: number | null
  error: TrackingItemError | null
}
