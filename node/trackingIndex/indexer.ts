// Keeping the index current for one order: read it from OMS (the source of truth), project
// its invoices, and write each document that is newer than what the index holds. Used by
// the orders-broadcast handler, after the app's own writes (which hand over their verified
// read-back instead of a read, or for a REPLACE the list sent), by the reconciliation and by
// the rebuild. Writes to one document are queued in this process; across replicas the
// version check (projection.ts, supersedes) keeps an older read from winning.
import { validateOrderId } from '../domain'
import { TrackingError } from '../errors/trackingError'
import { KeyedSerializer } from './keyedSerializer'
import { OmsPort } from '../tracking/omsPort'
import { TrackingIndexDocument, documentId } from './document'
import { IndexStore } from './indexStore'
import { ReplacedInvoice } from '../tracking/invoiceWrites'
import { OmsOrder } from '../typings/oms'
import {
  IndexedOrder,
  StatusHints,
  differs,
  projectInvoice,
  projectReplacedInvoice,
  replaceApplies,
  supersedes,
  trackedPackages,
} from './projection'

export interface IndexDeps {
  oms: OmsPort
  index: IndexStore
  now?: () => number
}

export interface IndexOutcome {
  /** Documents written (created or changed). */
  written: number
  /** Documents left alone: unchanged, or the index already held a newer state. */
  kept: number
  removed: number
}

const documentQueue = new KeyedSerializer()
// A prefetched document is stale if this process queued or made a write to it since the
// prefetch: writes are counted per document, and each finished write takes a sequence number.
const queuedWrites = new Map<string, number>()
const lastWriteSeq = new Map<string, number>()
let writeSeq = 0
// Bounded memory: past this many documents the map starts over, and prefetches older than
// that moment count as stale.
const MAX_TRACKED_WRITES = 100_000
let forgottenBefore = 0

function wrote(key: string) {
  if (lastWriteSeq.size >= MAX_TRACKED_WRITES) {
    lastWriteSeq.clear()
    forgottenBefore = writeSeq
  }
  lastWriteSeq.set(key, ++writeSeq)
}

/** Documents read ahead (one search for a page of orders), and when. */
export interface KnownDocuments {
  /** indexWriteMark() just before the search. */
  mark: number
  /** Orders whose every document is in `documents`: any other id of theirs is not in the index. */
  orders: Set<string>
  documents: Map<string, TrackingIndexDocument>
}

export const indexWriteMark = () => writeSeq
const CLOSED_STATES = ['canceled', 'cancel', 'cancellation-requested']

/** Runs one write to a document after the ones queued before it, counted for prefetches. */
function inDocumentQueue(key: string, write: () => Promise<void>): Promise<void> {
  queuedWrites.set(key, (queuedWrites.get(key) ?? 0) + 1)
  return documentQueue.run(key, write).finally(() => {
    const left = (queuedWrites.get(key) ?? 1) - 1
    if (left > 0) queuedWrites.set(key, left)
    else queuedWrites.delete(key)
  })
}

/** `known`: documents already read for this order (the rebuild reads a page's worth at once). */
export async function indexOrder(
  deps: IndexDeps,
  orderId: string,
  hints: StatusHints = new Map(),
  known?: KnownDocuments,
  /** The order as a write just read it back (verified): no read of our own then. */
  readBack?: OmsOrder
): Promise<IndexOutcome> {
  if (validateOrderId(orderId).length > 0) {
    throw TrackingError.badInput(validateOrderId(orderId))
  }
  const order = (readBack ?? (await deps.oms.getOrder(orderId))) as IndexedOrder
  const outcome: IndexOutcome = { written: 0, kept: 0, removed: 0 }
  const packages = trackedPackages(order)
  // A canceled order has no shipment to watch: its documents leave the queue.
  const closed = CLOSED_STATES.includes(String(order.status ?? '').toLowerCase())
  await Promise.all(
    packages.map(pkg => {
      const id = documentId(order.orderId, pkg.invoiceNumber)
      const key = `${deps.oms.account}\u0000${id}`
      const prefetched =
        !!known &&
        known.orders.has(order.orderId) &&
        !queuedWrites.has(key) &&
        known.mark >= forgottenBefore &&
        (lastWriteSeq.get(key) ?? -1) <= known.mark
      return inDocumentQueue(key, async () => {
        if (closed) {
          await deps.index.remove(id)
          wrote(key)
          outcome.removed++
          return
        }
        const current = prefetched ? known!.documents.get(id) : await deps.index.get(id)
        const next = projectInvoice(order, pkg, current, hints, (deps.now ?? Date.now)())
        if (!supersedes(next, current) || !differs(next, current)) {
          outcome.kept++
          return
        }
        await deps.index.put(next)
        wrote(key)
        outcome.written++
      })
    })
  )
  return outcome
}

/**
 * After a REPLACE, with no read of the order: each replaced invoice's document recomputed from
 * the list sent (OMS stores exactly that) over what the index holds for the rest (courier,
 * tracking number, dates). False, when an invoice has no document yet: the caller reads the
 * order then (documents already written here are rewritten by that read, harmlessly).
 */
export async function indexReplacedInvoices(
  deps: IndexDeps,
  orderId: string,
  replaced: ReplacedInvoice[],
  hints: StatusHints = new Map()
): Promise<boolean> {
  let complete = true
  // In the order written: two REPLACEs of one invoice leave the later list.
  for (const sent of replaced) {
    const id = documentId(orderId, sent.invoiceNumber)
    const key = `${deps.oms.account}\u0000${id}`
    await inDocumentQueue(key, async () => {
      const current = await deps.index.get(id)
      if (!current) {
        complete = false
        return
      }
      if (!replaceApplies(current, sent.writtenAt)) return
      const next = projectReplacedInvoice(current, sent, hints, (deps.now ?? Date.now)())
      if (!differs(next, current)) return
      await deps.index.put(next)
      wrote(key)
    })
    if (!complete) return false
  }
  return true
}
