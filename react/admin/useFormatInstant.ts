// API dates are instants (ISO 8601 in UTC); the merchant reads them in their own locale and
// time zone, which react-intl's IntlProvider supplies (Intl.DateTimeFormat underneath).
import { useIntl } from 'react-intl'

import { parseIsoInstant } from '../domain'

const DATE_TIME = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
} as const

export function useFormatInstant(): (iso: string) => string {
  const intl = useIntl()
  return iso => {
    const value = iso.trim()
    const at = parseIsoInstant(value, { allowOmsDeliveredFormat: true })
    if (at === null) return iso
    // A bare date (2024-05-01) is a calendar day, not midnight UTC: shown as that very day.
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      return intl.formatDate(at, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })
    }
    return intl.formatDate(at, DATE_TIME)
  }
}
