import { TrackingEvent } from '../domain'
import { forgetRecentWrites, invoiceKey, isLateRead, mergeBase, rememberWrite } from '../tracking/recentWrites'

const ev = (description: string, hour: number): TrackingEvent => ({
  city: 'Curitiba',
  state: 'PR',
  description,
  date: `2024-05-01T${String(hour).padStart(2, '0')}:00:00Z`,
})
const A = ev('Label created', 9)
const B = ev('Picked up', 10)
const C = ev('In transit', 11)
const R = ev('Rival scan', 12)
const KEY = invoiceKey('localstore', '1172452900788-01', '000030711')
const body = (events: TrackingEvent[], isDelivered = false) => ({ isDelivered, deliveredDate: isDelivered ? '2024-05-01 15:00' : null, events })
const descriptions = (events: TrackingEvent[]) => events.map(e => e.description).sort()

beforeEach(() => {
  forgetRecentWrites()
  delete process.env.ORDER_TRACKING_READ_LAG_MS
})

describe('given this process wrote [A, B] to an invoice, built on a read of [A]', () => {
  beforeEach(() => rememberWrite(KEY, body([A, B], true), false, [A]))

  test('when a read holds that write (and more), then the MERGE builds on the read', () => {
    expect(mergeBase(KEY, [A, B, R])).toEqual({ events: [A, B, R] })
  })

  test('when a read answers the list it was built on (a late read), then the MERGE builds on the write, delivered state included', () => {
    const base = mergeBase(KEY, [A])
    expect(descriptions(base.events)).toEqual(descriptions([A, B]))
    expect(base.delivery).toEqual({ isDelivered: true, deliveredDate: '2024-05-01 15:00' })
  })

  test('when a read answers a list it cannot place, then the MERGE builds on both and loses nothing', () => {
    expect(descriptions(mergeBase(KEY, [A, R]).events)).toEqual(descriptions([A, B, R]))
  })

  test('when the lag bound has passed, then the read is trusted (a rival REPLACE stays replaced)', async () => {
    process.env.ORDER_TRACKING_READ_LAG_MS = '20'
    await new Promise(resolve => setTimeout(resolve, 40))
    expect(mergeBase(KEY, [R])).toEqual({ events: [R] })
  })

  test('when the lag bound is 0, then nothing is kept', () => {
    process.env.ORDER_TRACKING_READ_LAG_MS = '0'
    forgetRecentWrites()
    rememberWrite(KEY, body([A, B, C]), false, [A, B])
    expect(mergeBase(KEY, [A])).toEqual({ events: [A] })
  })
})

test('given this process REPLACEd the list with [C], then a read still showing the list before builds on [C] alone', () => {
  rememberWrite(KEY, body([A, B]), false, [A])
  rememberWrite(KEY, body([C]), true)
  expect(mergeBase(KEY, [A, B])).toEqual({ events: [C], delivery: { isDelivered: false, deliveredDate: null } })
  // An older list than the one this process last MERGEd is placed too.
  expect(mergeBase(KEY, [A]).events).toEqual([C])
})

test('a read-back is late when it holds nothing beyond what was known before the PUT', () => {
  expect(isLateRead([A], [A, B])).toBe(true)
  expect(isLateRead([], [A])).toBe(true)
  expect(isLateRead([A, R], [A, B])).toBe(false)
})
