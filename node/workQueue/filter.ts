// The work queue's filter as Master Data conditions. Every value is validated before it
// becomes part of a `_where`, so nothing a caller sends can change the condition's shape.
import {
  EXCEPTION_STATUSES,
  FieldError,
  LIMITS,
  TRACKING_PROBLEMS,
  TrackingProblem,
  TrackingProblemSettings,
  TrackingStatus,
  fieldError,
  isTrackingProblem,
  problemCutoffs,
  statusCodeOf,
  statusOfCode,
  validateInstant,
  validateOrderId,
  validateText,
} from '../domain'
import { TrackingError } from '../errors/trackingError'

export interface WorkQueueFilter {
  problems: TrackingProblem[]
  statuses: TrackingStatus[]
  courier: string | null
  invoicedFrom: string | null
  invoicedTo: string | null
  orderId: string | null
}

export const MAX_PAGE_SIZE = 100

const present = (v: unknown) => v !== undefined && v !== null && v !== ''

/** `timeZone`: the store's; a calendar date (`2026-11-20`) is the start of that day there. */
export function validateWorkQueueFilter(raw: unknown, now: number, timeZone = 'UTC'): WorkQueueFilter {
  const f = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>
  const errors: FieldError[] = []
  const problems = Array.isArray(f.problems) ? f.problems : []
  problems.forEach((p, i) => {
    if (!isTrackingProblem(p)) errors.push(fieldError(`filter.problems[${i}]`, 'INVALID_FORMAT', `Unknown problem; one of ${TRACKING_PROBLEMS.join(', ')}.`))
  })
  const statuses: TrackingStatus[] = []
  ;(Array.isArray(f.statuses) ? f.statuses : []).forEach((code, i) => {
    const status = statusOfCode(code)
    if (status) statuses.push(status)
    else errors.push(fieldError(`filter.statuses[${i}]`, 'INVALID_FORMAT', 'Unknown tracking status.'))
  })
  let courier: string | null = null
  if (present(f.courier)) {
    const checked = validateText(f.courier, 'filter.courier', { maxLength: LIMITS.courierMaxLength })
    errors.push(...checked.errors)
    if (checked.errors.length === 0 && checked.value.includes('"')) {
      errors.push(fieldError('filter.courier', 'INVALID_CHARACTERS', 'filter.courier must not contain double quotes.'))
    } else courier = checked.value || null
  }
  const date = (name: 'invoicedFrom' | 'invoicedTo') => {
    if (!present(f[name])) return null
    const checked = validateInstant(f[name], `filter.${name}`, now, { timeZone })
    errors.push(...checked.errors)
    return checked.at === null ? null : new Date(checked.at).toISOString()
  }
  const invoicedFrom = date('invoicedFrom')
  const invoicedTo = date('invoicedTo')
  if (invoicedFrom && invoicedTo && invoicedFrom > invoicedTo) {
    errors.push(fieldError('filter.invoicedTo', 'OUT_OF_RANGE', 'filter.invoicedTo must not be before filter.invoicedFrom.'))
  }
  let orderId: string | null = null
  if (present(f.orderId)) {
    const invalid = validateOrderId(f.orderId, 'filter.orderId')
    errors.push(...invalid)
    if (invalid.length === 0) orderId = f.orderId as string
  }
  if (errors.length > 0) throw TrackingError.badInput(errors)
  return { problems: [...new Set(problems as TrackingProblem[])], statuses, courier, invoicedFrom, invoicedTo, orderId }
}

/** The Master Data condition of one problem. */
export function problemCondition(problem: TrackingProblem, settings: TrackingProblemSettings, now: number): string {
  const cut = problemCutoffs(settings, now)
  switch (problem) {
    case 'NO_TRACKING_NUMBER':
      return '(delivered=false AND hasTrackingNumber=false)'
    case 'NO_EVENTS':
      return `(delivered=false AND hasTrackingNumber=true AND eventCount=0 AND invoicedAt<${cut.noEventsInvoicedBefore})`
    case 'STALE':
      return `(delivered=false AND eventCount>0 AND lastEventAt<${cut.staleLastEventBefore})`
    case 'LATE':
      return `(delivered=false AND estimatedDeliveryAt<${cut.lateEstimateBefore})`
    case 'EXCEPTION':
      return `(delivered=false AND (${EXCEPTION_STATUSES.map(s => `status=${statusCodeOf(s)}`).join(' OR ')}))`
  }
}

/** The filter's condition without its problems (the counts add one problem each). */
export function baseConditions(filter: WorkQueueFilter): string[] {
  const parts: string[] = []
  if (filter.statuses.length > 0) parts.push(`(${filter.statuses.map(s => `status=${statusCodeOf(s)}`).join(' OR ')})`)
  if (filter.courier) parts.push(`courier="${filter.courier}"`)
  if (filter.invoicedFrom) parts.push(`invoicedAt>=${filter.invoicedFrom}`)
  if (filter.invoicedTo) parts.push(`invoicedAt<=${filter.invoicedTo}`)
  if (filter.orderId) parts.push(`orderId=${filter.orderId}`)
  return parts
}

export function whereOf(filter: WorkQueueFilter, settings: TrackingProblemSettings, now: number): string | undefined {
  const parts = baseConditions(filter)
  if (filter.problems.length > 0) {
    parts.push(`(${filter.problems.map(p => problemCondition(p, settings, now)).join(' OR ')})`)
  }
  return parts.length ? parts.join(' AND ') : undefined
}
