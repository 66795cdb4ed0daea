// Posting tracking events to one invoice: validate, read, merge, write, verify.
//
// OMS's PUT replaces the stored list. MERGE therefore reads the list, adds the new events
// without duplicates and sends the whole of it; then it reads back and checks that every
// event it meant to keep is there. If another writer (another replica, a carrier hub)
// replaced the list in between, it merges again and rewrites, a bounded number of times.
import {
  FieldError,
  LIMITS,
  ValidTrackingStatus,
  mergeTrackingEvents,
  missingTrackingEvents,
  toOmsDeliveredDate,
  parseIsoInstant,
  validateInvoiceNumber,
  validateOrderId,
  validateTrackingStatus,
  fieldError,
} from '../domain'
import { TrackingError } from '../errors/trackingError'
import { fromOmsFailure, trackingNumberMissing } from '../errors/omsFailure'
import { OmsPackage, OmsTrackingUpdate } from '../typings/oms'
import { InvoiceTracking, storedEvents, toInvoiceTracking } from './invoiceView'
import { ConcurrencyLimiter, KeyedSerializer } from './keyedSerializer'
import { OmsPort } from './omsPort'
import { readInvoice } from './readTracking'

export type TrackingWriteMode = 'MERGE' | 'REPLACE'

export interface TrackingUpdateRequest {
  orderId: unknown
  invoiceNumber: unknown
  input: unknown
  mode?: TrackingWriteMode
}

export interface TrackingUpdateResult {
  receipt: string
  date: string
  invoice: InvoiceTracking
}

/** How many times a MERGE rewrites after finding its events dropped by another writer. */
export const MAX_MERGE_REWRITES = 5

// Two replicas that keep dropping each other's event would otherwise retry in lockstep; a
// random pause, growing with each round, lets one of them finish first.
const REWRITE_PAUSE_MS = 25
const pauseBeforeRewrite = (attempt: number) =>
  new Promise(resolve => setTimeout(resolve, Math.random() * REWRITE_PAUSE_MS * 2 ** attempt))

// One per process: every MERGE to an invoice, from single calls and batches alike, queues here.
const invoiceQueue = new KeyedSerializer()
const invoiceKey = (oms: OmsPort, orderId: string, invoiceNumber: string) =>
  `${oms.account}\u0000${orderId}\u0000${invoiceNumber}`

/** Validation of everything a caller sends, before any upstream call. */
export function validateTrackingUpdate(
  request: TrackingUpdateRequest,
  now: number
): { orderId: string; invoiceNumber: string; status: ValidTrackingStatus } {
  const errors: FieldError[] = [
    ...validateOrderId(request.orderId, 'orderId'),
    ...validateInvoiceNumber(request.invoiceNumber, 'invoiceNumber'),
  ]
  const status = validateTrackingStatus(request.input, now, 'input')
  if (!status.ok) errors.push(...status.errors)
  if (errors.length > 0 || !status.ok) throw TrackingError.badInput(errors)
  return { orderId: request.orderId as string, invoiceNumber: request.invoiceNumber as string, status: status.value }
}

/** The invoice as OMS holds it, refused before any write when OMS would refuse events. */
async function readWritableInvoice(oms: OmsPort, orderId: string, invoiceNumber: string): Promise<OmsPackage> {
  const current = await readInvoice(oms, orderId, invoiceNumber)
  if (!current.trackingNumber?.trim()) throw trackingNumberMissing(orderId, invoiceNumber)
  return current
}

