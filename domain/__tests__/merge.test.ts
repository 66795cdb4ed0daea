import fc from 'fast-check'

import {
  TrackingEvent,
  eventInstant,
  mergeTrackingEvents,
  missingTrackingEvents,
  normalizeTrackingEvents,
  trackingEventKey,
} from '../index'

const ev = (date: string, description = 'In transit', city = 'Curitiba', state = 'PR'): TrackingEvent => ({
  city,
  state,
  description,
  date,
})

describe('given mergeTrackingEvents (examples)', () => {
  const stored = [ev('2024-05-01T09:00:00Z', 'Label created'), ev('2024-05-02T09:00:00Z', 'Picked up')]

  test('when a new event comes, then the stored ones are kept and the new one added, oldest first', () => {
    const incoming = [ev('2024-05-01T20:00:00Z', 'Arrived at hub')]
    expect(mergeTrackingEvents(stored, incoming)).toEqual([stored[0], incoming[0], stored[1]])
  })

  test('when the incoming event is already stored, then nothing changes', () => {
    expect(mergeTrackingEvents(stored, [ev('2024-05-02T09:00:00Z', 'Picked up')])).toEqual(stored)
  })

  test("when OMS echoes our date in UTC with seven fractional digits, then it is the same event", () => {
    const echoed = [ev('2024-05-01T15:00:00.0000000+00:00', 'Out for delivery')]
    const ours = ev('2024-05-01T12:00:00-03:00', 'Out for delivery')
    expect(mergeTrackingEvents(echoed, [ours])).toEqual(echoed)
    expect(missingTrackingEvents(echoed, [ours])).toEqual([])
  })

  test('when a date-only event meets midnight UTC, then they are the same instant', () => {
    expect(mergeTrackingEvents([ev('2024-05-01')], [ev('2024-05-01T00:00:00Z')])).toHaveLength(1)
  })

  test('when texts differ only by surrounding whitespace, then they are duplicates and the first wins', () => {
    const first = ev('2024-05-01T10:00:00Z', 'Delivered', 'Curitiba', 'PR')
    const padded = ev(' 2024-05-01T10:00:00Z ', '  Delivered\n', ' Curitiba ', 'PR  ')
    expect(mergeTrackingEvents([first], [padded])).toEqual([first])
    expect(mergeTrackingEvents([padded], [first])).toEqual([padded])
  })

  test.each([
    ['description', ev('2024-05-01T10:00:00Z', 'Delivered to neighbour')],
    ['city', ev('2024-05-01T10:00:00Z', 'Delivered', 'Londrina')],
    ['state', ev('2024-05-01T10:00:00Z', 'Delivered', 'Curitiba', 'SC')],
    ['instant', ev('2024-05-01T10:00:01Z', 'Delivered')],
    ['letter case of the description', ev('2024-05-01T10:00:00Z', 'delivered')],
  ])('when only the %s differs, then both events are kept', (_name, other) => {
    expect(mergeTrackingEvents([ev('2024-05-01T10:00:00Z', 'Delivered')], [other])).toHaveLength(2)
  })

  test('when events share an instant, then their input order is kept', () => {
    const a = ev('2024-05-01T10:00:00Z', 'A')
    const b = ev('2024-05-01T07:00:00-03:00', 'B')
    const c = ev('2024-05-01T10:00:00.000Z', 'C')
    expect(normalizeTrackingEvents([a, b, c])).toEqual([a, b, c])
    expect(normalizeTrackingEvents([c, a, b])).toEqual([c, a, b])
  })

  test('when a stored date cannot be read, then the event is kept, after the dated ones', () => {
    const odd = ev('29/03/2017 18:04', 'Legacy')
    const dated = ev('2024-05-01T10:00:00Z')
    expect(mergeTrackingEvents([odd], [dated])).toEqual([dated, odd])
    expect(mergeTrackingEvents([odd], [ev(' 29/03/2017 18:04 ', 'Legacy')])).toEqual([odd])
  })

  test('when both lists are empty, then the result is empty', () => {
    expect(mergeTrackingEvents([], [])).toEqual([])
  })

  test('when merging, then the inputs are not mutated', () => {
    const current = [ev('2024-05-02'), ev('2024-05-01')]
    const snapshot = JSON.parse(JSON.stringify(current))
    mergeTrackingEvents(current, [ev('2024-05-01')])
    expect(current).toEqual(snapshot)
  })
})

