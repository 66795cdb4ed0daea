// Dates as spreadsheets hold them, read for the CSV imports. What a merchant typed is turned
// into one explicit ISO 8601 date-time with its offset before the service's rules check it,
// and the preview shows that value, so nothing is guessed silently:
//   2026-11-20T14:30:00-03:00, …Z       as written (already an instant)
//   2026-11-20                          the start of that day in the store's time zone
//   2026-11-20T14:30, 2026-11-20 14:30  a wall-clock time in the store's time zone
//   20/11/2026, 20/11/2026 14:30        day first, the same, when the page is in pt or es
//                                       (Brazilian and Argentinian spreadsheets write them so)
// Anything else is left as written, and the service's rules refuse it at its column.
import { isDateOnly, toIsoInZone, zonedMillis } from './dates'

export interface CsvDateReading {
  /** The store's IANA time zone (app setting timeZone). */
  timeZone: string
  /** Read `20/11/2026` as 20 November (pt and es pages). */
  dayFirst: boolean
}

/** The reading of a page whose locale is `locale`, for a store in `timeZone`. */
export const csvDateReadingOf = (locale: string, timeZone: string): CsvDateReading => ({
  timeZone,
  dayFirst: /^(pt|es)\b/i.test(locale),
})

const WALL_CLOCK_ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/
const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/

function zoned(y: string, mo: string, d: string, h: string | undefined, mi: string | undefined, s: string | undefined, timeZone: string) {
  const hour = h === undefined ? 0 : +h
  const at = hour > 23 ? null : zonedMillis(+y, +mo, +d, hour, mi === undefined ? 0 : +mi, s === undefined ? 0 : +s, timeZone)
  return at === null ? null : toIsoInZone(at, timeZone)
}

/** A date cell as it will be sent and stored; the cell itself when it is none of the forms. */
export function readCsvDate(cell: string, reading: CsvDateReading): string {
  const value = cell.trim()
  if (isDateOnly(value)) return zoned(value.slice(0, 4), value.slice(5, 7), value.slice(8, 10), undefined, undefined, undefined, reading.timeZone) ?? value
  let m = WALL_CLOCK_ISO.exec(value)
  if (m) return zoned(m[1], m[2], m[3], m[4], m[5], m[6], reading.timeZone) ?? value
  if (reading.dayFirst) {
    m = DAY_FIRST.exec(value)
    if (m) return zoned(m[3], m[2], m[1], m[4], m[5], m[6], reading.timeZone) ?? value
  }
  return value
}