/** The body to send: MERGE keeps what OMS holds (a delivered invoice stays delivered). */
function planWrite(current: OmsPackage, status: ValidTrackingStatus, mode: TrackingWriteMode): OmsTrackingUpdate {
  if (mode === 'REPLACE') {
    return { isDelivered: status.isDelivered, deliveredDate: status.deliveredDate, events: status.events }
  }
  const events = mergeTrackingEvents(storedEvents(current), status.events)
  if (events.length > LIMITS.eventsPerInvoice) {
    throw TrackingError.badInput([
      fieldError(
        'input.events',
        'TOO_MANY',
        `An invoice holds at most ${LIMITS.eventsPerInvoice} events; this update would make ${events.length}.`
      ),
    ])
  }
  const stored = current.courierStatus
  if (!status.isDelivered && stored?.finished) {
    const storedAt = stored.deliveredDate ? parseIsoInstant(stored.deliveredDate) : null
    return {
      isDelivered: true,
      deliveredDate: storedAt === null ? null : toOmsDeliveredDate(storedAt),
      events,
    }
  }
  return { isDelivered: status.isDelivered, deliveredDate: status.deliveredDate, events }
}

async function writeOnce(
  oms: OmsPort,
  orderId: string,
  invoiceNumber: string,
  body: OmsTrackingUpdate
) {
  try {
    return await oms.putTracking(orderId, invoiceNumber, body)
  } catch (error) {
    throw fromOmsFailure(error, { orderId, invoiceNumber })
  }
}

async function mergeAndVerify(
  oms: OmsPort,
  orderId: string,
  invoiceNumber: string,
  status: ValidTrackingStatus
): Promise<TrackingUpdateResult> {
  for (let attempt = 0; ; attempt++) {
    const current = await readWritableInvoice(oms, orderId, invoiceNumber)
    const body = planWrite(current, status, 'MERGE')
    const receipt = await writeOnce(oms, orderId, invoiceNumber, body)
    const after = await readInvoice(oms, orderId, invoiceNumber)
    // The events this call brought must be there; what else changed is another writer's say.
    const lost = missingTrackingEvents(storedEvents(after), status.events)
    if (lost.length === 0) {
      return { receipt: receipt.receipt, date: receipt.date, invoice: toInvoiceTracking(after) }
    }
    if (attempt >= MAX_MERGE_REWRITES) {
      throw new TrackingError(
        `Another writer kept replacing the tracking events of invoice ${invoiceNumber}; ${lost.length} event(s) could not be kept. Try again.`,
        { code: 'CONFLICT', field: 'invoiceNumber' }
      )
    }
    await pauseBeforeRewrite(attempt)
  }
}

export interface UpdateOptions {
  now?: number
  /** Bounds how many invoices are written at once (the batch path); applied inside the queue. */
  limiter?: ConcurrencyLimiter
  /** Where a failed settle check is reported (it runs after the caller has its answer). */
  logger?: { warn(message: unknown): void }
}

// The verify above cannot see a rival replica that read the list before our write and
// writes after our verify: its list lacks our event, and its own verify only looks for its
// own. So MERGE looks once more when writes to the invoice have been quiet for a moment
// (off the caller's path), and merges back whatever events of its own are gone. MERGEs to
// one invoice share that look, so a burst costs one read, not one per update. 0 turns it off.
const settleCheckDelayMs = () => Number(process.env.ORDER_TRACKING_SETTLE_CHECK_MS ?? 500)
const SETTLE_CHECKS = 2

interface PendingSettleCheck {
  timer: ReturnType<typeof setTimeout>
  status: ValidTrackingStatus
  checksLeft: number
  /** Arrival of the earliest MERGE watched (see replacedSince). */
  since: number
}
const pendingSettleChecks = new Map<string, PendingSettleCheck>()

// A REPLACE states the whole truth: the settle checks of MERGEs that arrived before it must
// not bring their events back. Arrivals are numbered; a REPLACE records its number per
// invoice (kept a few minutes, far beyond IO's 30 s request limit) and cancels the pending
// check. In this process only: another replica's settle check does not know of it.
let arrivals = 0
const lastReplace = new Map<string, number>()
const REPLACE_MEMORY_MS = 5 * 60_000
const replacedSince = (key: string, since: number) => (lastReplace.get(key) ?? 0) > since

