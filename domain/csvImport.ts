// The CSV import of the admin page: one row is one tracking event on one invoice. The rows
// are read by a CSV library in the page; this module turns each row into the update the
// batch mutation takes and checks it with the service's own request validation
// (validateTrackingUpdateRequest), so the preview refuses exactly what the service would. It
// also writes the results file, with every cell that a spreadsheet could run as a formula
// neutralized.
import { TrackingBatchItemResult, TrackingItemError } from './batchResult'
import { CsvDateReading, readCsvDate } from './csvDates'
import { FieldError, FieldErrorReason } from './fieldErrors'
import { LIMITS } from './limits'
import { TrackingEvent } from './trackingEvent'
import { validateTrackingUpdateRequest } from './trackingRequest'

/** The documented columns, in the order the sample and the results file use. */
export const CSV_COLUMNS = [
  'orderId',
  'invoiceNumber',
  'date',
  'city',
  'state',
  'description',
  'isDelivered',
  'deliveredDate',
] as const

export type CsvColumn = (typeof CSV_COLUMNS)[number]

/** A file without one of these is refused as a whole; isDelivered and deliveredDate may be left out. */
export const REQUIRED_CSV_COLUMNS: readonly CsvColumn[] = CSV_COLUMNS.filter(
  column => column !== 'isDelivered' && column !== 'deliveredDate'
)

// Headers match whatever the case, and with spaces, `_` or `-` ignored: "Order ID",
// "order_id" and "ORDERID" all name orderId.
const headerKey = (text: string) => text.replace(/^\ufeff/, '').replace(/[\s_-]+/g, '').toLowerCase()
const COLUMN_BY_KEY = new Map<string, CsvColumn>(CSV_COLUMNS.map(column => [headerKey(column), column]))

export interface CsvHeader {
  /** The column each cell position holds, or null for a column the import does not read. */
  columns: Array<CsvColumn | null>
  /** Required columns the header lacks. */
  missing: CsvColumn[]
  /** Columns named more than once (which cell to take would be a guess). */
  duplicated: CsvColumn[]
  /** Header cells that name no documented column, as written; they are ignored. */
  ignored: string[]
}

export function readCsvHeader(cells: readonly string[]): CsvHeader {
  const seen = new Set<CsvColumn>()
  const duplicated: CsvColumn[] = []
  const ignored: string[] = []
  const columns = cells.map(cell => {
    const column = COLUMN_BY_KEY.get(headerKey(cell)) ?? null
    if (column === null) {
      if (cell.trim() !== '') ignored.push(cell.trim())
    } else if (seen.has(column)) {
      if (!duplicated.includes(column)) duplicated.push(column)
    } else {
      seen.add(column)
    }
    return column
  })
  return { columns, missing: REQUIRED_CSV_COLUMNS.filter(c => !seen.has(c)), duplicated, ignored }
}

export const isUsableCsvHeader = (header: CsvHeader) => header.missing.length === 0 && header.duplicated.length === 0

const TRUE_WORDS = new Set(['true', 'yes', '1', 'sim', 'sí', 'si'])
const FALSE_WORDS = new Set(['false', 'no', '0', 'não', 'nao'])

/** isDelivered as a spreadsheet writes it; empty means false, anything unknown is null. */
export function parseCsvBoolean(cell: string): boolean | null {
  const word = cell.trim().toLowerCase()
  if (word === '') return false
  if (TRUE_WORDS.has(word)) return true
  if (FALSE_WORDS.has(word)) return false
  return null
}

export interface TrackingUpdate {
  orderId: string
  invoiceNumber: string
  input: { isDelivered: boolean; deliveredDate: string | null; events: TrackingEvent[] }
}

/** Why a row is refused: a field reason from the validators, or one about the row itself. */
export type CsvProblemReason = FieldErrorReason | 'EXTRA_CELLS' | 'MALFORMED'

export interface CsvRowProblem {
  /** The CSV column at fault, or null when the row as a whole is. */
  column: CsvColumn | null
  reason: CsvProblemReason
  /** English, for the results file; the page localizes by `reason`. */
  message: string
}

export interface CsvRow {
  /** As a spreadsheet numbers it: the header is row 1, so the first data row is row 2. */
  rowNumber: number
  /** Trimmed cells by column ('' for a column the file lacks). */
  values: Record<CsvColumn, string>
  /** The date cells as they will be sent and stored (csvDates.ts): ISO 8601 with offset when read. */
  storedDates: { date: string; deliveredDate: string }
  /** What to send, or null when the row has problems. */
  update: TrackingUpdate | null
  problems: CsvRowProblem[]
}

