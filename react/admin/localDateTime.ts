// A datetime-local input holds a wall-clock time without a zone. The API needs an instant,
// so the browser's offset at that wall-clock time is written out explicitly: the merchant
// types 14:30 in São Paulo and the API gets 2024-05-01T14:30:00-03:00, never a UTC guess.

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

const DATE_TIME_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

/** The value a datetime-local input shows for `at` in the browser's time zone. */
export function toDateTimeLocalValue(at: Date): string {
  return `${pad(at.getFullYear(), 4)}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(
    at.getHours()
  )}:${pad(at.getMinutes())}`
}

/** ISO 8601 with the browser's offset, or null when `value` is not a datetime-local value. */
export function toIsoWithOffset(value: string): string | null {
  const m = DATE_TIME_LOCAL.exec(value)
  if (!m) return null
  const at = new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], m[6] ? +m[6] : 0)
  if (Number.isNaN(at.getTime())) return null

  // Read back from `at`: a time skipped by a DST change moves forward with its offset.
  const offset = -at.getTimezoneOffset()
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  return `${toDateTimeLocalValue(at)}:${pad(at.getSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

// The forms' date-time is one text field (components/DateTimeField.tsx): one Tab stop, where
// Chromium's datetime-local takes seven (month, day, year, hour, minute, AM/PM, picker). It
// is typed in the page's language's order, and ISO (yyyy-mm-dd hh:mm) is understood in every
// language; what it yields is the datetime-local value toIsoWithOffset takes.

/** Day first where the page's language writes dates so (pt, es); ISO order otherwise. */
export type TypedDateOrder = 'dayFirst' | 'iso'

export const typedDateOrderOf = (locale: string): TypedDateOrder => (/^(pt|es)\b/i.test(locale) ? 'dayFirst' : 'iso')

const TYPED_ISO = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/
const TYPED_DAY_FIRST = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4}),?\s+(\d{1,2}):(\d{2})\s*$/

/** The datetime-local value (yyyy-mm-ddThh:mm[:ss]) of what was typed, or null when it is no date-time. */
export function fromTypedDateTime(text: string, order: TypedDateOrder): string | null {
  let parts: number[]
  const iso = TYPED_ISO.exec(text)
  const dayFirst = order === 'dayFirst' ? TYPED_DAY_FIRST.exec(text) : null
  if (iso) parts = [+iso[1], +iso[2], +iso[3], +iso[4], +iso[5], iso[6] ? +iso[6] : -1]
  else if (dayFirst) parts = [+dayFirst[3], +dayFirst[2], +dayFirst[1], +dayFirst[4], +dayFirst[5], -1]
  else return null
  const [year, month, day, hour, minute, second] = parts
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return null
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}${second >= 0 ? `:${pad(second)}` : ''}`
}

/** How a datetime-local value is shown in the text field; '' when there is none. */
export function toTypedDateTime(value: string, order: TypedDateOrder): string {
  const m = DATE_TIME_LOCAL.exec(value)
  if (!m) return ''
  const time = `${m[4]}:${m[5]}${m[6] ? `:${m[6]}` : ''}`
  return order === 'dayFirst' ? `${m[3]}/${m[2]}/${m[1]} ${time}` : `${m[1]}-${m[2]}-${m[3]} ${time}`
}
