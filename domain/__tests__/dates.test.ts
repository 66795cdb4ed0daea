import { parseIsoInstant, toIsoUtc, toOmsDeliveredDate } from '../index'

describe('given parseIsoInstant', () => {
  describe('when the string is an accepted ISO 8601 form', () => {
    test.each([
      ['a calendar date, as midnight UTC', '2024-05-01', '2024-05-01T00:00:00.000Z'],
      ['a leap day', '2024-02-29', '2024-02-29T00:00:00.000Z'],
      ['a date-time in UTC with Z', '2024-05-01T14:30:00Z', '2024-05-01T14:30:00.000Z'],
      ['a date-time without seconds', '2024-05-01T14:30Z', '2024-05-01T14:30:00.000Z'],
      ['a negative offset', '2024-05-01T14:30:00-03:00', '2024-05-01T17:30:00.000Z'],
      ['a positive offset', '2024-05-01T14:30:00+05:30', '2024-05-01T09:00:00.000Z'],
      ['an offset crossing midnight', '2024-05-01T21:15:00-03:00', '2024-05-02T00:15:00.000Z'],
      ['an offset crossing the year', '2024-01-01T01:00:00+02:00', '2023-12-31T23:00:00.000Z'],
      ['milliseconds', '2024-05-01T14:30:00.123Z', '2024-05-01T14:30:00.123Z'],
      ['one fractional digit', '2024-05-01T14:30:00.5Z', '2024-05-01T14:30:00.500Z'],
      ["OMS's seven fractional digits", '2017-03-29T18:04:31.0521233+00:00', '2017-03-29T18:04:31.052Z'],
      ['nine fractional digits', '2024-05-01T14:30:00.999999999Z', '2024-05-01T14:30:00.999Z'],
      ['a year below 100, as written', '0099-12-31', '0099-12-31T00:00:00.000Z'],
      ['year 1 with an offset', '0001-01-01T00:30:00+01:00', '0000-12-31T23:30:00.000Z'],
      ['the largest offset', '2024-05-01T14:00:00+14:00', '2024-05-01T00:00:00.000Z'],
    ])('then %s (%s) is read as %s', (_name, input, expected) => {
      const at = parseIsoInstant(input)
      expect(at).not.toBeNull()
      expect(new Date(at as number).toISOString()).toBe(expected)
    })

    test('then the same instant written with different offsets is the same number', () => {
      expect(parseIsoInstant('2024-05-01T12:00:00-03:00')).toBe(parseIsoInstant('2024-05-01T15:00:00.0000000+00:00'))
      expect(parseIsoInstant('2024-05-01T15:00:00Z')).toBe(parseIsoInstant('2024-05-01T15:00:00+00:00'))
    })
  })

  describe('when the string is not an accepted form', () => {
    test.each([
      ['a date-time without offset (machine zone would be used)', '2024-05-01T14:30:00'],
      ['an unpadded date', '2024-1-1'],
      ['an impossible day', '2023-02-30'],
      ['a non-leap Feb 29', '2023-02-29'],
      ['month 13', '2024-13-01'],
      ['month 0', '2024-00-10'],
      ['day 0', '2024-05-00'],
      ['hour 25', '2024-05-01T25:00:00Z'],
      ['hour 24', '2024-05-01T24:00:00Z'],
      ['minute 60', '2024-05-01T12:60:00Z'],
      ['second 60', '2024-05-01T12:00:60Z'],
      ['offset beyond 14 hours', '2024-05-01T12:00:00+15:00'],
      ['offset minutes 60', '2024-05-01T12:00:00+01:60'],
      ['offset without colon', '2024-05-01T12:00:00+0300'],
      ['ten fractional digits', '2024-05-01T12:00:00.1234567890Z'],
      ['a fraction without seconds', '2024-05-01T12:00.5Z'],
      ['words', 'March 7, 2024'],
      ['yesterday', 'yesterday'],
      ['empty', ''],
      ['an epoch number', '1714572000000'],
      ['a lowercase t and z', '2024-05-01t12:00:00z'],
      ['surrounding spaces', ' 2024-05-01 '],
      ['a trailing newline', '2024-05-01\n'],
      ["OMS's delivered form without opting in", '2022-10-01 21:15'],
    ])('then %s (%j) is refused', (_name, input) => {
      expect(parseIsoInstant(input)).toBeNull()
    })
  })

  describe("when the caller opts into OMS's delivered form", () => {
    const options = { allowOmsDeliveredFormat: true }
    test('then yyyy-mm-dd hh:mm is read as UTC', () => {
      expect(new Date(parseIsoInstant('2022-10-01 21:15', options) as number).toISOString()).toBe(
        '2022-10-01T21:15:00.000Z'
      )
    })
    test.each(['2022-10-01 25:15', '2022-02-30 10:00', '2022-10-01 21:15:00', '2022-10-01  21:15'])(
      'then a broken one (%j) is still refused',
      input => {
        expect(parseIsoInstant(input, options)).toBeNull()
      }
    )
    test('then the ISO forms are still accepted', () => {
      expect(parseIsoInstant('2024-05-01T14:30:00-03:00', options)).toBe(Date.UTC(2024, 4, 1, 17, 30))
    })
  })
})

describe('given an instant', () => {
  test("when formatted for OMS's deliveredDate, then it is yyyy-mm-dd hh:mm in UTC", () => {
    expect(toOmsDeliveredDate(Date.UTC(2024, 4, 2, 0, 15, 59, 999))).toBe('2024-05-02 00:15')
    expect(toOmsDeliveredDate(Date.UTC(2024, 0, 5, 3, 7))).toBe('2024-01-05 03:07')
  })
  test('when formatted for the API, then it is ISO 8601 with Z', () => {
    expect(toIsoUtc(Date.UTC(2024, 4, 2, 0, 15))).toBe('2024-05-02T00:15:00.000Z')
  })
  test('when an OMS deliveredDate is written and read back, then the instant is kept to the minute', () => {
    const at = Date.UTC(2031, 11, 31, 23, 59)
    expect(parseIsoInstant(toOmsDeliveredDate(at), { allowOmsDeliveredFormat: true })).toBe(at)
  })
})