const FIELD_PREFIX = /^updates\[\d+\]\./
const EVENT_FIELD = /^input\.events\[\d+\]\.(city|state|description|date)$/

/**
 * The column a field path names, from the preview (`input.events[0].date`) or from the API,
 * whose batch results prefix it (`updates[3].input.events[0].date`).
 */
export function csvColumnOfField(field: string | null | undefined): CsvColumn | null {
  if (!field) return null
  const path = field.replace(FIELD_PREFIX, '')
  if (path === 'orderId' || path === 'invoiceNumber') return path
  if (path === 'input.isDelivered') return 'isDelivered'
  if (path === 'input.deliveredDate') return 'deliveredDate'
  const event = EVENT_FIELD.exec(path)
  return event ? (event[1] as CsvColumn) : null
}

/** A validator's error as a CSV problem: its path becomes the column, in the message too. */
export function csvProblemOfFieldError(error: FieldError): CsvRowProblem {
  const column = csvColumnOfField(error.field)
  const path = error.field.replace(FIELD_PREFIX, '')
  const message = column ? error.message.split(error.field).join(column).split(path).join(column) : error.message
  return { column, reason: error.reason, message }
}

const emptyValues = (): Record<CsvColumn, string> =>
  Object.fromEntries(CSV_COLUMNS.map(column => [column, ''])) as Record<CsvColumn, string>

/**
 * The cells of one data row, read by the header. `now` bounds dates as the service does;
 * `dates` is how date cells are read (the store's zone, day-first or not; csvDates.ts).
 */
export function csvRecordToRow(
  cells: readonly string[],
  header: CsvHeader,
  rowNumber: number,
  now: number,
  dates: CsvDateReading = { timeZone: 'UTC', dayFirst: false }
): CsvRow {
  const values = emptyValues()
  const read = new Set<CsvColumn>()
  header.columns.forEach((column, i) => {
    // The first of duplicated columns wins; a usable header has none.
    if (column === null || read.has(column)) return
    read.add(column)
    values[column] = (cells[i] ?? '').trim()
  })
  const problems: CsvRowProblem[] = []
  if (cells.slice(header.columns.length).some(cell => cell.trim() !== '')) {
    problems.push({
      column: null,
      reason: 'EXTRA_CELLS',
      message: `The row has ${cells.length} cells but the header names ${header.columns.length}.`,
    })
  }

  let isDelivered = parseCsvBoolean(values.isDelivered)
  if (isDelivered === null) {
    problems.push({
      column: 'isDelivered',
      reason: 'INVALID_FORMAT',
      message: 'isDelivered must be true/false, yes/no, 1/0, sim/não or sí/no (empty means false).',
    })
    // Judge deliveredDate as if the flag matched it, so the row shows one problem, not two.
    isDelivered = values.deliveredDate !== ''
  }
  const storedDates = { date: readCsvDate(values.date, dates), deliveredDate: readCsvDate(values.deliveredDate, dates) }
  const deliveredDate = storedDates.deliveredDate === '' ? null : storedDates.deliveredDate
  const event: TrackingEvent = {
    city: values.city,
    state: values.state,
    description: values.description,
    date: storedDates.date,
  }

  // The service's own checks, with its own field paths.
  const checked = validateTrackingUpdateRequest(
    { orderId: values.orderId, invoiceNumber: values.invoiceNumber, input: { isDelivered, deliveredDate, events: [event] } },
    now,
    dates.timeZone
  )
  if (!checked.ok) problems.push(...checked.errors.map(csvProblemOfFieldError))

  if (problems.length > 0 || !checked.ok) return { rowNumber, values, storedDates, update: null, problems }
  return {
    rowNumber,
    values,
    storedDates,
    update: {
      orderId: checked.value.orderId,
      invoiceNumber: checked.value.invoiceNumber,
      input: { isDelivered, deliveredDate, events: checked.value.input.events },
    },
    problems: [],
  }
}

/** A row the CSV parser could not read cleanly (an unclosed or stray quote). */
export function markCsvRowMalformed(row: CsvRow): CsvRow {
  return {
    ...row,
    update: null,
    problems: [
      { column: null, reason: 'MALFORMED', message: 'The row has an unclosed or stray quote (").' },
      ...row.problems,
    ],
  }
}

/** What became of a row. */
export type CsvRowOutcome =
  | { status: 'invalid' }
  | { status: 'ok'; receipt: string | null; eventCount: number | null }
  | {
      status: 'error'
      code: string
      /** English, for the results file. */
      message: string
      column: CsvColumn | null
      /** The refused fields of a BAD_USER_INPUT, by column, for the page to localize. */
      problems: CsvRowProblem[]
    }
  | { status: 'notSent' }

