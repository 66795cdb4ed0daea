// The work queue's problems: what makes an invoice need an operator's attention. Shared by
// the service (which turns each into a Master Data condition and computes each node's
// problems) and the page (one tab per problem).
import { TrackingStatus } from './trackingStatusVocabulary'

export const TRACKING_PROBLEMS = ['NO_TRACKING_NUMBER', 'NO_EVENTS', 'STALE', 'LATE', 'EXCEPTION'] as const
export type TrackingProblem = (typeof TRACKING_PROBLEMS)[number]

export const isTrackingProblem = (value: unknown): value is TrackingProblem =>
  typeof value === 'string' && (TRACKING_PROBLEMS as readonly string[]).includes(value)

/** A latest status among these puts an invoice under EXCEPTION. */
export const EXCEPTION_STATUSES: readonly TrackingStatus[] = ['deliveryAttempted', 'delayed', 'exception']

/** The thresholds of NO_EVENTS and STALE (app settings). */
export interface TrackingProblemSettings {
  /** A tracking number but no event this many hours after invoicing: NO_EVENTS. */
  noEventsHours: number
  /** Not delivered and no event for this many days: STALE. */
  staleDays: number
}

export const DEFAULT_PROBLEM_SETTINGS: TrackingProblemSettings = { noEventsHours: 48, staleDays: 7 }

/** One invoice as the tracking index holds it (dates ISO 8601 UTC). */
export interface TrackingIndexEntry {
  orderId: string
  invoiceNumber: string
  courier: string | null
  trackingNumber: string | null
  invoicedAt: string | null
  estimatedDeliveryAt: string | null
  status: TrackingStatus | null
  lastEventAt: string | null
  eventCount: number
  delivered: boolean
  deliveredAt: string | null
  updatedAt: string
}

const HOUR = 3_600_000

/** The instants before which NO_EVENTS and STALE apply, for `now`. */
export function problemCutoffs(settings: TrackingProblemSettings, now: number) {
  return {
    noEventsInvoicedBefore: new Date(now - settings.noEventsHours * HOUR).toISOString(),
    staleLastEventBefore: new Date(now - settings.staleDays * 24 * HOUR).toISOString(),
    lateEstimateBefore: new Date(now).toISOString(),
  }
}

/** The problems of one invoice: the same rules the index queries apply, on one entry. */
export function problemsOf(entry: TrackingIndexEntry, settings: TrackingProblemSettings, now: number): TrackingProblem[] {
  if (entry.delivered) return []
  const cut = problemCutoffs(settings, now)
  const problems: TrackingProblem[] = []
  const hasNumber = !!entry.trackingNumber
  if (!hasNumber) problems.push('NO_TRACKING_NUMBER')
  if (hasNumber && entry.eventCount === 0 && entry.invoicedAt !== null && entry.invoicedAt < cut.noEventsInvoicedBefore) {
    problems.push('NO_EVENTS')
  }
  if (entry.eventCount > 0 && entry.lastEventAt !== null && entry.lastEventAt < cut.staleLastEventBefore) {
    problems.push('STALE')
  }
  if (entry.estimatedDeliveryAt !== null && entry.estimatedDeliveryAt < cut.lateEstimateBefore) problems.push('LATE')
  if (entry.status !== null && EXCEPTION_STATUSES.includes(entry.status)) problems.push('EXCEPTION')
  return problems
}
