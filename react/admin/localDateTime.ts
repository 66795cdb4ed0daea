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
