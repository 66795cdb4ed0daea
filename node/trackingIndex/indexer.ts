// Keeping the index current for one order: read it from OMS (the source of truth), project
// its invoices, and write each document that is newer than what the index holds. Used by
// the orders-broadcast handler, after the app's own writes, by the reconciliation and by
// the rebuild. Writes to one document are queued in this process; across replicas the
// version check (projection.ts, supersedes) keeps an older read from winning.
import { validateOrderId } from '../domain'
import { TrackingError } from '../errors/trackingError'
import { KeyedSerializer } from '../tracking/keyedSerializer'
import { OmsPort } from '../tracking/omsPort'
import { readOrder } from '../tracking/readTracking'
import { documentId } from './document'
import { IndexStore } from './indexStore'
import { IndexedOrder, StatusHints, differs, projectInvoice, supersedes, trackedPackages } from './projection'

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
const CLOSED_STATES = ['canceled', 'cancel', 'cancellation-requested']

export async function indexOrder(deps: IndexDeps, orderId: string, hints: StatusHints = new Map()): Promise<IndexOutcome> {
  if (validateOrderId(orderId).length > 0) {
    throw TrackingError.badInput(validateOrderId(orderId))
  }
  const order = (await readOrder(deps.oms, orderId)) as IndexedOrder
  const outcome: IndexOutcome = { written: 0, kept: 0, removed: 0 }
  const packages = trackedPackages(order)
  // A canceled order has no shipment to watch: its documents leave the queue.
  const closed = CLOSED_STATES.includes(String(order.status ?? '').toLowerCase())
  await Promise.all(
    packages.map(pkg => {
      const id = documentId(order.orderId, pkg.invoiceNumber)
      return documentQueue.run(`${deps.oms.account}\u0000${id}`, async () => {
        if (closed) {
          await deps.index.remove(id)
          outcome.removed++
          return
        }
        const current = await deps.index.get(id)
        const next = projectInvoice(order, pkg, current, hints, (deps.now ?? Date.now)())
        if (!supersedes(next, current) || !differs(next, current)) {
          outcome.kept++
          return
        }
        await deps.index.put(next)
        outcome.written++
      })
    })
  )
  return outcome
}
