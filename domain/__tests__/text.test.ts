// Text that lies about itself: bidi controls refused in every text field; look-alike texts
// (NFC/NFD, invisible format characters, no-break spaces) stored once.
import {
  comparableText,
  mergeTrackingEvents,
  validateInvoiceTracking,
  validateText,
  validateTrackingStatus,
} from '../index'

const NOW = Date.parse('2024-05-10T12:00:00Z')
const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']
const event = (overrides: Record<string, string> = {}) => ({
  city: 'Curitiba',
  state: 'PR',
  description: 'Em trânsito',
  date: '2024-05-01T10:00:00Z',
  ...overrides,
})

describe('bidi controls', () => {
  test.each(BIDI.map(c => [c.codePointAt(0)!.toString(16).toUpperCase(), c]))(
    'U+%s is refused in each event text field, naming the field',
    (_, control) => {
      for (const field of ['city', 'state', 'description']) {
        const checked = validateTrackingStatus({ isDelivered: false, events: [event({ [field]: `Curi${control}tiba` })] }, NOW)
        expect(checked.ok).toBe(false)
        if (checked.ok) return
        expect(checked.errors).toEqual([
          expect.objectContaining({ field: `input.events[0].${field}`, reason: 'INVALID_CHARACTERS' }),
        ])
        expect(checked.errors[0].message).toMatch(/bidirectional/)
      }
    }
  )

  test('in the courier too', () => {
    const checked = validateInvoiceTracking({ trackingNumber: 'BR1', courier: 'Correios\u202e' }, NOW)
    expect(checked.ok ? [] : checked.errors.map(e => [e.field, e.reason])).toEqual([['input.courier', 'INVALID_CHARACTERS']])
  })

  test('right-to-left text itself is welcome', () => {
    expect(validateText('תל אביב', 'city', { maxLength: 100 }).errors).toEqual([])
    expect(validateText('القاهرة', 'city', { maxLength: 100 }).errors).toEqual([])
  })
})

describe('look-alike texts', () => {
  const nfc = 'Saiu para entrega em São Paulo'
  const variants = [
    nfc,
    nfc.normalize('NFD'),
    'Saiu para\u200b entrega em São Paulo', // zero-width space
    'Saiu para entrega\u2060 em São Paulo', // word joiner
    'Saiu para\u00a0entrega em São Paulo', // no-break space
    'Saiu para entrega em São Paulo\u{e0041}\u{e007f}', // tag characters
    'Saiu\u200c para entrega em São Paulo', // zero-width non-joiner
    '\ufeffSaiu para entrega em São Paulo', // byte order mark
    'Saiu para en\u00adtrega em São Paulo', // soft hyphen
    'Saiu para\u202fentrega em São\u00a0Paulo'.normalize('NFD'), // narrow no-break space, NFD
  ]

  test('are stored in NFC', () => {
    expect(validateText(nfc.normalize('NFD'), 'description', { maxLength: 100 }).value).toBe(nfc)
  })

  test('compare equal', () => {
    expect(new Set(variants.map(comparableText)).size).toBe(1)
    expect(comparableText('São Paulo')).not.toBe(comparableText('Sao Paulo'))
  })

  test('ten look-alike events at one instant merge into one', () => {
    const merged = mergeTrackingEvents([], variants.map(description => event({ description })))
    expect(merged).toHaveLength(1)
  })

  test('a re-import in NFD adds nothing to an NFC history', () => {
    const stored = [event({ description: nfc, city: 'São Paulo' })]
    const incoming = [event({ description: nfc.normalize('NFD'), city: 'São Paulo'.normalize('NFD') })]
    expect(mergeTrackingEvents(stored, incoming)).toEqual(stored)
  })
})