export function outcomeOfBatchResult(
  result: (Pick<TrackingBatchItemResult, 'ok'> & Partial<Pick<TrackingBatchItemResult, 'receipt' | 'eventCount' | 'error'>>) | undefined
): CsvRowOutcome {
  if (!result) {
    return {
      status: 'error',
      code: 'INTERNAL_SERVER_ERROR',
      message: 'The service did not answer for this row.',
      column: null,
      problems: [],
    }
  }
  if (result.ok) return { status: 'ok', receipt: result.receipt ?? null, eventCount: result.eventCount ?? null }
  const error: TrackingItemError = result.error ?? { code: 'INTERNAL_SERVER_ERROR', message: 'The update failed.', fieldErrors: [] }
  const fieldErrors = (error.fieldErrors ?? []).map(csvProblemOfFieldError)
  return {
    status: 'error',
    code: error.code,
    message: fieldErrors.length > 0 ? fieldErrors.map(e => e.message).join(' ') : error.message,
    column: csvColumnOfField(error.field) ?? fieldErrors.find(e => e.column)?.column ?? null,
    problems: fieldErrors,
  }
}

/**
 * A chunk whose call failed as a whole (no answer, session expired, ...): its rows may or may
 * not have been written, and sending them again is safe since MERGE keeps one copy of each event.
 */
export const outcomeOfFailedCall = (code: string): CsvRowOutcome => ({
  status: 'error',
  code,
  message: `The call carrying this row failed (${code}); it may not have been applied. Importing the row again is safe: an event already stored is not duplicated.`,
  column: null,
  problems: [],
})

/** Bytes of a text in UTF-8 (what goes over the wire), without needing TextEncoder. */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

/**
 * Consecutive batches of items for the batch call: at most `maxRows` items and `maxBytes`
 * of JSON each (an item bigger than that alone goes alone), in input order.
 */
export function batchesBySize<T>(
  items: readonly T[],
  sizeOf: (item: T) => number,
  maxRows: number = LIMITS.batchSize,
  maxBytes: number = LIMITS.csvBatchMaxBytes
): T[][] {
  const batches: T[][] = []
  let current: T[] = []
  let bytes = 0
  for (const item of items) {
    const size = sizeOf(item) + 1 // the comma between array items
    if (current.length > 0 && (current.length >= maxRows || bytes + size > maxBytes)) {
      batches.push(current)
      current = []
      bytes = 0
    }
    current.push(item)
    bytes += size
  }
  if (current.length > 0) batches.push(current)
  return batches
}

/** An update's size in the request body, as JSON in UTF-8. */
export const updateJsonBytes = (update: TrackingUpdate) => utf8Length(JSON.stringify(update))

// OWASP's CSV injection list: a cell starting with one of these may run as a formula.
const FORMULA_START = /^[=+\-@\t\r]/
// Where a spreadsheet may split a cell: the comma of this file, the `;` list separator of
// pt-BR and es locales, tabs, and line breaks (a wrong separator breaks the quoting too).
const PIECE_SEPARATOR = /([,;\t\r\n])/

/**
 * The cell as a spreadsheet should show it: a leading `'` keeps a formula from running, at
 * the cell's start and at the start of every piece a spreadsheet may split it into
 * (`Entregue;=cmd|…` split on `;` would start with `=`).
 */
export function neutralizeCsvCell(cell: string): string {
  const whole = FORMULA_START.test(cell) ? `'${cell}` : cell
  return whole
    .split(PIECE_SEPARATOR)
    .map((piece, i) => (i > 0 && i % 2 === 0 && FORMULA_START.test(piece) ? `'${piece}` : piece))
    .join('')
}

