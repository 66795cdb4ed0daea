import {
  LIMITS,
  TrackingEvent,
  validateInstant,
  validateInvoiceTracking,
  validateTrackingStatus,
} from '../index'

const NOW = Date.parse('2024-05-10T12:00:00Z')

const event = (overrides: Partial<Record<keyof TrackingEvent, unknown>> = {}) => ({
  city: 'Curitiba',
  state: 'PR',
  description: 'Package left the distribution center',
  date: '2024-05-01T14:30:00-03:00',
  ...overrides,
})

const status = (overrides: Record<string, unknown> = {}) => ({
  isDelivered: false,
  events: [event()],
  ...overrides,
})

function errorsOf(input: unknown, now = NOW) {
  const result = validateTrackingStatus(input, now)
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`)
  return result.errors
}

function valueOf(input: unknown, now = NOW) {
  const result = validateTrackingStatus(input, now)
  if (!result.ok) throw new Error(`expected acceptance, got ${JSON.stringify(result.errors)}`)
  return result.value
}

describe('given validateTrackingStatus', () => {
  describe('when the input is well formed', () => {
    test('then it is accepted with events in the order given and no deliveredDate', () => {
      const second = event({ date: '2024-04-30', description: 'Label created' })
      expect(valueOf(status({ events: [event(), second] }))).toEqual({
        isDelivered: false,
        deliveredDate: null,
        // A calendar date is the start of that day in the store's zone (UTC when none is given).
        events: [event(), { ...second, date: '2024-04-30T00:00:00+00:00' }],
      })
    })

    test('then an empty event list is accepted (only delivery changes)', () => {
      expect(valueOf(status({ events: [] })).events).toEqual([])
    })

    test.each([null, undefined, ''])('then a not-delivered update with deliveredDate %j is accepted', deliveredDate => {
      expect(valueOf(status({ deliveredDate })).deliveredDate).toBeNull()
    })
  })

  describe('when the input is not an object', () => {
    test.each([null, undefined, 'x', 3])('then %j is REQUIRED at input', input => {
      expect(errorsOf(input)).toEqual([expect.objectContaining({ field: 'input', reason: 'REQUIRED' })])
    })
  })

  describe('when isDelivered is not a boolean', () => {
    test.each([undefined, 'true', 1, null])('then %j is refused at input.isDelivered', isDelivered => {
      expect(errorsOf(status({ isDelivered }))).toContainEqual(
        expect.objectContaining({ field: 'input.isDelivered', reason: 'REQUIRED' })
      )
    })
  })

  describe('when isDelivered is true', () => {
    test.each([
      ['an offset date-time crossing midnight', '2024-05-01T21:15:00-03:00', '2024-05-02 00:15'],
      ['a UTC date-time', '2024-05-01T21:15:00Z', '2024-05-01 21:15'],
      ["OMS's own form", '2022-10-01 21:15', '2022-10-01 21:15'],
      ['a calendar date', '2024-05-01', '2024-05-01 00:00'],
      ['OMS seven-digit fraction', '2024-05-01T10:20:30.0521233+00:00', '2024-05-01 10:20'],
      ['padded with spaces', '  2024-05-01T21:15:00-03:00 ', '2024-05-02 00:15'],
    ])('then deliveredDate as %s (%s) becomes %s in UTC', (_name, deliveredDate, expected) => {
      expect(valueOf(status({ isDelivered: true, deliveredDate }))).toMatchObject({
        isDelivered: true,
        deliveredDate: expected,
      })
    })

    test.each([undefined, null, '', '   '])('then a missing deliveredDate (%j) is REQUIRED', deliveredDate => {
      expect(errorsOf(status({ isDelivered: true, deliveredDate }))).toEqual([
        expect.objectContaining({ field: 'input.deliveredDate', reason: 'REQUIRED' }),
      ])
    })

    test.each(['2024-05-01T21:15:00', 'tomorrow', '2024-5-1', '2023-02-30 10:00'])(
      'then an unreadable deliveredDate (%j) is INVALID_FORMAT',
      deliveredDate => {
        expect(errorsOf(status({ isDelivered: true, deliveredDate }))).toEqual([
          expect.objectContaining({ field: 'input.deliveredDate', reason: 'INVALID_FORMAT' }),
        ])
      }
    )
  })

  describe('when isDelivered is false but a deliveredDate is sent', () => {
    test('then deliveredDate is NOT_ALLOWED', () => {
      expect(errorsOf(status({ deliveredDate: '2024-05-01' }))).toEqual([
        expect.objectContaining({ field: 'input.deliveredDate', reason: 'NOT_ALLOWED' }),
      ])
    })
  })

  describe('when a date is out of the plausible range (now fixed at 2024-05-10T12:00Z)', () => {
    test.each([
      ['the earliest accepted date', '2000-01-01', true],
      ['the last instant of 1999', '1999-12-31T23:59:59Z', false],
      ['a date before 2000', '1999-12-31', false],
      ['a year-1 date', '0001-01-01', false],
      ['23 hours ahead', '2024-05-11T11:00:00Z', true],
      ['exactly one day ahead', '2024-05-11T12:00:00Z', true],
      ['one day and a minute ahead', '2024-05-11T12:01:00Z', false],
      ['a far future date', '2999-01-01', false],
    ])('then an event dated %s (%s) is accepted: %s', (_name, date, accepted) => {
      const result = validateTrackingStatus(status({ events: [event({ date })] }), NOW)
      if (accepted) expect(result.ok).toBe(true)
      else
        expect(result).toEqual({
          ok: false,
          errors: [expect.objectContaining({ field: 'input.events[0].date', reason: 'OUT_OF_RANGE' })],
        })
    })

    test('then the same rule applies to deliveredDate', () => {
      expect(errorsOf(status({ isDelivered: true, deliveredDate: '2024-05-12T00:00:00Z' }))).toEqual([
        expect.objectContaining({ field: 'input.deliveredDate', reason: 'OUT_OF_RANGE' }),
      ])
    })

    test('then "the future" depends on the now passed in, not on the clock', () => {
      const input = status({ events: [event({ date: '2030-01-01' })] })
      expect(validateTrackingStatus(input, NOW).ok).toBe(false)
      expect(validateTrackingStatus(input, Date.parse('2030-01-01T00:00:00Z')).ok).toBe(true)
    })
  })

  describe('when an event date is not strict ISO', () => {
    test.each([
      ['no offset', '2024-05-01T14:30:00'],
      ['unpadded', '2024-1-1'],
      ["OMS's delivered form (only for deliveredDate)", '2024-05-01 14:30'],
      ['words', 'last Tuesday'],
      ['a number', 1714572000000],
      ['over 40 characters', '2024-05-01T14:30:00.123456789+00:00' + '     x'],
    ])('then %s (%j) is INVALID_FORMAT at its path', (_name, date) => {
      expect(errorsOf(status({ events: [event(), event(), event({ date })] }))).toContainEqual(
        expect.objectContaining({
          field: 'input.events[2].date',
          reason: typeof date === 'string' ? 'INVALID_FORMAT' : 'REQUIRED',
        })
      )
    })

    test('then a padded date is trimmed in the result', () => {
      expect(valueOf(status({ events: [event({ date: ' 2024-05-01 ' })] })).events[0].date).toBe('2024-05-01T00:00:00+00:00')
    })
  })

  describe('when a description is checked', () => {
    const max = LIMITS.descriptionMaxLength
    test.each([
      ['one character', 'x', 'x'],
      [`${max} ASCII characters`, 'a'.repeat(max), 'a'.repeat(max)],
      [`${max} emoji (${2 * max} UTF-16 units)`, '\u{1F69A}'.repeat(max), '\u{1F69A}'.repeat(max)],
      ['surrounding whitespace', '  In transit \n', 'In transit'],
      ['several lines and tabs', 'Line 1\nLine 2\r\n\tLine 3', 'Line 1\nLine 2\r\n\tLine 3'],
      ['Hebrew (RTL)', 'החבילה נמסרה', 'החבילה נמסרה'],
      ['Arabic with an RTL mark', '\u200fتم التسليم', '\u200fتم التسليم'],
      ['HTML, as plain text', '<script>alert(1)</script><b>x</b>', '<script>alert(1)</script><b>x</b>'],
      ['a whole ZWJ emoji', 'Delivered \u{1F468}\u200d\u{1F469}\u200d\u{1F467}', 'Delivered \u{1F468}\u200d\u{1F469}\u200d\u{1F467}'],
    ])('then %s is accepted', (_name, description, expected) => {
      expect(valueOf(status({ events: [event({ description })] })).events[0].description).toBe(expected)
    })

    test.each([
      ['empty', '', 'REQUIRED'],
      ['only whitespace', ' \n\t ', 'REQUIRED'],
      ['missing', undefined, 'REQUIRED'],
      ['not a string', 42, 'REQUIRED'],
      [`${max + 1} ASCII characters`, 'a'.repeat(max + 1), 'TOO_LONG'],
      [`${max + 1} emoji`, '\u{1F69A}'.repeat(max + 1), 'TOO_LONG'],
      [`${max} characters plus one emoji`, 'a'.repeat(max) + '\u{1F69A}', 'TOO_LONG'],
      ['a NUL', 'In\u0000transit', 'INVALID_CHARACTERS'],
      ['an escape character', 'In \u001b[31mtransit', 'INVALID_CHARACTERS'],
      ['a C1 control', 'In\u0085transit', 'INVALID_CHARACTERS'],
      ['DEL', 'In\u007ftransit', 'INVALID_CHARACTERS'],
      ['a lone high surrogate', 'In transit \ud83d', 'INVALID_CHARACTERS'],
      ['a lone low surrogate', '\ude9a In transit', 'INVALID_CHARACTERS'],
      ['reversed surrogates', 'x\ude9a\ud83dx', 'INVALID_CHARACTERS'],
    ])('then %s is refused as %s at its path', (_name, description, reason) => {
      expect(errorsOf(status({ events: [event(), event({ description })] }))).toEqual([
        expect.objectContaining({ field: 'input.events[1].description', reason }),
      ])
    })
  })

  describe('when city and state are checked', () => {
    test.each(['city', 'state'] as const)('then %s is trimmed', key => {
      expect(valueOf(status({ events: [event({ [key]: '  São Paulo  ' })] })).events[0][key]).toBe('São Paulo')
    })

    test.each([
      ['city', '', 'REQUIRED'],
      ['state', '   ', 'REQUIRED'],
      ['city', null, 'REQUIRED'],
      ['city', 'x'.repeat(LIMITS.cityMaxLength + 1), 'TOO_LONG'],
      ['state', 'x'.repeat(LIMITS.stateMaxLength + 1), 'TOO_LONG'],
      ['city', 'São\nPaulo', 'INVALID_CHARACTERS'],
      ['state', 'S\tP', 'INVALID_CHARACTERS'],
      ['city', 'Curi\u0000tiba', 'INVALID_CHARACTERS'],
      ['state', 'P\ud800R', 'INVALID_CHARACTERS'],
    ])('then %s %j is refused as %s', (key, value, reason) => {
      expect(errorsOf(status({ events: [event({ [key]: value })] }))).toEqual([
        expect.objectContaining({ field: `input.events[0].${key}`, reason }),
      ])
    })

    test('then a city of exactly the maximum length is accepted', () => {
      expect(valueOf(status({ events: [event({ city: 'x'.repeat(LIMITS.cityMaxLength) })] })).events).toHaveLength(1)
    })
  })

  describe('when the events list is checked', () => {
    test('then it must be a list', () => {
      expect(errorsOf(status({ events: undefined }))).toEqual([
        expect.objectContaining({ field: 'input.events', reason: 'REQUIRED' }),
      ])
      expect(errorsOf(status({ events: { 0: event() } }))).toEqual([
        expect.objectContaining({ field: 'input.events', reason: 'REQUIRED' }),
      ])
    })

    test(`then ${LIMITS.eventsPerCall} events are accepted and ${LIMITS.eventsPerCall + 1} are TOO_MANY`, () => {
      const many = (n: number) => Array.from({ length: n }, (_, i) => event({ description: `step ${i}` }))
      expect(valueOf(status({ events: many(LIMITS.eventsPerCall) })).events).toHaveLength(LIMITS.eventsPerCall)
      expect(errorsOf(status({ events: many(LIMITS.eventsPerCall + 1) }))).toEqual([
        expect.objectContaining({ field: 'input.events', reason: 'TOO_MANY' }),
      ])
    })

    test('then an entry that is not an object is refused at its index', () => {
      expect(errorsOf(status({ events: [event(), null, 'x'] }))).toEqual([
        expect.objectContaining({ field: 'input.events[1]', reason: 'REQUIRED' }),
        expect.objectContaining({ field: 'input.events[2]', reason: 'REQUIRED' }),
      ])
    })

    test('then every fault of every event is reported with its own path', () => {
      const errors = errorsOf({
        isDelivered: false,
        events: [event(), event({ city: '', date: 'soon' }), event(), event({ description: 'x'.repeat(LIMITS.descriptionMaxLength + 1) })],
      })
      expect(errors.map(e => [e.field, e.reason])).toEqual([
        ['input.events[1].city', 'REQUIRED'],
        ['input.events[1].date', 'INVALID_FORMAT'],
        ['input.events[3].description', 'TOO_LONG'],
      ])
      for (const e of errors) expect(e.message.length).toBeGreaterThan(0)
    })

    test('then a custom root field prefixes every path', () => {
      const result = validateTrackingStatus(status({ events: [event({ state: '' })] }), NOW, 'updates[4].input')
      expect(result.ok ? [] : result.errors.map(e => e.field)).toEqual(['updates[4].input.events[0].state'])
    })
  })
})

describe('given validateInstant', () => {
  test('when the value is accepted, then its instant is returned', () => {
    expect(validateInstant('2024-05-01T00:00:00-03:00', 'd', NOW)).toEqual({ at: Date.UTC(2024, 4, 1, 3), errors: [] })
  })
  test("when OMS's form is not opted into, then it is refused", () => {
    expect(validateInstant('2024-05-01 10:00', 'd', NOW).errors).toEqual([
      expect.objectContaining({ field: 'd', reason: 'INVALID_FORMAT' }),
    ])
  })
})

describe('given validateInvoiceTracking', () => {
  const ok = (input: unknown) => {
    const result = validateInvoiceTracking(input, NOW)
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    return result.value
  }
  const refusal = (input: unknown) => {
    const result = validateInvoiceTracking(input, NOW)
    if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`)
    return result.errors
  }

  test('when only a tracking number is sent, then the rest is null', () => {
    expect(ok({ trackingNumber: ' BR123456789XX ' })).toEqual({
      trackingNumber: 'BR123456789XX',
      trackingUrl: null,
      courier: null,
      dispatchedDate: null,
    })
  })

  test('when everything is sent, then it is kept (dispatchedDate in UTC)', () => {
    expect(
      ok({
        trackingNumber: 'AA-123_4.5',
        trackingUrl: 'https://tracking.example.com/t?code=AA-123&lang=pt',
        courier: 'Correios',
        dispatchedDate: '2024-05-01T09:00:00-03:00',
      })
    ).toEqual({
      trackingNumber: 'AA-123_4.5',
      trackingUrl: 'https://tracking.example.com/t?code=AA-123&lang=pt',
      courier: 'Correios',
      dispatchedDate: '2024-05-01T12:00:00.000Z',
    })
  })

  test.each([null, undefined, ''])('when optional fields are %j, then they are null', empty => {
    expect(ok({ trackingNumber: '1', trackingUrl: empty, courier: empty, dispatchedDate: empty })).toMatchObject({
      trackingUrl: null,
      courier: null,
      dispatchedDate: null,
    })
  })

  test.each(['http://example.com/track/1', 'HTTPS://EXAMPLE.COM/x'])('when the URL is http(s) (%s), then it is accepted', url => {
    expect(ok({ trackingNumber: '1', trackingUrl: url }).trackingUrl).toBe(url)
  })

  test.each([
    ['missing', undefined, 'REQUIRED'],
    ['empty', '', 'REQUIRED'],
    ['with a space', 'BR 123', 'INVALID_CHARACTERS'],
    ['with a slash', 'BR/123', 'INVALID_CHARACTERS'],
    ['with a hash', 'BR#123', 'INVALID_CHARACTERS'],
    ['starting with a dot', '.123', 'INVALID_CHARACTERS'],
    ['starting with a hyphen', '-123', 'INVALID_CHARACTERS'],
    ['with a lookalike', 'BR\u0410123', 'INVALID_CHARACTERS'],
    ['with a NUL', 'BR\u0000', 'INVALID_CHARACTERS'],
    ['too long', 'A'.repeat(LIMITS.trackingNumberMaxLength + 1), 'TOO_LONG'],
  ])('when the tracking number is %s, then it is refused as %s', (_name, trackingNumber, reason) => {
    expect(refusal({ trackingNumber })).toEqual([expect.objectContaining({ field: 'input.trackingNumber', reason })])
  })

  test.each([
    ['javascript:', 'javascript:alert(1)', 'INVALID_FORMAT'],
    ['JavaScript: in capitals', 'JavaScript:alert(document.cookie)', 'INVALID_FORMAT'],
    ['data:', 'data:text/html,<script>alert(1)</script>', 'INVALID_FORMAT'],
    ['ftp:', 'ftp://example.com/file', 'INVALID_FORMAT'],
    ['file:', 'file:///etc/hosts', 'INVALID_FORMAT'],
    ['relative', '/track/1', 'INVALID_FORMAT'],
    ['no scheme', 'example.com/track', 'INVALID_FORMAT'],
    ['not a URL', 'not a url', 'INVALID_FORMAT'],
    ['with a control character', 'https://example.com/\u0000', 'INVALID_CHARACTERS'],
    ['too long', 'https://example.com/' + 'a'.repeat(LIMITS.trackingUrlMaxLength), 'TOO_LONG'],
  ])('when the URL is %s, then it is refused as %s', (_name, trackingUrl, reason) => {
    expect(refusal({ trackingNumber: '1', trackingUrl })).toEqual([
      expect.objectContaining({ field: 'input.trackingUrl', reason }),
    ])
  })

  test('when the courier is too long or has a control character, then it is refused', () => {
    expect(refusal({ trackingNumber: '1', courier: 'x'.repeat(LIMITS.courierMaxLength + 1) })).toEqual([
      expect.objectContaining({ field: 'input.courier', reason: 'TOO_LONG' }),
    ])
    expect(refusal({ trackingNumber: '1', courier: 'Cor\nreios' })).toEqual([
      expect.objectContaining({ field: 'input.courier', reason: 'INVALID_CHARACTERS' }),
    ])
  })

  test.each([
    ['without offset', '2024-05-01T09:00:00', 'INVALID_FORMAT'],
    ['before 2000', '1990-01-01', 'OUT_OF_RANGE'],
    ['next week', '2024-05-17', 'OUT_OF_RANGE'],
  ])('when dispatchedDate is %s, then it is refused as %s', (_name, dispatchedDate, reason) => {
    expect(refusal({ trackingNumber: '1', dispatchedDate })).toEqual([
      expect.objectContaining({ field: 'input.dispatchedDate', reason }),
    ])
  })

  test('when several fields are wrong, then each is reported', () => {
    expect(refusal({ trackingNumber: 'a b', trackingUrl: 'ftp://x', dispatchedDate: 'x' }).map(e => e.field)).toEqual([
      'input.trackingNumber',
      'input.trackingUrl',
      'input.dispatchedDate',
    ])
  })

  test.each([null, 'BR123'])('when the input is not an object (%j), then it is REQUIRED', input => {
    expect(refusal(input)).toEqual([expect.objectContaining({ field: 'input', reason: 'REQUIRED' })])
  })
})
