// rebuildTrackingIndex: walks OMS's List orders (invoiced, by invoiced date, 100 per page)
// and indexes every order. List orders answers at most 30 pages per query, so a range with
// more than 3,000 orders is split in halves until each part fits. The per-order reads run
// side by side (REBUILD_CONCURRENCY) under the same rate-limit gate as every OMS call, so
// the rebuild uses what OMS admits and no more. It runs in the Service process that was
// asked (an IO request ends at 30 s; the rebuild goes on after the mutation answers) and
// writes its progress to Master Data every few seconds, so trackingIndexRebuild answers the
// same on every replica, and a rebuild whose replica stopped shows as FAILED, not RUNNING.
import { fieldError, isValidOrderId, validateInstant } from '../domain'
import { fromOmsFailure } from '../errors/omsFailure'
import { TrackingError } from '../errors/trackingError'
import { ConcurrencyLimiter } from '../tracking/concurrencyLimiter'
import { OmsOrderList } from '../typings/oms'
import { TrackingIndexDocument } from './document'
import { IndexDeps, KnownDocuments, indexOrder, indexWriteMark } from './indexer'
import { RebuildProgressStore, StoredRebuildProgress } from './rebuildProgressStore'

export const LIST_PAGE_SIZE = 100
export const LIST_MAX_PAGES = 30
export const REBUILD_CONCURRENCY = 128
/** How often a running rebuild writes its progress. */
export const PROGRESS_WRITE_MS = 2_000
/** A RUNNING progress not written for this long belongs to a replica that stopped. */
export const RUN_STALE_AFTER_MS = 30_000

export interface OrderLister {
  listInvoicedOrders(from: string, to: string, page: number, perPage: number): Promise<OmsOrderList>
}

export interface RebuildProgress {
  id: string
  state: 'RUNNING' | 'DONE' | 'FAILED'
  invoicedFrom: string
  invoicedTo: string
  /** What List orders reported for the range when the rebuild started. */
  ordersFound: number
  ordersListed: number
  ordersIndexed: number
  ordersFailed: number
  /** Orders List orders cannot reach: more than 30 pages invoiced in one millisecond. */
  ordersUnreachable: number
  invoicesWritten: number
  startedAt: string
  finishedAt: string | null
}

// This process's own run, fresher than what it last wrote.
const progressByAccount = new Map<string, RebuildProgress>()

const IDLE = {
  id: 'none', state: 'IDLE', invoicedFrom: null, invoicedTo: null, ordersFound: 0, ordersListed: 0, ordersIndexed: 0,
  ordersFailed: 0, ordersUnreachable: 0, invoicesWritten: 0, startedAt: null, finishedAt: null,
} as const

type ProgressAnswer = RebuildProgress | typeof IDLE

function fromStored(stored: StoredRebuildProgress, now: number): RebuildProgress {
  const { runId, heartbeatAt, ...rest } = stored
  const progress: RebuildProgress = { ...rest, id: runId }
  if (progress.state === 'RUNNING' && now - Date.parse(heartbeatAt) > RUN_STALE_AFTER_MS) {
    return { ...progress, state: 'FAILED', finishedAt: heartbeatAt }
  }
  return progress
}

/** What trackingIndexRebuild answers: this process's run, or the latest any replica wrote. */
export async function rebuildProgress(account: string, store: RebuildProgressStore, now = Date.now()): Promise<ProgressAnswer> {
  const local = progressByAccount.get(account)
  if (local?.state === 'RUNNING') return { ...local }
  const stored = await store.read()
  const shared = stored ? fromStored(stored, now) : undefined
  if (local && (!shared || shared.startedAt <= local.startedAt)) return { ...local }
  return shared ?? IDLE
}

/** Writes a run's progress now and every PROGRESS_WRITE_MS, one write at a time, until stopped. */
function persistProgress(store: RebuildProgressStore, progress: RebuildProgress, logger?: { warn(m: unknown): void }) {
  let chain: Promise<void> = Promise.resolve()
  const write = () => {
    const { id, ...rest } = progress
    const snapshot: StoredRebuildProgress = { ...rest, runId: id, heartbeatAt: new Date().toISOString() }
    chain = chain.then(() =>
      store.write(snapshot).catch(() => logger?.warn({ message: 'tracking index rebuild progress not stored', runId: id }))
    )
    return chain
  }
  write()
  const timer = setInterval(write, PROGRESS_WRITE_MS)
  timer.unref?.()
  return {
    stop: () => {
      clearInterval(timer)
      return write()
    },
  }
}

export function validateRebuildRange(args: { invoicedFrom?: unknown; invoicedTo?: unknown }, now: number, timeZone = 'UTC') {
  const from = validateInstant(args.invoicedFrom, 'invoicedFrom', now, { timeZone })
  const to = validateInstant(args.invoicedTo, 'invoicedTo', now, { timeZone })
  const errors = [...from.errors, ...to.errors]
  if (errors.length === 0 && (from.at as number) > (to.at as number)) {
    errors.push(fieldError('invoicedTo', 'OUT_OF_RANGE', 'invoicedTo must not be before invoicedFrom.'))
  }
  if (errors.length > 0) throw TrackingError.badInput(errors)
  return { from: from.at as number, to: to.at as number }
}

/**
 * Starts a rebuild (or answers the one running for this account) and returns its progress.
 * It answers once OMS has said how many orders the range holds; the walk goes on after.
 */