const needsQuotes = (cell: string) => /[",;\t\r\n]/.test(cell) || cell !== cell.trim()

/** What a spreadsheet separates cells with. */
export type CsvSeparator = ',' | ';'

/**
 * The separator Excel expects in a locale: `;` where the comma is the decimal mark (pt, es),
 * `,` elsewhere. A file with the other one opens as a single column.
 */
export const csvSeparatorOf = (locale: string): CsvSeparator => (/^(pt|es)\b/i.test(locale) ? ';' : ',')

/**
 * The separator of CSV text, from its header row (whose column names hold neither): `;` when
 * it has more of them than commas, else `,`. The imports read both (and a BOM).
 */
export function csvSeparatorOfText(text: string): CsvSeparator {
  const firstLine = text.replace(/^\ufeff/, '').split(/\r?\n/).find(line => line.trim() !== '') ?? ''
  const count = (c: string) => firstLine.split(c).length - 1
  return count(';') > count(',') ? ';' : ','
}

/** RFC 4180 text (CRLF; comma unless `separator` says `;`), every cell neutralized first, and
 *  quoted when it holds a separator (`,` `;` tab), a quote or a line break. */
export function toCsv(table: ReadonlyArray<readonly string[]>, separator: CsvSeparator = ','): string {
  return table
    .map(row =>
      row
        .map(neutralizeCsvCell)
        .map(cell => (needsQuotes(cell) ? `"${cell.replace(/"/g, '""')}"` : cell))
        .join(separator)
    )
    .join('\r\n')
    .concat('\r\n')
}

export const CSV_RESULT_COLUMNS = [
  'row',
  ...CSV_COLUMNS,
  'result',
  'errorCode',
  'errorColumn',
  'errorMessage',
  'receipt',
  'eventCount',
] as const

/** `result` values of the results file. */
export const CSV_RESULT_STATUS: Record<CsvRowOutcome['status'], string> = {
  ok: 'ok',
  error: 'error',
  notSent: 'not sent',
  invalid: 'invalid',
}

/** The words of a results file in the page's language (the column names stay as documented). */
export interface CsvResultTexts {
  status: Record<CsvRowOutcome['status'], string>
  /** A refused field, as the page says it. */
  problem(problem: CsvRowProblem): string
  /** Why a sent row failed, as the page says it. */
  error(outcome: Extract<CsvRowOutcome, { status: 'error' }>): string
}

/** English, what the API says. */
export const CSV_RESULT_TEXTS_EN: CsvResultTexts = {
  status: CSV_RESULT_STATUS,
  problem: problem => problem.message,
  error: outcome => outcome.message,
}

/**
 * The results file: each row as read, then what became of it. A row never sent has no
 * outcome and is written as "not sent" (or "invalid" when it had problems). The documented
 * columns come first, so the file can be fixed and imported again (extra columns are ignored).
 */
export function csvResultsTable(
  rows: readonly CsvRow[],
  outcomes: ReadonlyArray<CsvRowOutcome | undefined>,
  texts: CsvResultTexts = CSV_RESULT_TEXTS_EN
): string[][] {
  const body = rows.map((row, i) => {
    const outcome: CsvRowOutcome = row.update === null ? { status: 'invalid' } : outcomes[i] ?? { status: 'notSent' }
    const data = [String(row.rowNumber), ...CSV_COLUMNS.map(column => row.values[column])]
    switch (outcome.status) {
      case 'ok':
        return [...data, texts.status.ok, '', '', '', outcome.receipt ?? '', outcome.eventCount === null ? '' : String(outcome.eventCount)]
      case 'error':
        return [...data, texts.status.error, outcome.code, outcome.column ?? '', texts.error(outcome), '', '']
      case 'invalid':
        return [
          ...data,
          texts.status.invalid,
          'BAD_USER_INPUT',
          [...new Set(row.problems.map(p => p.column).filter(c => c !== null))].join(' '),
          row.problems.map(texts.problem).join(' '),
          '',
          '',
        ]
      default:
        return [...data, texts.status.notSent, '', '', '', '', '']
    }
  })
  return [[...CSV_RESULT_COLUMNS], ...body]
}

/** The sample file offered for download: the seeded demo orders, one event per row. */
export const csvSample = (separator: CsvSeparator = ','): string => toCsv(CSV_SAMPLE_TABLE, separator)

const CSV_SAMPLE_TABLE = [
  [...CSV_COLUMNS],
  ['1172452900788-01', '000030711', '2024-02-16T09:20:00-03:00', 'São Paulo', 'SP', 'Objeto postado', 'no', ''],
  [
    '1172452900788-01',
    '000030711',
    '2024-02-17T03:45:00-03:00',
    'São Paulo',
    'SP',
    'Objeto em trânsito, de CTE Vila Maria para CTE Campinas',
    'no',
    '',
  ],
  ['1172452900788-01', '000030711', '2024-02-18T08:10:00-03:00', 'Campinas', 'SP', 'Objeto saiu para entrega ao destinatário', 'no', ''],
  // Already on the delivered invoice: MERGE keeps one copy, so importing it twice is harmless.
  [
    '00-v5195004lux-01',
    'NF-9',
    '2024-02-15T14:42:00-03:00',
    'Curitiba',
    'PR',
    'Objeto entregue ao destinatário',
    'yes',
    '2024-02-15T14:42:00-03:00',
  ],
  // A calendar date: that day in the store's time zone.
  ['1172452900788-01', '000030711', '2024-02-19', 'Campinas', 'SP', 'Aguardando retirada', 'no', ''],
]

export const CSV_SAMPLE = csvSample()
