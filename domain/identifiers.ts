// OMS routes on raw path segments: a space gives a 500, `/` (even as %2F) a 404, `#` and `?`
// cut the path. So identifiers are held to letters, digits and `-` (`_` for invoices) before
// they get near a URL; nothing else can traverse or split a path.
import { FieldError, fieldError } from './fieldErrors'
import { LIMITS } from './limits'

const ORDER_ID = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/
const INVOICE_NUMBER = /^[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?$/

function validateIdentifier(
  value: unknown,
  field: string,
  pattern: RegExp,
  maxLength: number,
  allowed: string
): FieldError[] {
  if (typeof value !== 'string' || value.length === 0) {
    return [fieldError(field, 'REQUIRED', `${field} is required.`)]
  }
  if (value.length > maxLength) {
    return [fieldError(field, 'TOO_LONG', `${field} must be at most ${maxLength} characters.`)]
  }
  if (!pattern.test(value)) {
    return [
      fieldError(
        field,
        'INVALID_CHARACTERS',
        `${field} may only contain ${allowed}, and must start and end with a letter or digit.`
      ),
    ]
  }
  return []
}

export const validateOrderId = (value: unknown, field = 'orderId'): FieldError[] =>
  validateIdentifier(value, field, ORDER_ID, LIMITS.orderIdMaxLength, 'letters, digits and "-"')

export const validateInvoiceNumber = (value: unknown, field = 'invoiceNumber'): FieldError[] =>
  validateIdentifier(
    value,
    field,
    INVOICE_NUMBER,
    LIMITS.invoiceNumberMaxLength,
    'letters, digits, "-" and "_"'
  )

export const isValidOrderId = (value: unknown): value is string => validateOrderId(value).length === 0
export const isValidInvoiceNumber = (value: unknown): value is string =>
  validateInvoiceNumber(value).length === 0
