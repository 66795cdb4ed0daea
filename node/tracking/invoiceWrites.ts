// Every tracking write of this process goes through here: the one module that holds
// process-wide write state, per account and order.
//
// - **A queue per order.** OMS's PUT replaces an invoice's list and has no version check, so
//   writes to one order run one round at a time, in arrival order.
// - **Group commit.** Every MERGE waiting when a round starts — from single calls, batches and
//   the CSV import alike — joins it: N updates to an invoice cost one read-merge-write-verify
//   (GET order, PUT, GET order), and the invoices of one order share both GETs (the order GET
//   returns every invoice). Each caller still gets its own answer: its events kept, or its own
//   error.
// - **Verify.** After the PUT the order is read back. A read-back without an update's events
//   that holds nothing we had not seen before our PUT is a late read (OMS's GET lagging its
//   writes): it is read again after a short, growing pause, up to the lag bound of
//   recentWrites.ts. One that differs (another replica replaced the list in between) is merged
//   and written again, with a random pause, up to MAX_MERGE_REWRITES times, then CONFLICT.
// - **Reads older than our own writes.** A MERGE merges into what this process last wrote to
//   the invoice when the list it read is older than that write (recentWrites.ts).
// - **The settle check.** A rival that read before our write and writes after our verify is
//   invisible to the verify. So once writes to an order have been quiet for a moment, one GET
//   of the order (off every caller's path) looks for the events of ours it should hold and
//   merges back whatever is gone. A REPLACE drops that watch for its invoice: it states the
//   whole list.
// - **REPLACE** is one PUT: OMS itself refuses an invoice without a tracking number, and what
//   it stores is exactly what was sent.
import {
  InvoiceTracking,
  TrackingEvent,
  LIMITS,
  ValidTrackingStatus,
  fieldError,
  mergeTrackingEvents,
  missingTrackingEvents,
  parseIsoInstant,
  toOmsDeliveredDate,
} from '../domain'
import { invoiceNotFound, trackingNumberMissing } from '../errors/omsFailure'
import { TrackingError } from '../errors/trackingError'
import { OmsOrder, OmsPackage, OmsTrackingUpdate, OmsWriteReceipt } from '../typings/oms'
import { findPackage, sentInvoiceTracking, storedEvents, toInvoiceTracking } from './invoiceView'
import { OmsPort } from './omsPort'
import {
  expectedReadLagMs,
  invoiceKey,
  isLateRead,
  mergeBase,
  noteReadLag,
  readLagMaxMs,
  rememberWrite,
} from './recentWrites'

export type TrackingWriteMode = 'MERGE' | 'REPLACE'

/** One update to one invoice, validated. */
export interface InvoiceWrite {
  invoiceNumber: string
  status: ValidTrackingStatus
}

export interface InvoiceWriteResult {
  receipt: string
  date: string
  invoice: InvoiceTracking
  /** MERGE: the order as its verify read it back, which the tracking index takes instead of a
   * read of its own (one OMS request less per write). Not part of the API's answer. */
  verifiedOrder?: OmsOrder
  /** REPLACE: the list sent, which OMS stores as it is; the tracking index takes it instead of
   * a read of its own (a REPLACE stays one OMS request). Not part of the API's answer. */
  replaced?: ReplacedInvoice
}

/** An invoice's list as a REPLACE wrote it, and when OMS took the write (its receipt's date). */
export interface ReplacedInvoice {
  orderId: string
  invoiceNumber: string
  tracking: OmsTrackingUpdate
  writtenAt: string
}

export interface WriteLogger {
  warn(message: unknown): void
}

/** How many times a MERGE rewrites after finding its events dropped by another writer. */
export const MAX_MERGE_REWRITES = 5

