// The tracking number, URL and courier an invoice needs before OMS accepts tracking events
// (OMS's partial-invoice PATCH).
import { FieldError, Validated, fieldError } from './fieldErrors'
import { LIMITS } from './limits'
import { validateText } from './text'
import { validateInstant } from './trackingStatus'

export interface InvoiceTrackingInput {
  trackingNumber: string
  trackingUrl?: string | null
  courier?: string | null
  dispatchedDate?: string | null
}

export interface ValidInvoiceTracking {
  trackingNumber: string
  trackingUrl: string | null
  courier: string | null
  dispatchedDate: string | null
}

const TRACKING_NUMBER = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

const present = (v: unknown) => v !== undefined && v !== null && v !== ''

export function validateInvoiceTracking(
  input: unknown,
  now: number,
  field = 'input',
  /** The store's: the day a calendar dispatchedDate names. */
  timeZone = 'UTC'
): Validated<ValidInvoiceTracking> {
  if (typeof input !== 'object' || input === null) {
    return { ok: false, errors: [fieldError(field, 'REQUIRED', `${field} is required.`)] }
  }
  const raw = input as Record<string, unknown>
  const errors: FieldError[] = []

  const number = validateText(raw.trackingNumber, `${field}.trackingNumber`, {
    maxLength: LIMITS.trackingNumberMaxLength,
  })
  errors.push(...number.errors)
  if (number.errors.length === 0 && !TRACKING_NUMBER.test(number.value)) {
    errors.push(
      fieldError(
        `${field}.trackingNumber`,
        'INVALID_CHARACTERS',
        'trackingNumber may only contain letters, digits, ".", "-" and "_".'
      )
    )
  }

  let trackingUrl: string | null = null
  if (present(raw.trackingUrl)) {
    const url = validateText(raw.trackingUrl, `${field}.trackingUrl`, { maxLength: LIMITS.trackingUrlMaxLength })
    errors.push(...url.errors)
    if (url.errors.length === 0) {
      if (isHttpUrl(url.value)) trackingUrl = url.value
      else errors.push(fieldError(`${field}.trackingUrl`, 'INVALID_FORMAT', 'trackingUrl must be an http(s) URL.'))
    }
  }

  let courier: string | null = null
  if (present(raw.courier)) {
    const checked = validateText(raw.courier, `${field}.courier`, { maxLength: LIMITS.courierMaxLength })
    errors.push(...checked.errors)
    courier = checked.value || null
  }

  let dispatchedDate: string | null = null
  if (present(raw.dispatchedDate)) {
    const checked = validateInstant(raw.dispatchedDate, `${field}.dispatchedDate`, now, { timeZone })
    errors.push(...checked.errors)
    if (checked.at !== null) dispatchedDate = new Date(checked.at).toISOString()
  }

  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, value: { trackingNumber: number.value, trackingUrl, courier, dispatchedDate } }
}

// A tracking link is shown to shoppers: only http(s), so no `javascript:` or `data:` URL
// ever becomes a clickable link.
function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0
  } catch {
    return false
  }
}