function noteReplace(key: string): void {
  const seq = ++arrivals
  lastReplace.set(key, seq)
  const pending = pendingSettleChecks.get(key)
  if (pending) clearTimeout(pending.timer)
  pendingSettleChecks.delete(key)
  setTimeout(() => {
    if (lastReplace.get(key) === seq) lastReplace.delete(key)
  }, REPLACE_MEMORY_MS).unref?.()
}

function scheduleSettleCheck(
  oms: OmsPort,
  orderId: string,
  invoiceNumber: string,
  status: ValidTrackingStatus,
  checksLeft: number,
  logger: UpdateOptions['logger'],
  arrivedAt: number
): void {
  const delayMs = settleCheckDelayMs()
  if (!(delayMs > 0) || checksLeft <= 0) return
  const key = invoiceKey(oms, orderId, invoiceNumber)
  if (replacedSince(key, arrivedAt)) return
  const pending = pendingSettleChecks.get(key)
  const since = Math.min(arrivedAt, pending?.since ?? arrivedAt)
  if (pending) clearTimeout(pending.timer)
  // The latest update's delivered state, and every event of the updates being watched.
  const watched: ValidTrackingStatus = pending
    ? { ...status, events: mergeTrackingEvents(pending.status.events, status.events) }
    : status
  const left = Math.max(checksLeft, pending?.checksLeft ?? 0)
  const timer = setTimeout(() => {
    pendingSettleChecks.delete(key)
    invoiceQueue
      .run(key, async () => {
        if (replacedSince(key, since)) return
        const current = await readInvoice(oms, orderId, invoiceNumber)
        if (missingTrackingEvents(storedEvents(current), watched.events).length === 0) return
        if (replacedSince(key, since)) return
        await mergeAndVerify(oms, orderId, invoiceNumber, watched)
        scheduleSettleCheck(oms, orderId, invoiceNumber, watched, left - 1, logger, since)
      })
      .catch(error =>
        logger?.warn({
          message: 'settle check could not restore tracking events',
          orderId,
          invoiceNumber,
          code: error instanceof TrackingError ? error.extensions.code : 'INTERNAL_SERVER_ERROR',
        })
      )
  }, delayMs)
  timer.unref?.()
  pendingSettleChecks.set(key, { timer, status: watched, checksLeft: left, since })
}

export async function updateTracking(
  oms: OmsPort,
  request: TrackingUpdateRequest,
  options: UpdateOptions = {}
): Promise<TrackingUpdateResult> {
  const { orderId, invoiceNumber, status } = validateTrackingUpdate(request, options.now ?? Date.now())
  const mode = request.mode ?? 'MERGE'
  const write = () => writeTracking(oms, orderId, invoiceNumber, status, mode)
  const key = invoiceKey(oms, orderId, invoiceNumber)
  const arrivedAt = ++arrivals
  if (mode === 'REPLACE') noteReplace(key)
  // Queued synchronously, so updates to one invoice run in the order they were submitted.
  const result = await invoiceQueue.run(key, () => (options.limiter ? options.limiter.run(write) : write()))
  if (mode === 'MERGE') scheduleSettleCheck(oms, orderId, invoiceNumber, status, SETTLE_CHECKS, options.logger, arrivedAt)
  return result
}

async function writeTracking(
  oms: OmsPort,
  orderId: string,
  invoiceNumber: string,
  status: ValidTrackingStatus,
  mode: TrackingWriteMode
): Promise<TrackingUpdateResult> {
  if (mode === 'MERGE') return mergeAndVerify(oms, orderId, invoiceNumber, status)
  const current = await readWritableInvoice(oms, orderId, invoiceNumber)
  const receipt = await writeOnce(oms, orderId, invoiceNumber, planWrite(current, status, 'REPLACE'))
  const after = await readInvoice(oms, orderId, invoiceNumber)
  return { receipt: receipt.receipt, date: receipt.date, invoice: toInvoiceTracking(after) }
}
