// The work queue's state in the URL (tab, filters, page), so a link can be shared: read from
// and written to the query through the runtime's setQuery.
import { TrackingProblem, isTrackingProblem, statusOfCode } from '../../domain'

export interface QueueUrlState {
  /** The tab: a problem, or null for every indexed invoice. */
  problem: TrackingProblem | null
  courier: string
  /** A TrackingEventStatus value, or ''. */
  status: string
  /** yyyy-mm-dd in the store's time zone, or ''. */
  from: string
  to: string
  /** The cursor of the page shown ('' for the first) and its number. */
  after: string
  page: number
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
export const DEFAULT_TAB: TrackingProblem = 'NO_TRACKING_NUMBER'

export function readQueueUrl(query: Record<string, string | undefined>): QueueUrlState {
  const tab = query.problem
  const page = Number(query.page)
  return {
    problem: tab === 'ALL' ? null : isTrackingProblem(tab) ? tab : DEFAULT_TAB,
    courier: (query.courier ?? '').slice(0, 100),
    status: statusOfCode(query.status) ? (query.status as string) : '',
    from: DAY.test(query.from ?? '') ? (query.from as string) : '',
    to: DAY.test(query.to ?? '') ? (query.to as string) : '',
    after: query.after && query.after.length <= 40 ? query.after : '',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  }
}

/** The query keys for a state; empty values drop their key. */
export function toQuery(state: Partial<QueueUrlState>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  if ('problem' in state) out.problem = state.problem ?? 'ALL'
  if ('courier' in state) out.courier = state.courier || undefined
  if ('status' in state) out.status = state.status || undefined
  if ('from' in state) out.from = state.from || undefined
  if ('to' in state) out.to = state.to || undefined
  if ('after' in state) out.after = state.after || undefined
  if ('page' in state) out.page = state.page && state.page > 1 ? String(state.page) : undefined
  return out
}

/** The instant a calendar day starts (or, with `end`, its last millisecond) in a time zone. */
export function zonedDayBoundary(day: string, timeZone: string, end = false): string | null {
  if (!DAY.test(day)) return null
  const [y, m, d] = day.split('-').map(Number)
  const guess = Date.UTC(y, m - 1, end ? d + 1 : d)
  const offset = (at: number) => {
    try {
      const parts = new Intl.DateTimeFormat('en-US', {
        timeZone, hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
      }).formatToParts(new Date(at))
      const get = (type: string) => Number(parts.find(p => p.type === type)?.value)
      // hour12: false may write midnight as 24.
      return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second')) - at
    } catch {
      return 0
    }
  }
  const at = guess - offset(guess)
  return new Date(end ? at - 1 : at).toISOString()
}

/** The queue's queries, refetched (when on screen) after a write from the order view. */
export const QUEUE_QUERIES = ['TrackingWorkQueue', 'TrackingWorkQueueCounts']
