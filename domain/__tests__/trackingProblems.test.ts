import { DEFAULT_PROBLEM_SETTINGS, TrackingIndexEntry, problemsOf } from '..'

const NOW = Date.parse('2026-11-30T12:00:00Z')
const HOUR = 3_600_000
const at = (msAgo: number) => new Date(NOW - msAgo).toISOString()

const entry = (overrides: Partial<TrackingIndexEntry>): TrackingIndexEntry => ({
  orderId: '1172452900788-01',
  invoiceNumber: '1',
  courier: 'Correios',
  trackingNumber: 'BR1',
  invoicedAt: at(HOUR),
  estimatedDeliveryAt: at(-5 * 24 * HOUR),
  status: 'inTransit',
  lastEventAt: at(HOUR),
  eventCount: 1,
  delivered: false,
  deliveredAt: null,
  updatedAt: at(0),
  ...overrides,
})

describe('the problems of an invoice', () => {
  const problems = (e: Partial<TrackingIndexEntry>) => problemsOf(entry(e), DEFAULT_PROBLEM_SETTINGS, NOW)

  test('a healthy shipment has none, and a delivered one never has any', () => {
    expect(problems({})).toEqual([])
    expect(problems({ delivered: true, trackingNumber: null, estimatedDeliveryAt: at(HOUR), status: 'exception' })).toEqual([])
  })

  test('no tracking number', () => {
    expect(problems({ trackingNumber: null, eventCount: 0, status: null, lastEventAt: null })).toEqual(['NO_TRACKING_NUMBER'])
  })

  test('no events only after the configured hours', () => {
    const base = { eventCount: 0, status: null, lastEventAt: null }
    expect(problems({ ...base, invoicedAt: at(47 * HOUR) })).toEqual([])
    expect(problems({ ...base, invoicedAt: at(49 * HOUR) })).toEqual(['NO_EVENTS'])
  })

  test('stale after the configured days, late past the estimate, exception by the latest status', () => {
    expect(problems({ lastEventAt: at(8 * 24 * HOUR) })).toEqual(['STALE'])
    expect(problems({ estimatedDeliveryAt: at(HOUR) })).toEqual(['LATE'])
    expect(problems({ status: 'deliveryAttempted' })).toEqual(['EXCEPTION'])
    expect(problems({ status: 'delayed', estimatedDeliveryAt: at(HOUR) })).toEqual(['LATE', 'EXCEPTION'])
  })
})
