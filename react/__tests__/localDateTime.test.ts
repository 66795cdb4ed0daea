import { fromTypedDateTime, toDateTimeLocalValue, toIsoWithOffset, toTypedDateTime, typedDateOrderOf } from '../admin/localDateTime'

describe('toIsoWithOffset', () => {
  const offsetSpy = jest.spyOn(Date.prototype, 'getTimezoneOffset')
  afterEach(() => offsetSpy.mockReset())
  afterAll(() => offsetSpy.mockRestore())

  it('writes the browser offset west of UTC (São Paulo)', () => {
    offsetSpy.mockReturnValue(180)
    expect(toIsoWithOffset('2024-05-01T14:30')).toBe('2024-05-01T14:30:00-03:00')
  })

  it('writes the browser offset east of UTC, with minutes (Kolkata)', () => {
    offsetSpy.mockReturnValue(-330)
    expect(toIsoWithOffset('2024-05-01T14:30:15')).toBe('2024-05-01T14:30:15+05:30')
  })

  it('writes +00:00 in UTC', () => {
    offsetSpy.mockReturnValue(0)
    expect(toIsoWithOffset('2024-05-01T14:30')).toBe('2024-05-01T14:30:00+00:00')
  })

  it('gives null for an empty or partial value', () => {
    expect(toIsoWithOffset('')).toBeNull()
    expect(toIsoWithOffset('2024-05-01')).toBeNull()
  })
})

describe('toDateTimeLocalValue', () => {
  it('shows the wall-clock time of the browser zone, to the minute', () => {
    expect(toDateTimeLocalValue(new Date(2024, 0, 9, 7, 5, 59))).toBe('2024-01-09T07:05')
  })
})

describe('the typed date-time field', () => {
  it('reads day first in Portuguese and Spanish, year first otherwise', () => {
    expect([typedDateOrderOf('pt-BR'), typedDateOrderOf('es-AR'), typedDateOrderOf('en-US')]).toEqual(['dayFirst', 'dayFirst', 'iso'])
  })

  it.each([
    ['20/11/2026 14:30', 'dayFirst', '2026-11-20T14:30'],
    ['5/3/2025, 9:05', 'dayFirst', '2025-03-05T09:05'],
    ['2026-11-20 14:30', 'dayFirst', '2026-11-20T14:30'],
    ['2026-11-20 14:30', 'iso', '2026-11-20T14:30'],
    ['2025-03-10T14:30', 'iso', '2025-03-10T14:30'],
    [' 2025-03-10T14:30:15 ', 'iso', '2025-03-10T14:30:15'],
  ] as const)('reads %j (%s) as %s', (typed, order, value) => {
    expect(fromTypedDateTime(typed, order)).toBe(value)
  })

  it.each([
    ['20/11/2026 14:30', 'iso'], // day first only where the language writes it so
    ['31/04/2026 10:00', 'dayFirst'], // no April 31st
    ['29/02/2025 10:00', 'dayFirst'],
    ['2026-13-01 10:00', 'iso'],
    ['2026-11-20 24:00', 'iso'],
    ['2026-11-20', 'iso'], // a time is needed
    ['20/11/2026', 'dayFirst'],
    ['', 'iso'],
  ] as const)('refuses %j (%s)', (typed, order) => {
    expect(fromTypedDateTime(typed, order)).toBeNull()
  })

  it('shows a value in the order it reads, and reads back what it shows', () => {
    expect(toTypedDateTime('2026-11-20T14:30', 'dayFirst')).toBe('20/11/2026 14:30')
    expect(toTypedDateTime('2026-11-20T14:30', 'iso')).toBe('2026-11-20 14:30')
    expect(toTypedDateTime('', 'iso')).toBe('')
    for (const order of ['dayFirst', 'iso'] as const) {
      expect(fromTypedDateTime(toTypedDateTime('2024-02-29T00:05', order), order)).toBe('2024-02-29T00:05')
    }
  })
})
