// Resolvers of the work queue, the index rebuild and the settings, and the hook that puts
// every successful write of the app into the tracking index.
import { ServiceContext } from '@vtex/api'

import { Clients } from '../clients'
import {
  FINAL_TRACKING_STATUSES,
  LIMITS,
  TrackingEvent,
  TrackingStatus,
  fieldError,
  normalizeTrackingEvents,
  recognizeTrackingStatus,
  statusCodeOf,
  InvoiceTracking,
  statusOfCode,
  trackingEventKey,
} from '../domain'
import { TrackingError } from '../errors/trackingError'
import { OmsOrder } from '../typings/oms'
import { TrackingSettings, getTrackingSettings, storeTimeZoneFor } from '../settings'
import { ConcurrencyLimiter } from '../tracking/concurrencyLimiter'
import { InvoiceWriteResult, ReplacedInvoice } from '../tracking/invoiceWrites'
import { setInvoiceTracking } from '../tracking/setInvoiceTracking'
import { indexOrder, indexReplacedInvoices } from '../trackingIndex/indexer'
import { IndexStore, masterDataIndexStore } from '../trackingIndex/indexStore'
import { IndexedOrder, StatusHints } from '../trackingIndex/projection'
import { keepReconciling } from '../trackingIndex/reconcile'
import { rebuildProgress, startRebuild } from '../trackingIndex/rebuild'
import { masterDataRebuildProgressStore } from '../trackingIndex/rebuildProgressStore'
import { trackingWorkQueue, trackingWorkQueueCounts } from '../workQueue/workQueue'

type Context = ServiceContext<Clients>

/** Master Data failures leave as our own code, without the upstream's details. */
function indexUnavailable(error: unknown): never {
  if (error instanceof TrackingError) throw error
  throw new TrackingError('The tracking index is unavailable right now. Try again shortly.', { code: 'UPSTREAM_UNAVAILABLE' })
}

function indexDeps(ctx: Context): { oms: Clients['oms']; index: IndexStore } {
  const deps = { oms: ctx.clients.oms, index: masterDataIndexStore(ctx.clients.trackingIndex) }
  keepReconciling(ctx.vtex.account, deps, ctx.vtex.logger)
  return deps
}

const settingsOf = (ctx: Context): Promise<TrackingSettings> =>
  getTrackingSettings(ctx.clients.apps, ctx.vtex.account, Date.now(), ctx.clients.tenant)

/** The statuses a caller gave its events (event key → status), for the index to keep. */
export function statusHints(input: unknown): StatusHints {
  const hints: StatusHints = new Map()
  const events = (input as { events?: unknown } | null)?.events
  if (!Array.isArray(events)) return hints
  for (const raw of events) {
    const e = raw as Partial<TrackingEvent> & { status?: unknown }
    const status = statusOfCode(e?.status)
    if (!status || typeof e.date !== 'string' || typeof e.city !== 'string' || typeof e.state !== 'string' || typeof e.description !== 'string') continue
    hints.set(trackingEventKey({ city: e.city.trim(), state: e.state.trim(), description: e.description.trim(), date: e.date.trim() }), status)
  }
  return hints
}

/** What writes left for the index: the orders their verify read back, the lists REPLACEs sent. */
export interface WrittenState {
  /** Per order, its latest read-back (a batch's updates to one order may span rounds). */
  readBack: Map<string, OmsOrder>
  replaced: ReplacedInvoice[]
}

export function writtenState(results: Array<Pick<InvoiceWriteResult, 'verifiedOrder' | 'replaced'>>): WrittenState {
  const readBack = new Map<string, OmsOrder>()
  const replaced: ReplacedInvoice[] = []
  for (const { verifiedOrder, replaced: sent } of results) {
    if (sent) replaced.push(sent)
    if (!verifiedOrder) continue
    const seen = readBack.get(verifiedOrder.orderId) as IndexedOrder | undefined
    // Later reads win; OMS's lastChange says which is later, arrival order on a tie.
    if (!seen || ((verifiedOrder as IndexedOrder).lastChange ?? '') >= (seen.lastChange ?? '')) readBack.set(verifiedOrder.orderId, verifiedOrder)
  }
  return { readBack, replaced }
}

/**
 * After a successful write: the order's invoices upserted before the caller gets its answer,
 * so the queue shows the change at once, from what the write itself knows when it can: a
 * MERGE's verified read-back, a REPLACE's list as sent (over the documents the index holds);
 * else, or for an invoice the index does not hold yet, from a read of the order. A failure
 * here does not undo the write (OMS has it); it is logged, and the next event or
 * reconciliation catches up.
 */
export async function indexAfterWrite(
  ctx: Context,
  orderIds: string[],
  hints: StatusHints = new Map(),
  written: WrittenState = { readBack: new Map(), replaced: [] }
) {
  const deps = indexDeps(ctx)
  const index = async (orderId: string) => {
    const readBack = written.readBack.get(orderId)
    const replaced = written.replaced.filter(sent => sent.orderId === orderId)
    if (!readBack && replaced.length > 0 && (await indexReplacedInvoices(deps, orderId, replaced, hints))) return
    await indexOrder(deps, orderId, hints, undefined, readBack)
  }
  await Promise.all(
    [...new Set(orderIds)].map(orderId =>
      index(orderId).catch(error =>
        ctx.vtex.logger.warn({
          message: 'tracking index not updated after a write',
          orderId,
          code: error instanceof TrackingError ? error.extensions.code : 'INTERNAL_SERVER_ERROR',
        })
      )
    )
  )
}

