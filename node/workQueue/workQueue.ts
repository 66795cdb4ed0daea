// trackingWorkQueue and trackingWorkQueueCounts: the invoices that need attention, from the
// tracking index (OMS cannot filter on tracking), oldest invoice first, in pages.
import { TRACKING_PROBLEMS, TrackingProblem, WorkQueueItem, fieldError, problemsOf, statusCodeOf } from '../domain'
import { TrackingError } from '../errors/trackingError'
import { TrackingSettings } from '../settings'
import { toIndexEntry } from '../trackingIndex/document'
import { IndexStore } from '../trackingIndex/indexStore'
import { MAX_PAGE_SIZE, baseConditions, problemCondition, validateWorkQueueFilter, whereOf } from './filter'

export const WORK_QUEUE_SORT = 'invoicedAt ASC'
/** Master Data's search reaches the first 10,000 documents of a query (VTEX's search guide). */
export const MAX_REACHABLE = 10_000

export interface WorkQueueDeps {
  index: IndexStore
  settings: TrackingSettings
  now: number
}

export interface WorkQueueConnection {
  totalCount: number
  pageInfo: { hasNextPage: boolean; endCursor: string | null }
  nodes: WorkQueueItem[]
}

// Opaque to callers; a position in the filtered, sorted list.
const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64')

function decodeCursor(after: unknown): number {
  if (after === undefined || after === null || after === '') return 0
  const text = typeof after === 'string' && after.length <= 40 ? Buffer.from(after, 'base64').toString() : ''
  const m = /^o:(\d{1,9})$/.exec(text)
  if (!m) throw TrackingError.badInput([fieldError('after', 'INVALID_FORMAT', 'after must be an endCursor this API returned.')])
  return Number(m[1])
}

function pageSize(first: unknown): number {
  if (first === undefined || first === null) return 50
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw TrackingError.badInput([fieldError('first', 'OUT_OF_RANGE', `first must be between 1 and ${MAX_PAGE_SIZE}.`)])
  }
  return first
}

export async function trackingWorkQueue(
  deps: WorkQueueDeps,
  args: { filter?: unknown; first?: unknown; after?: unknown }
): Promise<WorkQueueConnection> {
  const filter = validateWorkQueueFilter(args.filter, deps.now, deps.settings.timeZone)
  const limit = pageSize(args.first)
  const offset = decodeCursor(args.after)
  if (offset + limit > MAX_REACHABLE) {
    throw TrackingError.badInput([fieldError('after', 'OUT_OF_RANGE', `The queue pages through the first ${MAX_REACHABLE} invoices of a filter; narrow the filter to see others.`)])
  }
  const { total, documents } = await deps.index.search({
    where: whereOf(filter, deps.settings, deps.now),
    sort: WORK_QUEUE_SORT,
    offset,
    limit,
  })
  const end = offset + documents.length
  return {
    totalCount: total,
    pageInfo: { hasNextPage: end < Math.min(total, MAX_REACHABLE), endCursor: documents.length ? encodeCursor(end) : null },
    nodes: documents.map(doc => {
      const entry = toIndexEntry(doc)
      return {
        orderId: entry.orderId,
        invoiceNumber: entry.invoiceNumber,
        courier: entry.courier,
        trackingNumber: entry.trackingNumber,
        status: entry.status ? statusCodeOf(entry.status) : null,
        problems: problemsOf(entry, deps.settings, deps.now),
        invoicedAt: entry.invoicedAt,
        lastEventAt: entry.lastEventAt,
        estimatedDeliveryAt: entry.estimatedDeliveryAt,
      }
    }),
  }
}

export async function trackingWorkQueueCounts(
  deps: WorkQueueDeps,
  args: { filter?: unknown }
): Promise<Array<{ problem: TrackingProblem; count: number }>> {
  const filter = validateWorkQueueFilter(args.filter, deps.now, deps.settings.timeZone)
  const base = baseConditions(filter)
  return Promise.all(
    TRACKING_PROBLEMS.map(async problem => {
      const where = [...base, problemCondition(problem, deps.settings, deps.now)].join(' AND ')
      const { total } = await deps.index.search({ where, offset: 0, limit: 1 })
      return { problem, count: total }
    })
  )
}