describe('given missingTrackingEvents (examples)', () => {
  test('when some wanted events are absent, then exactly those are returned, in wanted order', () => {
    const stored = [ev('2024-05-01', 'A'), ev('2024-05-03', 'C')]
    const wanted = [ev('2024-05-04', 'D'), ev('2024-05-01', 'A'), ev('2024-05-02', 'B')]
    expect(missingTrackingEvents(stored, wanted)).toEqual([wanted[0], wanted[2]])
  })
  test('when nothing is stored, then everything wanted is missing', () => {
    const wanted = [ev('2024-05-01', 'A')]
    expect(missingTrackingEvents([], wanted)).toEqual(wanted)
  })
})

// ---- Properties ----------------------------------------------------------------------------
// Each generated event comes from a "base" (what the event is: instant, place, text) and a
// "rendering" (how it is written: offset, fraction digits, padding). Two events are the same
// event exactly when their bases are equal; that is the oracle, independent of trackingEventKey.

interface Base {
  minute: number // minutes after 2024-01-01T00:00Z, or -1 for an unreadable date
  city: string
  state: string
  description: string
}
interface Render {
  form: 'Z' | 'offset' | 'oms' | 'dateOnly'
  offsetMinutes: number
  pad: boolean
}

const T0 = Date.UTC(2024, 0, 1)
const pad2 = (n: number) => String(n).padStart(2, '0')

