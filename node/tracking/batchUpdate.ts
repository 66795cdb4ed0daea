// Many tracking updates in one call: each answered on its own, in input order. Updates to
// one invoice go one after another in input order (updateTracking's per-invoice queue);
// different invoices go side by side, at most BATCH_CONCURRENCY at a time, so a burst does
// not become a burst of 429s from OMS.
import { LIMITS, fieldError } from '../domain'
import { TrackingError, TrackingErrorExtensions } from '../errors/trackingError'
import { ConcurrencyLimiter } from './keyedSerializer'
import { OmsPort } from './omsPort'
import { TrackingWriteMode, UpdateOptions, updateTracking } from './updateTracking'

export const BATCH_CONCURRENCY = 8

export interface BatchItemResult {
  index: number
  orderId: string
  invoiceNumber: string
  ok: boolean
  receipt: string | null
  eventCount: number | null
  error: (TrackingErrorExtensions & { message: string; fieldErrors: NonNullable<TrackingErrorExtensions['fieldErrors']> }) | null
}

export interface BatchPayload {
  results: BatchItemResult[]
  succeeded: number
  failed: number
}

interface BatchItem {
  orderId?: unknown
  invoiceNumber?: unknown
  input?: unknown
}

const prefixed = (index: number, field?: string) => (field ? `updates[${index}].${field}` : undefined)

function itemError(error: unknown, index: number): BatchItemResult['error'] {
  const known = error instanceof TrackingError ? error : null
  const extensions: TrackingErrorExtensions = known?.extensions ?? { code: 'INTERNAL_SERVER_ERROR' }
  return {
    ...extensions,
    message: known?.message ?? 'Something went wrong with this update.',
    field: prefixed(index, extensions.field),
    fieldErrors: (extensions.fieldErrors ?? []).map(e => ({ ...e, field: prefixed(index, e.field) as string })),
  }
}

export async function updateTrackingStatuses(
  oms: OmsPort,
  updates: unknown,
  mode: TrackingWriteMode = 'MERGE',
  options: Pick<UpdateOptions, 'now' | 'logger'> = {}
): Promise<BatchPayload> {
  if (!Array.isArray(updates) || updates.length === 0) {
    throw TrackingError.badInput([fieldError('updates', 'REQUIRED', 'updates must list at least one update.')])
  }
  if (updates.length > LIMITS.batchSize) {
    throw TrackingError.badInput([
      fieldError('updates', 'TOO_MANY', `At most ${LIMITS.batchSize} updates may be sent in one call.`),
    ])
  }
  const limiter = new ConcurrencyLimiter(BATCH_CONCURRENCY)
  const settled = await Promise.allSettled(
    (updates as BatchItem[]).map(item =>
      updateTracking(oms, { orderId: item?.orderId, invoiceNumber: item?.invoiceNumber, input: item?.input, mode }, { ...options, limiter })
    )
  )
  const results = settled.map((outcome, index): BatchItemResult => {
    const item = (updates as BatchItem[])[index]
    const base = {
      index,
      orderId: typeof item?.orderId === 'string' ? item.orderId : '',
      invoiceNumber: typeof item?.invoiceNumber === 'string' ? item.invoiceNumber : '',
    }
    return outcome.status === 'fulfilled'
      ? { ...base, ok: true, receipt: outcome.value.receipt, eventCount: outcome.value.invoice.events.length, error: null }
      : { ...base, ok: false, receipt: null, eventCount: null, error: itemError(outcome.reason, index) }
  })
  const succeeded = results.filter(r => r.ok).length
  return { results, succeeded, failed: results.length - succeeded }
}