export async function startRebuild(
  deps: IndexDeps & { lister: OrderLister; progressStore: RebuildProgressStore; logger?: { warn(m: unknown): void } },
  args: { invoicedFrom?: unknown; invoicedTo?: unknown },
  now = Date.now(),
  /** The store's: the day a calendar date names. */
  timeZone = 'UTC'
): Promise<RebuildProgress> {
  const { from, to } = validateRebuildRange(args, now, timeZone)
  const account = deps.oms.account
  const running = progressByAccount.get(account)
  if (running?.state === 'RUNNING') return { ...running }
  // One running on another replica is answered, not doubled. (Two replicas asked in the same
  // instant may both run: the upserts are idempotent, so that costs OMS requests, not data.)
  const stored = await deps.progressStore.read().catch(() => undefined)
  const elsewhere = stored ? fromStored(stored, now) : undefined
  if (elsewhere?.state === 'RUNNING') return elsewhere
  const found = await deps.lister
    .listInvoicedOrders(new Date(from).toISOString(), new Date(to).toISOString(), 1, 1)
    .catch(error => {
      throw fromOmsFailure(error, { orderId: '' })
    })
  const progress: RebuildProgress = {
    id: `${now.toString(36)}`,
    ordersFound: found.paging.total,
    state: 'RUNNING',
    invoicedFrom: new Date(from).toISOString(),
    invoicedTo: new Date(to).toISOString(),
    ordersListed: 0,
    ordersIndexed: 0,
    ordersFailed: 0,
    ordersUnreachable: 0,
    invoicesWritten: 0,
    startedAt: new Date(now).toISOString(),
    finishedAt: null,
  }
  progressByAccount.set(account, progress)
  if (progress.ordersFound === 0) {
    progress.state = 'DONE'
    progress.finishedAt = progress.startedAt
    await persistProgress(deps.progressStore, progress, deps.logger).stop()
    return { ...progress }
  }
  const persisted = persistProgress(deps.progressStore, progress, deps.logger)
  runRebuild(deps, from, to, progress)
    .then(
      () => {
        progress.state = 'DONE'
        progress.finishedAt = new Date().toISOString()
      },
      error => {
        progress.state = 'FAILED'
        progress.finishedAt = new Date().toISOString()
        deps.logger?.warn({ message: 'tracking index rebuild failed', code: error instanceof TrackingError ? error.extensions.code : 'INTERNAL_SERVER_ERROR' })
      }
    )
    .then(() => persisted.stop())
  return { ...progress }
}

export async function runRebuild(
  deps: IndexDeps & { lister: OrderLister },
  from: number,
  to: number,
  progress: Pick<RebuildProgress, 'ordersListed' | 'ordersIndexed' | 'ordersFailed' | 'ordersUnreachable' | 'invoicesWritten'>
): Promise<void> {
  const limiter = new ConcurrencyLimiter(REBUILD_CONCURRENCY)
  const pending: Array<Promise<void>> = []
  const list = (a: number, b: number, page: number) =>
    deps.lister
      .listInvoicedOrders(new Date(a).toISOString(), new Date(b).toISOString(), page, LIST_PAGE_SIZE)
      .catch(error => {
        throw fromOmsFailure(error, { orderId: '' })
      })
  const index = (orderId: string, known?: KnownDocuments) =>
    limiter.run(async () => {
      try {
        const outcome = await indexOrder(deps, orderId, new Map(), known)
        progress.ordersIndexed++
        progress.invoicesWritten += outcome.written
      } catch {
        progress.ordersFailed++
      }
    })

  // What the index holds for a page of orders, in one search instead of one read per invoice.
  const prefetch = async (orderIds: string[]): Promise<KnownDocuments | undefined> => {
    if (orderIds.length === 0) return undefined
    const mark = indexWriteMark()
    try {
      const where = orderIds.map(id => `orderId=${id}`).join(' OR ')
      const { total, documents } = await deps.index.search({ where, offset: 0, limit: LIST_PAGE_SIZE })
      if (total > documents.length) return undefined // more invoices than one search answers: read each
      return { mark, orders: new Set(orderIds), documents: new Map(documents.map(doc => [doc.id, doc] as [string, TrackingIndexDocument])) }
    } catch {
      return undefined // each order reads its own documents then
    }
  }

  const walk = async (a: number, b: number): Promise<void> => {
    const first = await list(a, b, 1)
    // More than List orders will page through: split the range (down to one millisecond).
    if (first.paging.total > LIST_PAGE_SIZE * LIST_MAX_PAGES && b > a) {
      const middle = Math.floor((a + b) / 2)
      await walk(a, middle)
      await walk(middle + 1, b)
      return
    }
    const pages = Math.min(first.paging.pages, LIST_MAX_PAGES)
    // Only when one millisecond holds more than 30 pages: said, not hidden.
    progress.ordersUnreachable += Math.max(0, first.paging.total - LIST_PAGE_SIZE * LIST_MAX_PAGES)
    for (let page = 1; page <= pages; page++) {
      const answer = page === 1 ? first : await list(a, b, page)
      // Only well-formed ids go into a condition (indexOrder refuses the others anyway).
      const known = await prefetch(answer.list.map(item => item.orderId).filter(isValidOrderId))
      for (const item of answer.list) {
        progress.ordersListed++
        pending.push(index(item.orderId, known))
      }
      // Keep listing only as far ahead as the readers can take.
      while (pending.length > REBUILD_CONCURRENCY * 4) await pending.shift()
    }
  }
  await walk(from, to)
  await Promise.all(pending)
}
