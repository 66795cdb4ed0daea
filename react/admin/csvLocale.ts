// The spreadsheet conventions of the page's locale, for the CSV files it reads and writes:
// `;` as separator for pt and es (Excel's list separator where the comma is the decimal
// mark), day-first dates read in those locales, results files whose outcome values and
// messages are in the page's language, and the store's time zone for dates without an offset.
import { useApolloClient } from 'react-apollo'
import { useIntl } from 'react-intl'

import {
  CSV_RESULT_TEXTS_EN,
  CsvDateReading,
  CsvResultTexts,
  CsvRowProblem,
  CsvSeparator,
  TrackingNumberResultTexts,
  csvDateReadingOf,
  csvSeparatorOf,
} from '../domain'
import TRACKING_SETTINGS from '../graphql/trackingSettings.gql'
import { ApiErrorCode } from './apiErrors'
import { useCsvProblemText } from './components/CsvRowsTable'
import { ERROR_MESSAGE_IDS, FIELD_ERROR_MESSAGE_IDS } from './messageIds'

export interface CsvConventions {
  separator: CsvSeparator
  resultTexts: CsvResultTexts
  trackingNumberResultTexts: TrackingNumberResultTexts
  /** How date cells are read: the page's locale, and the store's zone (asked of the API). */
  dateReading(): Promise<CsvDateReading>
}

interface SettingsData {
  trackingSettings: { timeZone: string } | null
}

export function useCsvConventions(): CsvConventions {
  const intl = useIntl()
  const client = useApolloClient()
  const problemText = useCsvProblemText()
  const text = (id: string) => intl.formatMessage({ id })
  const status = {
    ok: text('admin/order-tracking.csv.result.ok'),
    error: text('admin/order-tracking.csv.result.error'),
    invalid: text('admin/order-tracking.csv.result.invalid'),
    notSent: text('admin/order-tracking.csv.result.notSent'),
  }
  // A known code in the page's words; the service's own message otherwise.
  const errorText = (code: string, message: string) => {
    const id = ERROR_MESSAGE_IDS[code as ApiErrorCode]
    return id ? text(id) : message
  }
  // The API's messages are English and more specific than the page's texts: an English page
  // keeps them; any other language gets the page's own words.
  const english = /^en\b/i.test(intl.locale)
  return {
    separator: csvSeparatorOf(intl.locale),
    resultTexts: english
      ? { ...CSV_RESULT_TEXTS_EN, status }
      : {
          status,
          problem: problemText,
          error: outcome => [errorText(outcome.code, outcome.message), ...outcome.problems.map((p: CsvRowProblem) => problemText(p))].join(' '),
        },
    trackingNumberResultTexts: {
      status,
      problem: p => (english ? p.message : (p.column ? `${p.column}: ` : '') + text(FIELD_ERROR_MESSAGE_IDS[p.reason])),
      error: outcome => (english ? outcome.message : errorText(outcome.code, outcome.message)),
    },
    dateReading: async () => {
      let timeZone = 'UTC'
      try {
        // The page asked for the settings on load: this is answered from Apollo's cache.
        const { data } = await client.query<SettingsData>({ query: TRACKING_SETTINGS, errorPolicy: 'ignore' })
        timeZone = data?.trackingSettings?.timeZone ?? 'UTC'
      } catch {
        // The service's own default; the preview shows each date with its offset either way.
      }
      return csvDateReadingOf(intl.locale, timeZone)
    },
  }
}
