import {
  FieldErrorReason,
  LIMITS,
  isValidInvoiceNumber,
  isValidOrderId,
  validateInvoiceNumber,
  validateOrderId,
} from '../index'

// Inputs that must never reach a URL path, shared by both identifiers.
const unsafe: Array<[string, string, FieldErrorReason]> = [
  ['empty', '', 'REQUIRED'],
  ['dot-dot', '..', 'INVALID_CHARACTERS'],
  ['traversal', '../x', 'INVALID_CHARACTERS'],
  ['slash', 'a/b', 'INVALID_CHARACTERS'],
  ['backslash', 'a\\b', 'INVALID_CHARACTERS'],
  ['encoded slash', 'a%2Fb', 'INVALID_CHARACTERS'],
  ['encoded dots', '%2e%2e', 'INVALID_CHARACTERS'],
  ['inner space', 'NF 9', 'INVALID_CHARACTERS'],
  ['leading space', ' 123', 'INVALID_CHARACTERS'],
  ['trailing space', '123 ', 'INVALID_CHARACTERS'],
  ['hash', 'a#b', 'INVALID_CHARACTERS'],
  ['question mark', 'a?b', 'INVALID_CHARACTERS'],
  ['ampersand', 'a&b', 'INVALID_CHARACTERS'],
  ['dot', 'a.b', 'INVALID_CHARACTERS'],
  ['tab', 'a\tb', 'INVALID_CHARACTERS'],
  ['newline', 'a\nb', 'INVALID_CHARACTERS'],
  ['trailing newline', '123\n', 'INVALID_CHARACTERS'],
  ['DEL', 'a\u007fb', 'INVALID_CHARACTERS'],
  ['NUL', 'a\u0000b', 'INVALID_CHARACTERS'],
  ['cyrillic a lookalike', '\u0430bc-01', 'INVALID_CHARACTERS'],
  ['fullwidth digit', '\uff11234', 'INVALID_CHARACTERS'],
  ['non-breaking hyphen', '1172452900788\u201101', 'INVALID_CHARACTERS'],
  ['zero-width space', '1172\u200b452', 'INVALID_CHARACTERS'],
  ['accented letter', 'p\u00e9dido', 'INVALID_CHARACTERS'],
  ['leading hyphen', '-01', 'INVALID_CHARACTERS'],
  ['trailing hyphen', '01-', 'INVALID_CHARACTERS'],
  ['only a hyphen', '-', 'INVALID_CHARACTERS'],
]

describe('given an order id', () => {
  describe.each(['1172452900788-01', 'v501245lspt-01', '00-v5195004lux-01', 'a', '1', 'x'.repeat(LIMITS.orderIdMaxLength)])(
    'when it is %j',
    id => {
      test('then it is accepted', () => {
        expect(validateOrderId(id)).toEqual([])
        expect(isValidOrderId(id)).toBe(true)
      })
    }
  )

  test.each([
    ...unsafe,
    ['too long', 'x'.repeat(LIMITS.orderIdMaxLength + 1), 'TOO_LONG'],
    ['underscore', '1172452900788_01', 'INVALID_CHARACTERS'],
  ] as Array<[string, string, FieldErrorReason]>)('when it is %s (%j), then it is refused as %s', (_name, id, reason) => {
    const errors = validateOrderId(id)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ field: 'orderId', reason })
    expect(errors[0].message).toEqual(expect.any(String))
    expect(isValidOrderId(id)).toBe(false)
  })

  test.each([undefined, null, 42, {}, ['1172452900788-01']])('when it is not a string (%j), then it is REQUIRED', value => {
    expect(validateOrderId(value)).toEqual([expect.objectContaining({ field: 'orderId', reason: 'REQUIRED' })])
  })

  test('when a field path is given, then the error names it', () => {
    expect(validateOrderId('a/b', 'updates[3].orderId')[0].field).toBe('updates[3].orderId')
  })
})

describe('given an invoice number', () => {
  describe.each(['000030711', '24382', 'NF-9', 'NF_9', 'A1_B2-C3', 'x'.repeat(LIMITS.invoiceNumberMaxLength)])(
    'when it is %j',
    invoice => {
      test('then it is accepted', () => {
        expect(validateInvoiceNumber(invoice)).toEqual([])
        expect(isValidInvoiceNumber(invoice)).toBe(true)
      })
    }
  )

  test.each([
    ...unsafe,
    ['too long', 'x'.repeat(LIMITS.invoiceNumberMaxLength + 1), 'TOO_LONG'],
    ['leading underscore', '_9', 'INVALID_CHARACTERS'],
    ['trailing underscore', 'NF_', 'INVALID_CHARACTERS'],
  ] as Array<[string, string, FieldErrorReason]>)('when it is %s (%j), then it is refused as %s', (_name, invoice, reason) => {
    const errors = validateInvoiceNumber(invoice)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ field: 'invoiceNumber', reason })
    expect(isValidInvoiceNumber(invoice)).toBe(false)
  })

  test.each([undefined, null, 24382])('when it is not a string (%j), then it is REQUIRED', value => {
    expect(validateInvoiceNumber(value)).toEqual([expect.objectContaining({ field: 'invoiceNumber', reason: 'REQUIRED' })])
  })

  test('when a huge string arrives, then it is refused as TOO_LONG', () => {
    expect(validateInvoiceNumber('9'.repeat(1_000_000))[0].reason).toBe('TOO_LONG')
  })
})