const SET_TRACKING_CONCURRENCY = 8

interface SetTrackingItem {
  orderId?: unknown
  invoiceNumber?: unknown
  input?: unknown
}

export async function setInvoiceTrackings(ctx: Context, updates: unknown) {
  if (!Array.isArray(updates) || updates.length === 0) {
    throw TrackingError.badInput([fieldError('updates', 'REQUIRED', 'updates must list at least one update.')])
  }
  if (updates.length > LIMITS.batchSize) {
    throw TrackingError.badInput([fieldError('updates', 'TOO_MANY', `At most ${LIMITS.batchSize} updates may be sent in one call.`)])
  }
  const limiter = new ConcurrencyLimiter(SET_TRACKING_CONCURRENCY)
  const timeZone = await storeTimeZoneFor(ctx, updates)
  const settled = await Promise.allSettled(
    (updates as SetTrackingItem[]).map(item =>
      limiter.run(() => setInvoiceTracking(ctx.clients.oms, { orderId: item?.orderId, invoiceNumber: item?.invoiceNumber, input: item?.input }, Date.now(), timeZone))
    )
  )
  const results = settled.map((outcome, index) => {
    const item = (updates as SetTrackingItem[])[index]
    const base = {
      index,
      orderId: typeof item?.orderId === 'string' ? item.orderId : '',
      invoiceNumber: typeof item?.invoiceNumber === 'string' ? item.invoiceNumber : '',
      eventCount: null,
    }
    if (outcome.status === 'fulfilled') return { ...base, ok: true, receipt: outcome.value.receipt, error: null }
    const known = outcome.reason instanceof TrackingError ? outcome.reason : null
    const extensions = known?.extensions ?? { code: 'INTERNAL_SERVER_ERROR' as const }
    const prefixed = (field?: string) => (field ? `updates[${index}].${field}` : undefined)
    return {
      ...base,
      ok: false,
      receipt: null,
      error: {
        ...extensions,
        message: known?.message ?? 'Something went wrong with this update.',
        field: prefixed(extensions.field),
        fieldErrors: (extensions.fieldErrors ?? []).map(e => ({ ...e, field: prefixed(e.field) as string })),
      },
    }
  })
  await indexAfterWrite(ctx, results.filter(r => r.ok).map(r => r.orderId))
  const succeeded = results.filter(r => r.ok).length
  return { results, succeeded, failed: results.length - succeeded }
}

/** The current status of an invoice: its latest event's, or delivered. */
function invoiceStatus(invoice: InvoiceTracking): string | null {
  const latest = normalizeTrackingEvents(invoice.events).pop()
  const status: TrackingStatus | null = latest ? recognizeTrackingStatus(latest.description) : null
  if (status) return statusCodeOf(status)
  return invoice.isDelivered ? statusCodeOf(FINAL_TRACKING_STATUSES[0]) : null
}

export const trackingIndexResolvers = {
  Query: {
    trackingWorkQueue: async (_: unknown, args: { filter?: unknown; first?: unknown; after?: unknown }, ctx: Context) => {
      const settings = await settingsOf(ctx)
      return trackingWorkQueue({ index: indexDeps(ctx).index, settings, now: Date.now() }, args).catch(indexUnavailable)
    },
    trackingWorkQueueCounts: async (_: unknown, args: { filter?: unknown }, ctx: Context) => {
      const settings = await settingsOf(ctx)
      return trackingWorkQueueCounts({ index: indexDeps(ctx).index, settings, now: Date.now() }, args).catch(indexUnavailable)
    },
    trackingIndexRebuild: (_: unknown, __: unknown, ctx: Context) =>
      rebuildProgress(ctx.vtex.account, masterDataRebuildProgressStore(ctx.clients.rebuildProgress)).catch(indexUnavailable),
    trackingSettings: async (_: unknown, __: unknown, ctx: Context) => {
      const settings = await settingsOf(ctx)
      return { ...settings, shopperLanguage: settings.shopperLocale }
    },
  },
  Mutation: {
    rebuildTrackingIndex: async (_: unknown, args: { invoicedFrom?: unknown; invoicedTo?: unknown }, ctx: Context) =>
      startRebuild(
        { ...indexDeps(ctx), lister: ctx.clients.oms, progressStore: masterDataRebuildProgressStore(ctx.clients.rebuildProgress), logger: ctx.vtex.logger },
        args,
        Date.now(),
        await storeTimeZoneFor(ctx, args)
      ),
    setInvoiceTrackings: (_: unknown, args: { updates: unknown }, ctx: Context) => setInvoiceTrackings(ctx, args.updates),
  },
  TrackingEvent: {
    status: (event: TrackingEvent) => {
      const status = recognizeTrackingStatus(event.description)
      return status ? statusCodeOf(status) : null
    },
  },
  InvoiceTracking: {
    status: invoiceStatus,
  },
}
