// What this process last wrote to each invoice, for a while, and how far behind OMS's order
// GET was seen to read. VTEX does not document that the GET reads its own writes at once; a
// cache or replica in front of the order store may answer an older list for a moment. So:
//
// - a MERGE builds on what this process last wrote whenever the list it read is older than
//   that write (it never sends a list built from a read older than its own last write);
// - the verify after a PUT tells a late read (the list as it was before our PUT, or older)
//   from a rival's (a list that differs from both), and waits for the first;
// - the lag seen so far sets how long the verify first waits and how long the settle check
//   waits for a quiet order.
import { TrackingEvent, mergeTrackingEvents, missingTrackingEvents, trackingEventKey } from '../domain'
import { OmsTrackingUpdate } from '../typings/oms'

/**
 * What the app assumes of OMS: an order GET shows a write at most this long after it
 * (ORDER_TRACKING_READ_LAG_MS). A read-back still older than our PUT after that is taken as a
 * rival's write. 0 assumes reads never lag: no memory, no second read.
 */
export const readLagMaxMs = () => {
  const value = Number(process.env.ORDER_TRACKING_READ_LAG_MS ?? 3000)
  return Number.isFinite(value) && value >= 0 ? value : 3000
}

// A read made longer than the lag bound after our write is not older than it: past that, the
// read is trusted (a rival's REPLACE stays replaced), and the write is forgotten.
const memoryMs = readLagMaxMs
/** Bounded memory: the oldest entries go first. */
const MAX_INVOICES = 10_000
/** Lists known to be older than an invoice's last write (its own earlier writes, the reads it was built on). */
const MAX_OLDER_LISTS = 16
/** The lag estimate halves every minute without a late read to renew it. */
const LAG_HALF_LIFE_MS = 60_000

interface RecentWrite {
  body: OmsTrackingUpdate
  at: number
  replace: boolean
  /** Keys of lists this write superseded: a read answering one of them is late. */
  older: string[]
}

const recent = new Map<string, RecentWrite>()

export const invoiceKey = (account: string, orderId: string, invoiceNumber: string) =>
  `${account}\u0000${orderId}\u0000${invoiceNumber}`

/** A list's identity, whatever the order of its events. */
export const listKey = (events: readonly TrackingEvent[]) => events.map(trackingEventKey).sort().join('\n')

function recall(key: string, now = Date.now()): RecentWrite | undefined {
  const entry = recent.get(key)
  if (entry && now - entry.at > memoryMs()) {
    recent.delete(key)
    return undefined
  }
  return entry
}

/** Records a PUT OMS accepted; `basedOn` is the list read before it (none for REPLACE). */
export function rememberWrite(key: string, body: OmsTrackingUpdate, replace: boolean, basedOn?: readonly TrackingEvent[]): void {
  if (!(memoryMs() > 0)) return
  const previous = recall(key)
  const older = previous ? [...previous.older, listKey(previous.body.events)] : []
  if (basedOn) older.push(listKey(basedOn))
  const written = listKey(body.events)
  recent.delete(key)
  recent.set(key, {
    body,
    at: Date.now(),
    replace,
    older: [...new Set(older.filter(list => list !== written))].slice(-MAX_OLDER_LISTS),
  })
  if (recent.size > MAX_INVOICES) recent.delete(recent.keys().next().value as string)
}

export interface MergeBase {
  events: TrackingEvent[]
  /** The delivered state to start from instead of the read's: our last write's, when the base builds on it. */
  delivery?: { isDelivered: boolean; deliveredDate: string | null }
}

/**
 * The list a MERGE builds on, given what a read answered: the read, when it holds this
 * process's last write to the invoice (or there is none, less than the lag bound ago); that
 * write, when the read is a list it superseded (a late read) or the write was a REPLACE; else
 * both, merged (a late read we cannot place, or a rival's list: keeping both loses nothing).
 */
export function mergeBase(key: string, stored: TrackingEvent[]): MergeBase {
  const last = recall(key)
  if (!last || missingTrackingEvents(stored, last.body.events).length === 0) return { events: stored }
  const delivery = { isDelivered: last.body.isDelivered, deliveredDate: last.body.deliveredDate }
  if (last.older.includes(listKey(stored)) || last.replace) {
    return { events: last.body.events, delivery }
  }
  return { events: mergeTrackingEvents(stored, last.body.events), delivery: last.body.isDelivered && !last.replace ? delivery : undefined }
}

/**
 * A read-back that lacks our events but holds nothing we had not seen before our PUT is the
 * list as it was before it (or older): a late read, not a rival's write.
 */
export const isLateRead = (after: readonly TrackingEvent[], seenBefore: readonly TrackingEvent[]) =>
  missingTrackingEvents(seenBefore, after).length === 0

// ---------------------------------------------------------------------------------------
// The lag seen: the longest a read was shown to lag (a read sent that long after our PUT still
// answered the list before it), fading with time.

let lag = { ms: 0, at: 0 }

export function noteReadLag(ms: number): void {
  const current = expectedReadLagMs()
  lag = { ms: Math.min(Math.max(current, ms), readLagMaxMs()), at: Date.now() }
}

export function expectedReadLagMs(now = Date.now()): number {
  return lag.ms * 0.5 ** ((now - lag.at) / LAG_HALF_LIFE_MS)
}

/** Forgets everything (tests). */
export function forgetRecentWrites(): void {
  recent.clear()
  lag = { ms: 0, at: 0 }
}
