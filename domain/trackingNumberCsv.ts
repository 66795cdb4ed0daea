// The work queue's tracking-number CSV: one row sets or corrects one invoice's tracking
// number (and URL, courier). Rows are checked with the API's own validators, sent through
// setInvoiceTrackings, and the results file neutralizes formula-like cells (toCsv).
import { FieldErrorReason } from './fieldErrors'
import { validateInvoiceNumber, validateOrderId } from './identifiers'
import { validateInvoiceTracking } from './invoiceTracking'
import { CSV_RESULT_STATUS, CsvSeparator, toCsv } from './csvImport'

export const TRACKING_NUMBER_CSV_COLUMNS = ['orderId', 'invoiceNumber', 'trackingNumber', 'trackingUrl', 'courier'] as const
export type TrackingNumberCsvColumn = (typeof TRACKING_NUMBER_CSV_COLUMNS)[number]
export const REQUIRED_TRACKING_NUMBER_CSV_COLUMNS: readonly TrackingNumberCsvColumn[] = ['orderId', 'invoiceNumber', 'trackingNumber']

const headerKey = (text: string) => text.replace(/^\ufeff/, '').replace(/[\s_-]+/g, '').toLowerCase()

export interface TrackingNumberCsvHeader {
  columns: Array<TrackingNumberCsvColumn | null>
  missing: TrackingNumberCsvColumn[]
  duplicated: TrackingNumberCsvColumn[]
}

export function readTrackingNumberCsvHeader(cells: readonly string[]): TrackingNumberCsvHeader {
  const seen = new Set<TrackingNumberCsvColumn>()
  const duplicated: TrackingNumberCsvColumn[] = []
  const columns = cells.map(cell => {
    const column = TRACKING_NUMBER_CSV_COLUMNS.find(c => headerKey(c) === headerKey(cell)) ?? null
    if (column && seen.has(column) && !duplicated.includes(column)) duplicated.push(column)
    if (column) seen.add(column)
    return column
  })
  return { columns, missing: REQUIRED_TRACKING_NUMBER_CSV_COLUMNS.filter(c => !seen.has(c)), duplicated }
}

export interface TrackingNumberUpdate {
  orderId: string
  invoiceNumber: string
  input: { trackingNumber: string; trackingUrl?: string; courier?: string }
}

export interface TrackingNumberCsvRow {
  rowNumber: number
  values: Record<TrackingNumberCsvColumn, string>
  update: TrackingNumberUpdate | null
  problems: Array<{ column: TrackingNumberCsvColumn | null; reason: FieldErrorReason; message: string }>
}

const COLUMN_OF_FIELD: Record<string, TrackingNumberCsvColumn> = {
  orderId: 'orderId',
  invoiceNumber: 'invoiceNumber',
  'input.trackingNumber': 'trackingNumber',
  'input.trackingUrl': 'trackingUrl',
  'input.courier': 'courier',
}

export const trackingNumberCsvColumnOfField = (field: string | null | undefined): TrackingNumberCsvColumn | null =>
  field ? COLUMN_OF_FIELD[field.replace(/^updates\[\d+\]\./, '')] ?? null : null

export function trackingNumberCsvRow(
  cells: readonly string[],
  header: TrackingNumberCsvHeader,
  rowNumber: number,
  now: number
): TrackingNumberCsvRow {
  const values = Object.fromEntries(TRACKING_NUMBER_CSV_COLUMNS.map(c => [c, ''])) as Record<TrackingNumberCsvColumn, string>
  header.columns.forEach((column, i) => {
    if (column) values[column] = (cells[i] ?? '').trim()
  })
  const input: TrackingNumberUpdate['input'] = { trackingNumber: values.trackingNumber }
  if (values.trackingUrl) input.trackingUrl = values.trackingUrl
  if (values.courier) input.courier = values.courier
  const errors = [
    ...validateOrderId(values.orderId),
    ...validateInvoiceNumber(values.invoiceNumber),
    ...(() => {
      const checked = validateInvoiceTracking(input, now)
      return checked.ok ? [] : checked.errors
    })(),
  ]
  const problems = errors.map(e => ({ column: trackingNumberCsvColumnOfField(e.field), reason: e.reason, message: e.message }))
  return {
    rowNumber,
    values,
    update: problems.length ? null : { orderId: values.orderId, invoiceNumber: values.invoiceNumber, input },
    problems,
  }
}

export type TrackingNumberRowOutcome =
  | { status: 'ok'; receipt: string | null }
  | { status: 'error'; code: string; message: string }
  | { status: 'notSent' }

/** The words of the results file in the page's language; English (the API's) by default. */
export interface TrackingNumberResultTexts {
  status: Record<'ok' | 'error' | 'invalid' | 'notSent', string>
  problem(problem: TrackingNumberCsvRow['problems'][number]): string
  error(outcome: Extract<TrackingNumberRowOutcome, { status: 'error' }>): string
}

const TRACKING_NUMBER_RESULT_TEXTS_EN: TrackingNumberResultTexts = {
  status: CSV_RESULT_STATUS,
  problem: problem => problem.message,
  error: outcome => outcome.message,
}

export function trackingNumberResultsCsv(
  rows: readonly TrackingNumberCsvRow[],
  outcomes: ReadonlyArray<TrackingNumberRowOutcome | undefined>,
  separator: CsvSeparator = ',',
  texts: TrackingNumberResultTexts = TRACKING_NUMBER_RESULT_TEXTS_EN
): string {
  const body = rows.map((row, i) => {
    const data = [String(row.rowNumber), ...TRACKING_NUMBER_CSV_COLUMNS.map(c => row.values[c])]
    if (row.update === null) return [...data, texts.status.invalid, 'BAD_USER_INPUT', row.problems.map(texts.problem).join(' '), '']
    const outcome = outcomes[i] ?? { status: 'notSent' }
    if (outcome.status === 'ok') return [...data, texts.status.ok, '', '', outcome.receipt ?? '']
    if (outcome.status === 'error') return [...data, texts.status.error, outcome.code, texts.error(outcome), '']
    return [...data, texts.status.notSent, '', '', '']
  })
  return toCsv([['row', ...TRACKING_NUMBER_CSV_COLUMNS, 'result', 'errorCode', 'errorMessage', 'receipt'], ...body], separator)
}

export const trackingNumberCsvSample = (separator: CsvSeparator = ',') =>
  toCsv(
    [
      [...TRACKING_NUMBER_CSV_COLUMNS],
      ['v501245lspt-01', '24382', 'BR123456789BR', 'https://rastreamento.correios.example/BR123456789BR', 'Correios'],
    ],
    separator
  )

export const TRACKING_NUMBER_CSV_SAMPLE = trackingNumberCsvSample()
