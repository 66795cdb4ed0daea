// Validation of one tracking update, as the GraphQL API, the batch path and the CSV preview
// all take it. Pure: `now` is passed in so tests and previews agree on "the future".
import { parseIsoInstant, toOmsDeliveredDate, withStoreZone } from './dates'
import { FieldError, Validated, fieldError } from './fieldErrors'
import { LIMITS } from './limits'
import { validateText } from './text'
import { TrackingEvent } from './trackingEvent'

export interface TrackingStatusInput {
  isDelivered: boolean
  deliveredDate?: string | null
  events: TrackingEvent[]
}

export interface ValidTrackingStatus {
  isDelivered: boolean
  /** In OMS's documented `yyyy-mm-dd hh:mm` (UTC), or null when not delivered. */
  deliveredDate: string | null
  /** Trimmed, in the order given. */
  events: TrackingEvent[]
}

/**
 * Errors for a date that must be ISO 8601 and plausible (not before 2000, not tomorrow). A
 * calendar date is a day in `options.timeZone`, the store's.
 */
export function validateInstant(
  value: unknown,
  field: string,
  now: number,
  options: { allowOmsDeliveredFormat?: boolean; timeZone?: string } = {}
): { at: number | null; errors: FieldError[] } {
  if (typeof value !== 'string' || value.trim() === '') {
    return { at: null, errors: [fieldError(field, 'REQUIRED', `${field} is required.`)] }
  }
  const at = value.length <= 40 ? parseIsoInstant(value.trim(), options) : null
  if (at === null) {
    return {
      at: null,
      errors: [
        fieldError(
          field,
          'INVALID_FORMAT',
          `${field} must be an ISO 8601 date (2024-05-01) or date-time with offset (2024-05-01T14:30:00-03:00).`
        ),
      ],
    }
  }
  if (at < Date.parse(LIMITS.earliestDate) || at > now + LIMITS.futureToleranceMs) {
    return {
      at: null,
      errors: [fieldError(field, 'OUT_OF_RANGE', `${field} must be after 2000-01-01 and not in the future.`)],
    }
  }
  return { at, errors: [] }
}

/** An event; its calendar date (`2026-11-20`) comes back as the start of that day in `timeZone`. */
export function validateTrackingEvent(
  event: unknown,
  field: string,
  now: number,
  timeZone = 'UTC'
): { value: TrackingEvent | null; errors: FieldError[] } {
  if (typeof event !== 'object' || event === null) {
    return { value: null, errors: [fieldError(field, 'REQUIRED', `${field} must be an event.`)] }
  }
  const e = event as Record<string, unknown>
  const city = validateText(e.city, `${field}.city`, { maxLength: LIMITS.cityMaxLength })
  const state = validateText(e.state, `${field}.state`, { maxLength: LIMITS.stateMaxLength })
  const description = validateText(e.description, `${field}.description`, {
    maxLength: LIMITS.descriptionMaxLength,
    multiLine: true,
  })
  const date = validateInstant(e.date, `${field}.date`, now, { timeZone })
  const errors = [...city.errors, ...state.errors, ...description.errors, ...date.errors]
  if (errors.length > 0) return { value: null, errors }
  return {
    value: {
      city: city.value,
      state: state.value,
      description: description.value,
      date: withStoreZone(e.date as string, timeZone),
    },
    errors: [],
  }
}

/** `timeZone`: the store's, the day a calendar date (`2026-11-20`) names. */
export function validateTrackingStatus(
  input: unknown,
  now: number,
  field = 'input',
  timeZone = 'UTC'
): Validated<ValidTrackingStatus> {
  if (typeof input !== 'object' || input === null) {
    return { ok: false, errors: [fieldError(field, 'REQUIRED', `${field} is required.`)] }
  }
  const raw = input as Record<string, unknown>
  const errors: FieldError[] = []

  if (typeof raw.isDelivered !== 'boolean') {
    errors.push(fieldError(`${field}.isDelivered`, 'REQUIRED', `${field}.isDelivered must be true or false.`))
  }

  let deliveredDate: string | null = null
  const hasDeliveredDate = raw.deliveredDate !== undefined && raw.deliveredDate !== null && raw.deliveredDate !== ''
  if (raw.isDelivered === true) {
    const delivered = validateInstant(raw.deliveredDate, `${field}.deliveredDate`, now, {
      allowOmsDeliveredFormat: true,
      timeZone,
    })
    errors.push(...delivered.errors)
    if (delivered.at !== null) deliveredDate = toOmsDeliveredDate(delivered.at)
  } else if (hasDeliveredDate) {
    errors.push(
      fieldError(`${field}.deliveredDate`, 'NOT_ALLOWED', 'deliveredDate is only accepted when isDelivered is true.')
    )
  }

  const events: TrackingEvent[] = []
  if (!Array.isArray(raw.events)) {
    errors.push(fieldError(`${field}.events`, 'REQUIRED', `${field}.events must be a list.`))
  } else if (raw.events.length > LIMITS.eventsPerCall) {
    errors.push(
      fieldError(`${field}.events`, 'TOO_MANY', `At most ${LIMITS.eventsPerCall} events may be sent in one call.`)
    )
  } else {
    raw.events.forEach((event, index) => {
      const checked = validateTrackingEvent(event, `${field}.events[${index}]`, now, timeZone)
      errors.push(...checked.errors)
      if (checked.value) events.push(checked.value)
    })
  }

  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, value: { isDelivered: raw.isDelivered as boolean, deliveredDate, events } }
}