// Two replicas that keep dropping each other's event would otherwise retry in lockstep; a
// random pause, growing with each round, lets one of them finish first.
const REWRITE_PAUSE_MS = 25
/** Settle checks after a write: a restore is itself checked once more. */
const SETTLE_CHECKS = 2
const settleDelayMs = () => Number(process.env.ORDER_TRACKING_SETTLE_CHECK_MS ?? 500)
// A MERGE round that follows another to the same order within BURST_MS is part of a burst
// (many callers writing one invoice): it lingers while updates keep arriving (one at least
// every LINGER_STEP_MS, LINGER_MAX_MS at most), so that the callers just answered, who send
// their next update right away, join it instead of making a round each. A lone update never
// waits.
const BURST_MS = 50
const LINGER_STEP_MS = 10
const LINGER_MAX_MS = 100

/**
 * Queues the updates to invoices of one order. Updates submitted together (a batch's updates
 * to one order) join the same round; so do updates from other callers that arrive before it
 * starts. Answers come back in the order given.
 */
export function writeInvoices(
  oms: OmsPort,
  orderId: string,
  writes: InvoiceWrite[],
  mode: TrackingWriteMode,
  logger?: WriteLogger
): Array<Promise<InvoiceWriteResult>> {
  const order = orderState(oms, orderId, logger)
  const answers = writes.map(
    write =>
      new Promise<InvoiceWriteResult>((resolve, reject) =>
        order.queue.push({ kind: mode, ...write, checksLeft: SETTLE_CHECKS, resolve, reject })
      )
  )
  startRounds(order)
  return answers
}

// ---------------------------------------------------------------------------------------
// Process-wide state: one entry per order with writes queued, running or watched.

interface QueuedWrite extends InvoiceWrite {
  kind: TrackingWriteMode
  /** Settle checks still owed to this write's events once it succeeds. */
  checksLeft: number
  resolve(result: InvoiceWriteResult): void
  reject(error: unknown): void
}

type QueueItem = QueuedWrite | { kind: 'SETTLE_CHECK' }

interface Watched {
  status: ValidTrackingStatus
  checksLeft: number
}

interface OrderState {
  key: string
  oms: OmsPort
  orderId: string
  logger?: WriteLogger
  queue: QueueItem[]
  running: boolean
  /** When the last MERGE round to this order ended (ms since epoch). */
  lastMergeRoundAt: number
  /** Per invoice: the events of ours the order must still hold when it has been quiet. */
  watched: Map<string, Watched>
  settleTimer?: ReturnType<typeof setTimeout>
}

const orders = new Map<string, OrderState>()

function orderState(oms: OmsPort, orderId: string, logger?: WriteLogger): OrderState {
  const key = `${oms.account}\u0000${orderId}`
  let order = orders.get(key)
  if (!order) orders.set(key, (order = { key, oms, orderId, queue: [], running: false, lastMergeRoundAt: 0, watched: new Map() }))
  // Clients live one request each; the latest one (same account, same app token) does the calls.
  order.oms = oms
  if (logger) order.logger = logger
  return order
}

function startRounds(order: OrderState): void {
  // A write arriving means the order is not quiet: the settle check waits for the next lull.
  if (order.settleTimer) clearTimeout(order.settleTimer)
  order.settleTimer = undefined
  if (order.running) return
  order.running = true
  // Started once the code that queued this write is done, so that everything it queued at
  // once (a batch's updates to this order) lands in the first round.
  queueMicrotask(() => void runRounds(order))
}

async function runRounds(order: OrderState): Promise<void> {
  while (order.queue.length > 0) {
    if (order.queue[0].kind === 'MERGE' && Date.now() - order.lastMergeRoundAt < BURST_MS) await linger(order)
    const head = order.queue.shift() as QueueItem
    const writes: QueuedWrite[] = head.kind === 'SETTLE_CHECK' ? [] : [head]
    if (head.kind === 'MERGE') {
      while (order.queue.length > 0 && order.queue[0].kind === 'MERGE') writes.push(order.queue.shift() as QueuedWrite)
    }
    try {
      if (head.kind === 'SETTLE_CHECK') await settleCheck(order)
      else if (head.kind === 'REPLACE') await replace(order, head)
      else {
        await mergeRound(order, writes)
        order.lastMergeRoundAt = Date.now()
      }
    } catch (error) {
      // A bug, not an OMS answer (those are handled per write): no caller waits forever.
      for (const write of writes) write.reject(error)
    }
  }
  order.running = false
  scheduleSettleCheck(order)
}

