// Strict ISO 8601 parsing. Date.parse accepts far too much ("2024-1-1", "March 7") and
// reads an offset-less date-time in the machine's zone, which is exactly the time-zone bug
// merchants complain about; so only these forms are accepted:
//   yyyy-mm-dd                          a calendar date, taken as the start of that day in
//                                       the store's time zone (options.timeZone)
//   yyyy-mm-ddThh:mm[:ss[.fff…]](Z|±hh:mm)  a date-time with an explicit offset
//   yyyy-mm-dd hh:mm                    OMS's documented deliveredDate form, taken as UTC
//                                       (accepted only where a caller opts in)

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/
const OMS_DELIVERED = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/

export interface ParseOptions {
  /** Also accept OMS's `yyyy-mm-dd hh:mm` (UTC). */
  allowOmsDeliveredFormat?: boolean
  /**
   * IANA zone a calendar date (`yyyy-mm-dd`) is a day of: the store's (app setting
   * `timeZone`). Without it a calendar date is a day in UTC, which is only right for values
   * that were never the merchant's (OMS's own echoes).
   */
  timeZone?: string
}

function utcMillis(
  y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0
): number | null {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null
  // Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear takes the year as written.
  const check = new Date(Date.UTC(2000, 0, 1, h, mi, s, ms))
  check.setUTCFullYear(y, mo - 1, d)
  const t = check.getTime()
  // Rejects 2023-02-30 and friends, which Date.UTC would silently roll over.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    return null
  }
  return t
}

/** Epoch milliseconds of an accepted ISO string, or null when the string is not one. */
export function parseIsoInstant(value: string, options: ParseOptions = {}): number | null {
  let m = DATE_ONLY.exec(value)
  if (m) return zonedMillis(+m[1], +m[2], +m[3], 0, 0, 0, options.timeZone ?? 'UTC')

  m = DATE_TIME.exec(value)
  if (m) {
    const fraction = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0
    const local = utcMillis(+m[1], +m[2], +m[3], +m[4], +m[5], m[6] ? +m[6] : 0, fraction)
    if (local === null) return null
    if (m[8] === 'Z') return local
    const sign = m[8][0] === '-' ? -1 : 1
    const [oh, om] = m[8].slice(1).split(':').map(Number)
    if (oh > 14 || om > 59) return null
    return local - sign * (oh * 60 + om) * 60_000
  }

  if (options.allowOmsDeliveredFormat) {
    m = OMS_DELIVERED.exec(value)
    if (m) return utcMillis(+m[1], +m[2], +m[3], +m[4], +m[5])
  }
  return null
}

/** OMS's documented deliveredDate form, `yyyy-mm-dd hh:mm`, in UTC. */
export function toOmsDeliveredDate(epochMs: number): string {
  const d = new Date(epochMs)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(
    d.getUTCHours()
  )}:${pad(d.getUTCMinutes())}`
}

/** ISO 8601 in UTC with a `Z`, the form the API returns. */
export function toIsoUtc(epochMs: number): string {
  return new Date(epochMs).toISOString()
}

// ---------------------------------------------------------------------------------------
// Time zones. Intl.DateTimeFormat rather than a date library: the runtimes' ICU data is the
// tz database, domain/ stays free of dependencies (it is compiled into both the service and
// the page), and the libraries that do this (@date-fns/tz, date-fns-tz) ask Intl the same
// question underneath; @date-fns/tz's declarations do not even parse under the page's TS 3.9.

export const isDateOnly = (value: string) => DATE_ONLY.test(value)

const formats = new Map<string, Intl.DateTimeFormat | null>()

function formatOf(timeZone: string): Intl.DateTimeFormat | null {
  let format = formats.get(timeZone)
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      } as Intl.DateTimeFormatOptions)
    } catch {
      format = null
    }
    formats.set(timeZone, format)
  }
  return format
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export const isKnownTimeZone = (timeZone: string) => typeof timeZone === 'string' && formatOf(timeZone) !== null

/** The zone's offset from UTC at an instant, in minutes (São Paulo: -180). Unknown zone: 0. */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  const format = formatOf(timeZone)
  if (!format || !Number.isFinite(epochMs)) return 0
  const parts: Record<string, string> = {}
  for (const part of format.formatToParts(new Date(epochMs))) parts[part.type] = part.value
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - Number(parts.year) : Number(parts.year)
  const wall = new Date(Date.UTC(2000, 0, 1, Number(parts.hour) % 24, Number(parts.minute), Number(parts.second)))
  wall.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day))
  // Whole seconds on both sides: the offset is what the wall clock adds to UTC.
  return Math.round((wall.getTime() - (epochMs - (((epochMs % 1000) + 1000) % 1000))) / 60_000)
}

/**
 * The instant a wall-clock time of a zone names. In a gap (clocks put forward) the time does
 * not exist and the instant is the one the clocks jumped to, so a day that starts at 01:00
 * (São Paulo, 2018-11-04) starts then; in an overlap (clocks put back) it is the earlier one.
 * Null for an impossible date (2023-02-30) or an unknown zone.
 */
export function zonedMillis(
  y: number, mo: number, d: number, h: number, mi: number, s: number, timeZone: string, ms = 0
): number | null {
  const wall = utcMillis(y, mo, d, h, mi, s, ms)
  if (wall === null || !isKnownTimeZone(timeZone)) return null
  // Every offset in use lies within ±14 h, and no zone changes offset twice within two days:
  // the offsets a day either side are the only candidates, and when they agree (no change
  // near this day, nearly always) that offset is the answer.
  const before = zoneOffsetMinutes(wall - 86_400_000, timeZone)
  const after = zoneOffsetMinutes(wall + 86_400_000, timeZone)
  if (before === after) return wall - before * 60_000
  const offsets = [before, after]
  const candidates = offsets.map(offset => wall - offset * 60_000)
  const exact = candidates.filter(at => at + zoneOffsetMinutes(at, timeZone) * 60_000 === wall)
  if (exact.length > 0) return Math.min(...exact)
  return Math.max(...candidates)
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** ISO 8601 with the zone's offset at that instant: `2026-11-20T00:00:00-03:00`. */
export function toIsoInZone(epochMs: number, timeZone: string): string {
  const offset = zoneOffsetMinutes(epochMs, timeZone)
  const local = new Date(epochMs + offset * 60_000)
  const year = local.getUTCFullYear()
  const ms = local.getUTCMilliseconds()
  return (
    `${pad(year, 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${ms ? `.${pad(ms, 3)}` : ''}${offsetText(offset)}`
  )
}

/**
 * A merchant's date as it is stored: a calendar date becomes the start of that day in the
 * store's zone, written with its offset (`2026-11-20` in São Paulo is
 * `2026-11-20T00:00:00-03:00`); anything else is returned trimmed, as given.
 */
export function withStoreZone(value: string, timeZone: string): string {
  const trimmed = value.trim()
  if (!isDateOnly(trimmed)) return trimmed
  const at = parseIsoInstant(trimmed, { timeZone })
  return at === null ? trimmed : toIsoInZone(at, timeZone)
}
