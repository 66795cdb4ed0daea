// Calendar dates in the store's time zone (issue 13): a merchant's `2026-11-20` is that day
// where the store is, never midnight UTC.
import fc from 'fast-check'

import { isKnownTimeZone, parseIsoInstant, toIsoInZone, withStoreZone, zoneOffsetMinutes, zonedMillis } from '../index'

const SAO_PAULO = 'America/Sao_Paulo'

describe('given a calendar date and the store zone', () => {
  test('then it is the start of that day in the zone', () => {
    expect(parseIsoInstant('2026-11-20', { timeZone: SAO_PAULO })).toBe(Date.parse('2026-11-20T03:00:00Z'))
    expect(withStoreZone('2026-11-20', SAO_PAULO)).toBe('2026-11-20T00:00:00-03:00')
    expect(withStoreZone(' 2026-11-20 ', 'Asia/Kolkata')).toBe('2026-11-20T00:00:00+05:30')
    expect(withStoreZone('2026-11-20', 'UTC')).toBe('2026-11-20T00:00:00+00:00')
  })

  test('then a date-time keeps its own offset and an impossible date stays refused', () => {
    expect(withStoreZone('2026-11-20T14:30:00+01:00', SAO_PAULO)).toBe('2026-11-20T14:30:00+01:00')
    expect(parseIsoInstant('2026-02-30', { timeZone: SAO_PAULO })).toBeNull()
    expect(withStoreZone('2026-02-30', SAO_PAULO)).toBe('2026-02-30')
  })

  test('then without a zone it is still a UTC day (only for values that never were the merchant\'s)', () => {
    expect(parseIsoInstant('2026-11-20')).toBe(Date.parse('2026-11-20T00:00:00Z'))
  })

  test('then a day that starts at 01:00 (São Paulo put its clocks forward at midnight) starts then', () => {
    // 2018-11-04 00:00 -03:00 never happened: clocks went from 23:59:59 to 01:00 -02:00.
    expect(toIsoInZone(parseIsoInstant('2018-11-04', { timeZone: SAO_PAULO }) as number, SAO_PAULO)).toBe('2018-11-04T01:00:00-02:00')
    // Clocks put back at midnight (2019-02-17): the first of the two midnights.
    expect(toIsoInZone(zonedMillis(2019, 2, 16, 23, 30, 0, SAO_PAULO) as number, SAO_PAULO)).toBe('2019-02-16T23:30:00-02:00')
  })

  test('then an unknown zone is refused, not guessed', () => {
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false)
    expect(zonedMillis(2026, 11, 20, 0, 0, 0, 'Mars/Olympus_Mons')).toBeNull()
  })
})

// Zones that observe DST in both hemispheres, half-hour and 45-minute offsets, and the
// date line, over years with and without São Paulo's (abolished) DST.
const ZONES = [
  'America/Sao_Paulo',
  'America/New_York',
  'America/Santiago',
  'America/Argentina/Buenos_Aires',
  'Europe/Lisbon',
  'Europe/London',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'America/Havana',
  'UTC',
]
const day = fc.record({
  zone: fc.constantFrom(...ZONES),
  y: fc.integer({ min: 2000, max: 2035 }),
  mo: fc.integer({ min: 1, max: 12 }),
  d: fc.integer({ min: 1, max: 28 }),
})
const dayText = (y: number, mo: number, d: number) => `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
const localDay = (at: number, zone: string) => toIsoInZone(at, zone).slice(0, 10)

describe('given any calendar day in a DST-observing zone (property)', () => {
  test('then its instant is in that day there, and a millisecond earlier is the day before', () => {
    fc.assert(
      fc.property(day, ({ zone, y, mo, d }) => {
        const at = parseIsoInstant(dayText(y, mo, d), { timeZone: zone }) as number
        expect(localDay(at, zone)).toBe(dayText(y, mo, d))
        expect(localDay(at - 1, zone)).not.toBe(dayText(y, mo, d))
      }),
      { numRuns: 500 }
    )
  })

  test('then the stored text names the same instant, with the offset of that moment', () => {
    fc.assert(
      fc.property(day, ({ zone, y, mo, d }) => {
        const stored = withStoreZone(dayText(y, mo, d), zone)
        expect(stored.startsWith(dayText(y, mo, d))).toBe(true)
        expect(parseIsoInstant(stored)).toBe(parseIsoInstant(dayText(y, mo, d), { timeZone: zone }))
      }),
      { numRuns: 500 }
    )
  })

  test('then any instant written in a zone reads back as itself', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2035, 11, 31) }),
        (zone, at) => {
          const seconds = at - (at % 1000)
          expect(parseIsoInstant(toIsoInZone(seconds, zone))).toBe(seconds)
          expect(Math.abs(zoneOffsetMinutes(seconds, zone))).toBeLessThanOrEqual(14 * 60)
        }
      ),
      { numRuns: 1000 }
    )
  })

  test('then a wall-clock time that exists reads back as that wall-clock time', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), ({ zone, y, mo, d }, h, mi) => {
        const at = zonedMillis(y, mo, d, h, mi, 0, zone) as number
        const text = toIsoInZone(at, zone)
        const wall = `${dayText(y, mo, d)}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:00`
        // Either that wall-clock time, or (in a gap) a later one on the clock that jumped.
        if (!text.startsWith(wall)) expect(text.slice(0, 19) > wall).toBe(true)
      }),
      { numRuns: 1000 }
    )
  })
})