async function linger(order: OrderState): Promise<void> {
  const until = Date.now() + LINGER_MAX_MS
  for (let waiting = -1; order.queue.length > waiting && Date.now() < until; ) {
    waiting = order.queue.length
    await new Promise(resolve => setTimeout(resolve, LINGER_STEP_MS))
  }
}

function scheduleSettleCheck(order: OrderState): void {
  // A rival's write shows in our reads only once the lag is over: the look waits for it too.
  const delayMs = settleDelayMs() > 0 ? settleDelayMs() + 2 * expectedReadLagMs() : 0
  if (order.watched.size === 0 || !(delayMs > 0)) {
    order.watched.clear()
    orders.delete(order.key)
    return
  }
  order.settleTimer = setTimeout(() => {
    order.settleTimer = undefined
    order.queue.push({ kind: 'SETTLE_CHECK' })
    startRounds(order)
  }, delayMs)
  order.settleTimer.unref?.()
}

function watch(order: OrderState, write: QueuedWrite): void {
  if (write.checksLeft <= 0 || !(settleDelayMs() > 0)) return
  const current = order.watched.get(write.invoiceNumber)
  order.watched.set(write.invoiceNumber, {
    // Every event of the updates watched, and the latest update's delivered state.
    status: current ? { ...write.status, events: mergeTrackingEvents(current.status.events, write.status.events) } : write.status,
    checksLeft: Math.max(write.checksLeft, current?.checksLeft ?? 0),
  })
}

// ---------------------------------------------------------------------------------------
// The rounds.

async function replace(order: OrderState, write: QueuedWrite): Promise<void> {
  order.watched.delete(write.invoiceNumber)
  const body: OmsTrackingUpdate = {
    isDelivered: write.status.isDelivered,
    deliveredDate: write.status.deliveredDate,
    events: write.status.events,
  }
  try {
    const receipt = await order.oms.putTracking(order.orderId, write.invoiceNumber, body)
    rememberWrite(invoiceKey(order.oms.account, order.orderId, write.invoiceNumber), body, true)
    write.resolve({
      receipt: receipt.receipt,
      date: receipt.date,
      invoice: sentInvoiceTracking(write.invoiceNumber, body),
      replaced: { orderId: order.orderId, invoiceNumber: write.invoiceNumber, tracking: body, writtenAt: receipt.date },
    })
  } catch (error) {
    write.reject(error)
  }
}

interface PlannedPut {
  invoiceNumber: string
  writes: QueuedWrite[]
  body: OmsTrackingUpdate
  /** The list read before the PUT. */
  read: TrackingEvent[]
  /** Every event known before the PUT (the read and the base it merged into): a read-back within it is late. */
  seenBefore: TrackingEvent[]
}

type WrittenPut = PlannedPut & { receipt: OmsWriteReceipt }

async function mergeRound(order: OrderState, writes: QueuedWrite[]): Promise<void> {
  const { oms, orderId } = order
  let pending = writes
  // Late reads are waited for up to the lag bound after the round's first PUT, not after each
  // rewrite: when OMS lags longer than assumed, the round ends (CONFLICT) in bounded time.
  let lateReadsUntil: number | undefined
  for (let attempt = 0; pending.length > 0; attempt++) {
    const current = await readOrder(oms, orderId, pending)
    if (!current) return
    const planned = planPuts(order, current, pending)
    const written = await Promise.all(planned.map(put => writePut(order, put)))
    const toVerify = written.filter((put): put is WrittenPut => put !== null)
    if (toVerify.length === 0) return
    lateReadsUntil ??= Date.now() + readLagMaxMs()
    const rivals = await verify(order, toVerify, lateReadsUntil)
    if (!rivals) return
    pending = rivals
    if (pending.length > 0 && attempt >= MAX_MERGE_REWRITES) {
      for (const write of pending) write.reject(conflict(write.invoiceNumber))
      return
    }
    if (pending.length > 0) await pauseBeforeRewrite(attempt)
  }
}