function renderDate(base: Base, render: Render): string {
  if (base.minute < 0) return render.pad ? ' 01/02/2024 10:00 ' : '01/02/2024 10:00'
  const at = T0 + base.minute * 60_000
  let text: string
  if (render.form === 'dateOnly' && base.minute % 1440 === 0) {
    text = new Date(at).toISOString().slice(0, 10)
  } else if (render.form === 'Z') {
    text = new Date(at).toISOString()
  } else {
    const off = render.form === 'oms' ? 0 : render.offsetMinutes
    const local = new Date(at + off * 60_000).toISOString().slice(0, 19)
    const sign = off < 0 ? '-' : '+'
    const abs = Math.abs(off)
    const fraction = render.form === 'oms' ? '.0000000' : ''
    text = `${local}${fraction}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
  }
  return render.pad ? `  ${text} ` : text
}

const padText = (s: string, pad: boolean) => (pad ? ` ${s}\n` : s)

const baseArb: fc.Arbitrary<Base> = fc.record({
  // A small pool so duplicates are frequent; whole days make date-only renderings possible.
  minute: fc.oneof(
    fc.constantFrom(-1, 0, 1440, 2880),
    fc.integer({ min: 0, max: 5 }).map(n => n * 90)
  ),
  city: fc.constantFrom('Curitiba', 'São Paulo', 'תל אביב'),
  state: fc.constantFrom('PR', 'SP'),
  description: fc.constantFrom('In transit', 'Delivered', 'in transit', 'Saiu para entrega 🚚'),
})
const renderArb: fc.Arbitrary<Render> = fc.record({
  form: fc.constantFrom<Render['form']>('Z', 'offset', 'oms', 'dateOnly'),
  offsetMinutes: fc.constantFrom(-180, -60, 0, 60, 330, 840),
  pad: fc.boolean(),
})

interface Generated {
  event: TrackingEvent
  base: Base
}
const generatedArb: fc.Arbitrary<Generated> = fc.tuple(baseArb, renderArb).map(([base, render]) => ({
  base,
  event: {
    city: padText(base.city, render.pad),
    state: padText(base.state, !render.pad),
    description: padText(base.description, render.pad),
    date: renderDate(base, render),
  },
}))
const listArb = fc.array(generatedArb, { maxLength: 12 })

const baseId = (b: Base) => JSON.stringify([b.minute, b.city, b.state, b.description])
const events = (list: Generated[]) => list.map(g => g.event)

describe('given mergeTrackingEvents (properties)', () => {
  test('then merging the same incoming list again changes nothing (idempotent)', () => {
    fc.assert(
      fc.property(listArb, listArb, (a, b) => {
        const once = mergeTrackingEvents(events(a), events(b))
        expect(mergeTrackingEvents(once, events(b))).toEqual(once)
      })
    )
  })

  test('then normalizing a merged list changes nothing', () => {
    fc.assert(
      fc.property(listArb, listArb, (a, b) => {
        const once = mergeTrackingEvents(events(a), events(b))
        expect(normalizeTrackingEvents(once)).toEqual(once)
      })
    )
  })

  test('then the result holds exactly one event per distinct event of the inputs', () => {
    fc.assert(
      fc.property(listArb, listArb, (a, b) => {
        const all = [...a, ...b]
        const merged = mergeTrackingEvents(events(a), events(b))
        const baseOf = new Map(all.map(g => [g.event, baseId(g.base)]))
        const outBases = merged.map(e => baseOf.get(e))
        expect(outBases.every(id => id !== undefined)).toBe(true)
        expect(new Set(outBases).size).toBe(outBases.length)
        expect(new Set(outBases)).toEqual(new Set(all.map(g => baseId(g.base))))
      })
    )
  })

  test('then no two events of the result share a trackingEventKey', () => {
    fc.assert(
      fc.property(listArb, listArb, (a, b) => {
        const keys = mergeTrackingEvents(events(a), events(b)).map(trackingEventKey)
        expect(new Set(keys).size).toBe(keys.length)
      })
    )
  })

  test('then every input event has its key in the result', () => {
    fc.assert(
      fc.property(listArb, listArb, (a, b) => {
        const keys = new Set(mergeTrackingEvents(events(a), events(b)).map(trackingEventKey))
        for (const e of [...events(a), ...events(b)]) expect(keys.has(trackingEventKey(e))).toBe(true)
      })
    )
  })

  test('then the result is sorted by instant, unreadable dates last', () => {
    fc.assert(
      fc.property(listArb, listArb, (a, b) => {
        const instants = mergeTrackingEvents(events(a), events(b)).map(e => {
          const at = eventInstant(e)
          return Number.isNaN(at) ? Infinity : at
        })
        for (let i = 1; i < instants.length; i++) expect(instants[i - 1]).toBeLessThanOrEqual(instants[i])
      })
    )
  })

  test('then every stored event survives a merge, as the very object given', () => {
    fc.assert(
      fc.property(listArb, listArb, (a, b) => {
        const merged = mergeTrackingEvents(events(a), events(b))
        const firstOfEach = new Map<string, TrackingEvent>()
        for (const g of a) if (!firstOfEach.has(baseId(g.base))) firstOfEach.set(baseId(g.base), g.event)
        for (const kept of firstOfEach.values()) expect(merged).toContain(kept)
      })
    )
  })

  test('then the same instant written with different offsets dedupes', () => {
    fc.assert(
      fc.property(baseArb, renderArb, renderArb, (base, r1, r2) => {
        fc.pre(base.minute >= 0)
        const one = { ...base, date: renderDate(base, r1) }
        const two = { ...base, date: renderDate(base, r2) }
        expect(trackingEventKey(one)).toBe(trackingEventKey(two))
        expect(mergeTrackingEvents([one], [two])).toEqual([one])
      })
    )
  })
})

describe('given missingTrackingEvents (properties)', () => {
  test('then it returns exactly the wanted events whose event is not stored, in wanted order', () => {
    fc.assert(
      fc.property(listArb, listArb, (stored, wanted) => {
        const storedIds = new Set(stored.map(g => baseId(g.base)))
        const expected = wanted.filter(g => !storedIds.has(baseId(g.base))).map(g => g.event)
        expect(missingTrackingEvents(events(stored), events(wanted))).toEqual(expected)
      })
    )
  })

  test('then nothing is missing from a merge of stored and wanted', () => {
    fc.assert(
      fc.property(listArb, listArb, (stored, wanted) => {
        const merged = mergeTrackingEvents(events(stored), events(wanted))
        expect(missingTrackingEvents(merged, events(wanted))).toEqual([])
        expect(missingTrackingEvents(merged, events(stored))).toEqual([])
      })
    )
  })
})
