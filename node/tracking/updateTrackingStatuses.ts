// `updateTrackingStatuses`: many updates in one call, each answered on its own, in input order.
//
// 1. Each update is validated on its own; a refused one is answered without any upstream call.
// 2. The valid ones are grouped by order and submitted together (invoiceWrites.ts): an order's
//    updates form one round, so updates to one invoice are one write, applied in input order,
//    and the order's invoices share its GETs. At most BATCH_CONCURRENCY orders of one call are
//    written at once, so a burst does not become a burst of 429s from OMS.
import { LIMITS, TrackingBatchItemResult, ValidTrackingStatus, fieldError, validateTrackingUpdateRequest } from '../domain'
import { TrackingError, TrackingErrorExtensions } from '../errors/trackingError'
import { ConcurrencyLimiter } from './concurrencyLimiter'
import { InvoiceWriteResult, TrackingWriteMode, writeInvoices } from './invoiceWrites'
import { OmsPort } from './omsPort'
import { WriteOptions } from './updateTrackingStatus'

export const BATCH_CONCURRENCY = 8

export interface TrackingBatchPayload {
  results: TrackingBatchItemResult[]
  succeeded: number
  failed: number
  /** Each successful write's result, for the tracking index (verified read-backs, replaced
   * lists). Not part of the API's answer. */
  written: InvoiceWriteResult[]
}

interface OrderItem {
  index: number
  invoiceNumber: string
  status: ValidTrackingStatus
}

export async function updateTrackingStatuses(
  oms: OmsPort,
  args: { updates: unknown; mode: TrackingWriteMode },
  options: WriteOptions = {}
): Promise<TrackingBatchPayload> {
  const updates = checkedUpdates(args.updates)
  const now = options.now ?? Date.now()
  const outcomes: Array<PromiseSettledResult<InvoiceWriteResult>> = new Array(updates.length)
  const byOrder = new Map<string, OrderItem[]>()
  updates.forEach((update, index) => {
    const checked = validateTrackingUpdateRequest(isObject(update) ? { orderId: update.orderId, invoiceNumber: update.invoiceNumber, input: update.input } : { orderId: undefined }, now, options.timeZone ?? 'UTC')
    if (!checked.ok) {
      outcomes[index] = { status: 'rejected', reason: TrackingError.badInput(checked.errors) }
      return
    }
    const item = { index, invoiceNumber: checked.value.invoiceNumber, status: checked.value.input }
    const items = byOrder.get(checked.value.orderId)
    if (items) items.push(item)
    else byOrder.set(checked.value.orderId, [item])
  })

  const limiter = new ConcurrencyLimiter(BATCH_CONCURRENCY)
  await Promise.all(
    [...byOrder].map(([orderId, items]) =>
      limiter.run(async () => {
        const written = writeInvoices(oms, orderId, items, args.mode, options.logger)
        const settled = await Promise.allSettled(written)
        settled.forEach((outcome, k) => (outcomes[items[k].index] = outcome))
      })
    )
  )

  const results = outcomes.map((outcome, index) => itemResult(updates[index], index, outcome))
  const succeeded = results.filter(result => result.ok).length
  const written = outcomes.flatMap(outcome => (outcome.status === 'fulfilled' ? [outcome.value] : []))
  return { results, succeeded, failed: results.length - succeeded, written }
}

function checkedUpdates(updates: unknown): unknown[] {
  if (!Array.isArray(updates) || updates.length === 0) {
    throw TrackingError.badInput([fieldError('updates', 'REQUIRED', 'updates must list at least one update.')])
  }
  if (updates.length > LIMITS.batchSize) {
    throw TrackingError.badInput([
      fieldError('updates', 'TOO_MANY', `At most ${LIMITS.batchSize} updates may be sent in one call.`),
    ])
  }
  return updates
}

const isObject = (value: unknown): value is { orderId?: unknown; invoiceNumber?: unknown; input?: unknown } => typeof value === 'object' && value !== null

function itemResult(
  update: unknown,
  index: number,
  outcome: PromiseSettledResult<InvoiceWriteResult>
): TrackingBatchItemResult {
  const item = isObject(update) ? update : {}
  const base = {
    index,
    orderId: typeof item.orderId === 'string' ? item.orderId : '',
    invoiceNumber: typeof item.invoiceNumber === 'string' ? item.invoiceNumber : '',
  }
  return outcome.status === 'fulfilled'
    ? { ...base, ok: true, receipt: outcome.value.receipt, eventCount: outcome.value.invoice.events.length, error: null }
    : { ...base, ok: false, receipt: null, eventCount: null, error: itemError(outcome.reason, index) }
}

// Field paths are the item's own, prefixed by its position: updates[3].input.events[0].date.
const prefixed = (index: number, field: string) => `updates[${index}].${field}`

function itemError(error: unknown, index: number): TrackingBatchItemResult['error'] {
  const known = error instanceof TrackingError ? error : null
  const extensions: TrackingErrorExtensions = known?.extensions ?? { code: 'INTERNAL_SERVER_ERROR' }
  return {
    code: extensions.code,
    message: known?.message ?? 'Something went wrong with this update.',
    field: extensions.field === undefined ? undefined : prefixed(index, extensions.field),
    fieldErrors: (extensions.fieldErrors ?? []).map(e => ({ ...e, field: prefixed(index, e.field) })),
  }
}