// First pause after a late read-back, when no lag was seen yet; each further one doubles.
const LATE_READ_PAUSE_MS = 25

/**
 * Reads the order back until every update's events show, or the list is a rival's: returns
 * the updates to merge and write again (null once a failed read answered them all). A late
 * read (the list as before our PUT, or older) is read again after a pause: the lag seen so far
 * at first, then growing, until `lateReadsUntil`; after that it counts as a rival's.
 */
async function verify(order: OrderState, puts: WrittenPut[], lateReadsUntil: number): Promise<QueuedWrite[] | null> {
  const writtenAt = Date.now()
  const rivals: QueuedWrite[] = []
  let late = puts
  for (let reread = 0; ; reread++) {
    const readAt = Date.now() - writtenAt
    const after = await readOrder(order.oms, order.orderId, [...late.flatMap(put => put.writes), ...rivals])
    if (!after) return null
    const stillLate: WrittenPut[] = []
    for (const put of late) {
      const pkg = findPackage(after, put.invoiceNumber)
      const stored = pkg ? storedEvents(pkg) : []
      const invoice = pkg ? toInvoiceTracking(pkg) : null
      const missing: QueuedWrite[] = []
      for (const write of put.writes) {
        // The events this update brought must be there; what else changed is another writer's say.
        if (invoice && missingTrackingEvents(stored, write.status.events).length === 0) {
          write.resolve({ receipt: put.receipt.receipt, date: put.receipt.date, invoice, verifiedOrder: after })
          watch(order, write)
        } else {
          missing.push(write)
        }
      }
      if (missing.length === 0) continue
      if (pkg && isLateRead(stored, put.seenBefore)) {
        // A read this long after the PUT still lagged: the next rounds wait at least as long.
        if (reread > 0) noteReadLag(readAt)
        stillLate.push({ ...put, writes: missing })
      } else {
        rivals.push(...missing)
      }
    }
    const elapsed = Date.now() - writtenAt
    if (stillLate.length === 0) return rivals
    const left = lateReadsUntil - Date.now()
    if (left <= 0) return [...rivals, ...stillLate.flatMap(put => put.writes)]
    const pause = Math.max(LATE_READ_PAUSE_MS * 2 ** reread, reread === 0 ? 1.25 * expectedReadLagMs() - elapsed : 0)
    await new Promise(resolve => setTimeout(resolve, Math.min(pause, left)))
    late = stillLate
  }
}

/** The order, or null once every write waiting on it has been told why not. */
async function readOrder(oms: OmsPort, orderId: string, waiting: QueuedWrite[]): Promise<OmsOrder | null> {
  try {
    return await oms.getOrder(orderId)
  } catch (error) {
    for (const write of waiting) write.reject(error)
    return null
  }
}

async function writePut(order: OrderState, put: PlannedPut): Promise<WrittenPut | null> {
  try {
    const receipt = await order.oms.putTracking(order.orderId, put.invoiceNumber, put.body)
    rememberWrite(invoiceKey(order.oms.account, order.orderId, put.invoiceNumber), put.body, false, put.read)
    return { ...put, receipt }
  } catch (error) {
    for (const write of put.writes) write.reject(error)
    return null
  }
}

