// The reconciliation: invoices the index holds as not delivered are re-read from OMS on a
// schedule, because other writers (a carrier hub posting events) change tracking without
// any order event. Every ORDER_TRACKING_RECONCILE_MS (default 15 min; 0 turns it off), for
// each account this process has heard from (an order event or a call) in the last day,
// using that account's latest clients. The reads go through the same rate-limit gate as
// every OMS call, a few at a time, so the queue's own calls keep their share.
import { LIMITS } from '../domain'
import { ConcurrencyLimiter } from '../tracking/concurrencyLimiter'
import { IndexDeps, indexOrder } from './indexer'

const RECONCILE_CONCURRENCY = 4
const PAGE = 100
const SEARCH_REACH = 10_000
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000

export const reconcileIntervalMs = () => Number(process.env.ORDER_TRACKING_RECONCILE_MS ?? 15 * 60 * 1000)

interface Logger {
  warn(message: unknown): void
}

/** One pass: every order with an undelivered invoice in the index, re-indexed from OMS. */
export async function reconcileOnce(deps: IndexDeps): Promise<{ orders: number; written: number }> {
  // A search reaches only the first 10,000 documents of a query: the invoicing dates are
  // split into windows that each hold fewer, and each window is paged. Undated documents
  // come in one query of their own.
  const orderIds = new Set<string>()
  const iso = (t: number) => new Date(t).toISOString()
  const page = async (where: string) => {
    for (let offset = 0; offset < SEARCH_REACH; offset += PAGE) {
      const { total, documents } = await deps.index.search({ where, sort: 'invoicedAt ASC', offset, limit: PAGE })
      documents.forEach(doc => orderIds.add(doc.orderId))
      if (documents.length < PAGE || offset + PAGE >= total) return
    }
  }
  const walk = async (from: number, to: number): Promise<void> => {
    const where = `delivered=false AND invoicedAt between ${iso(from)} AND ${iso(to)}`
    const { total } = await deps.index.search({ where, offset: 0, limit: 1 })
    if (total === 0) return
    if (total > SEARCH_REACH && to > from) {
      const middle = Math.floor((from + to) / 2)
      await walk(from, middle)
      await walk(middle + 1, to)
      return
    }
    await page(where)
  }
  await walk(Date.parse(LIMITS.earliestDate), Date.now() + LIMITS.futureToleranceMs)
  await page('delivered=false AND invoicedAt is null')
  const limiter = new ConcurrencyLimiter(RECONCILE_CONCURRENCY)
  let written = 0
  await Promise.all(
    [...orderIds].map(orderId =>
      limiter.run(() => indexOrder(deps, orderId).then(outcome => void (written += outcome.written), () => undefined))
    )
  )
  return { orders: orderIds.size, written }
}

interface AccountSchedule {
  deps: IndexDeps
  logger?: Logger
  heardAt: number
  timer: ReturnType<typeof setTimeout> | null
  running: boolean
}

const schedules = new Map<string, AccountSchedule>()

/** This account is active: remember its latest clients and keep its reconciliation scheduled. */
export function keepReconciling(account: string, deps: IndexDeps, logger?: Logger): void {
  const interval = reconcileIntervalMs()
  if (!(interval > 0)) return
  const schedule = schedules.get(account) ?? { deps, logger, heardAt: 0, timer: null, running: false }
  schedule.deps = deps
  schedule.logger = logger
  schedule.heardAt = Date.now()
  schedules.set(account, schedule)
  if (schedule.timer || schedule.running) return
  const tick = () => {
    schedule.timer = null
    if (Date.now() - schedule.heardAt > FORGET_AFTER_MS) {
      schedules.delete(account)
      return
    }
    schedule.running = true
    reconcileOnce(schedule.deps)
      .catch(() => schedule.logger?.warn({ message: 'tracking index reconciliation failed', account }))
      .finally(() => {
        schedule.running = false
        if (schedules.get(account) !== schedule) return // stopped meanwhile
        schedule.timer = setTimeout(tick, reconcileIntervalMs())
        schedule.timer.unref?.()
      })
  }
  schedule.timer = setTimeout(tick, interval)
  schedule.timer.unref?.()
}

/** Stops every scheduled reconciliation of this process (a test's stack going away). */
export function stopReconciling(): void {
  for (const schedule of schedules.values()) if (schedule.timer) clearTimeout(schedule.timer)
  schedules.clear()
}
