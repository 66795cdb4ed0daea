import { toDateTimeLocalValue, toIsoWithOffset } from '../admin/localDateTime'

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