/** One PUT per invoice; the writes OMS would refuse are answered here, before any PUT. */
function planPuts(state: OrderState, order: OmsOrder, writes: QueuedWrite[]): PlannedPut[] {
  const { orderId } = state
  const byInvoice = new Map<string, QueuedWrite[]>()
  for (const write of writes) {
    const list = byInvoice.get(write.invoiceNumber)
    if (list) list.push(write)
    else byInvoice.set(write.invoiceNumber, [write])
  }
  const puts: PlannedPut[] = []
  byInvoice.forEach((invoiceWrites, invoiceNumber) => {
    const pkg = findPackage(order, invoiceNumber)
    const refusal = !pkg
      ? invoiceNotFound(orderId, invoiceNumber)
      : !pkg.trackingNumber?.trim()
        ? trackingNumberMissing(orderId, invoiceNumber)
        : null
    if (refusal || !pkg) {
      for (const write of invoiceWrites) write.reject(refusal)
      return
    }
    const put = planMerge(invoiceKey(state.oms.account, orderId, invoiceNumber), pkg, invoiceWrites)
    if (put.writes.length > 0) puts.push({ invoiceNumber, ...put })
  })
  return puts
}

/**
 * What OMS holds plus each update's events, in arrival order, as one list. An update that
 * would take the invoice past its event limit is refused on its own. A delivered invoice stays
 * delivered; the latest update that delivers sets the date.
 */
function planMerge(
  key: string,
  pkg: OmsPackage,
  writes: QueuedWrite[]
): Omit<PlannedPut, 'invoiceNumber'> {
  const read = storedEvents(pkg)
  // Built on our own last write to the invoice when the read is older than it.
  const base = mergeBase(key, read)
  let events = base.events
  const stored = pkg.courierStatus
  const storedAt = stored?.finished && stored.deliveredDate ? parseIsoInstant(stored.deliveredDate) : null
  let delivery = base.delivery ?? {
    isDelivered: stored?.finished === true,
    deliveredDate: storedAt === null ? null : toOmsDeliveredDate(storedAt),
  }
  const accepted: QueuedWrite[] = []
  for (const write of writes) {
    const merged = mergeTrackingEvents(events, write.status.events)
    if (merged.length > LIMITS.eventsPerInvoice) {
      write.reject(
        TrackingError.badInput([
          fieldError(
            'input.events',
            'TOO_MANY',
            `An invoice holds at most ${LIMITS.eventsPerInvoice} events; this update would make ${merged.length}.`
          ),
        ])
      )
      continue
    }
    events = merged
    if (write.status.isDelivered) delivery = { isDelivered: true, deliveredDate: write.status.deliveredDate }
    accepted.push(write)
  }
  return { writes: accepted, body: { ...delivery, events }, read, seenBefore: [...read, ...base.events] }
}

/** One GET for the order; each watched invoice missing events of ours gets them merged back. */
async function settleCheck(order: OrderState): Promise<void> {
  const watched = order.watched
  order.watched = new Map()
  let current: OmsOrder
  try {
    current = await order.oms.getOrder(order.orderId)
  } catch (error) {
    reportSettleFailure(order, [...watched.keys()], error)
    return
  }
  const restores: QueuedWrite[] = []
  watched.forEach(({ status, checksLeft }, invoiceNumber) => {
    const pkg = findPackage(current, invoiceNumber)
    if (!pkg || missingTrackingEvents(storedEvents(pkg), status.events).length === 0) return
    restores.push({
      kind: 'MERGE',
      invoiceNumber,
      status,
      checksLeft: checksLeft - 1,
      resolve: () => undefined,
      reject: error => reportSettleFailure(order, [invoiceNumber], error),
    })
  })
  if (restores.length > 0) await mergeRound(order, restores)
}

function reportSettleFailure(order: OrderState, invoiceNumbers: string[], error: unknown): void {
  order.logger?.warn({
    message: 'settle check could not restore tracking events',
    orderId: order.orderId,
    invoiceNumbers,
    code: error instanceof TrackingError ? error.extensions.code : 'INTERNAL_SERVER_ERROR',
  })
}

const pauseBeforeRewrite = (attempt: number) =>
  new Promise(resolve => setTimeout(resolve, Math.random() * REWRITE_PAUSE_MS * 2 ** attempt))

const conflict = (invoiceNumber: string) =>
  new TrackingError(
    `Another writer kept replacing the tracking events of invoice ${invoiceNumber}; the events of this update could not be kept. Try again.`,
    { code: 'CONFLICT', field: 'invoiceNumber' }
  )
