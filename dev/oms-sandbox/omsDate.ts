// Dates in the style OMS writes them: UTC, 7 fractional digits, "+00:00" offset
// (e.g. 2017-03-29T18:04:31.0521233+00:00), and the parsers for what clients send.

export function omsDate(d: Date = new Date()): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, '.$10000+00:00')
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/
const DELIVERED_DOC = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/

function validYmd(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}

function fromParts(y: number, mo: number, d: number, h: number, mi: number, s: number, frac: string, offsetMin: number): string | null {
  if (!validYmd(y, mo, d) || h > 23 || mi > 59 || s > 59) return null
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - offsetMin * 60_000
  const base = new Date(ms).toISOString().slice(0, 19)
  // Keep the sub-second digits the client sent (up to 7), as OMS does.
  return `${base}.${frac.padEnd(7, '0').slice(0, 7)}+00:00`
}

/** Event date: `yyyy-mm-dd` (midnight UTC) or ISO date-time with offset. Null when invalid. */
export function parseEventDate(v: string): string | null {
  let m = DATE_ONLY.exec(v)
  if (m) return fromParts(+m[1], +m[2], +m[3], 0, 0, 0, '', 0)
  m = DATE_TIME.exec(v)
  if (m) {
    const off = m[8] === 'Z' ? 0 : (m[8][0] === '-' ? -1 : 1) * (+m[8].slice(1, 3) * 60 + +m[8].slice(4, 6))
    return fromParts(+m[1], +m[2], +m[3], +m[4], +m[5], +(m[6] ?? 0), m[7] ?? '', off)
  }
  return null
}

/** deliveredDate: documented `yyyy-mm-dd hh:mm` (read as UTC) or ISO date-time with offset. */
export function parseDeliveredDate(v: string): string | null {
  const m = DELIVERED_DOC.exec(v)
  if (m) return fromParts(+m[1], +m[2], +m[3], +m[4], +m[5], 0, '', 0)
  return DATE_TIME.test(v) ? parseEventDate(v) : null
}
