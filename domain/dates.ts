// Strict ISO 8601 parsing. Date.parse accepts far too much ("2024-1-1", "March 7") and
// reads an offset-less date-time in the machine's zone, which is exactly the time-zone bug
// merchants complain about; so only these forms are accepted:
//   yyyy-mm-dd                          a calendar date, taken as midnight UTC
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
  if (m) return utcMillis(+m[1], +m[2], +m[3])

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

const pad = (n: number) => String(n).padStart(2, '0')

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
