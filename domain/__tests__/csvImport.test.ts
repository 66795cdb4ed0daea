import { join } from 'path'

import {
  CSV_COLUMNS,
  CSV_RESULT_COLUMNS,
  CSV_SAMPLE,
  CsvRow,
  CsvRowOutcome,
  batchesBySize,
  csvColumnOfField,
  csvRecordToRow,
  csvResultsTable,
  isUsableCsvHeader,
  markCsvRowMalformed,
  neutralizeCsvCell,
  outcomeOfBatchResult,
  parseCsvBoolean,
  readCsvHeader,
  toCsv,
  utf8Length,
} from '../index'

// The page's CSV parser, an independent reader for the round trip (the domain has no deps).
// eslint-disable-next-line @typescript-eslint/no-var-requires
const Papa = require(join(__dirname, '..', '..', 'react', 'node_modules', 'papaparse'))
const parseCsv = (text: string): string[][] => Papa.parse(text, { header: false, skipEmptyLines: true }).data

const NOW = Date.parse('2024-05-10T12:00:00Z')
const HEADER = readCsvHeader([...CSV_COLUMNS])

const cells = (overrides: Partial<Record<(typeof CSV_COLUMNS)[number], string>> = {}) => {
  const row = {
    orderId: '1172452900788-01',
    invoiceNumber: '000030711',
    date: '2024-05-01T14:30:00-03:00',
    city: 'Curitiba',
    state: 'PR',
    description: 'Package left the distribution center',
    isDelivered: '',
    deliveredDate: '',
    ...overrides,
  }
  return CSV_COLUMNS.map(column => row[column])
}

const problemsOf = (row: CsvRow) => row.problems.map(p => [p.column, p.reason])

describe('given a header row', () => {
  it('maps columns in any order and any case, ignoring spaces, "_" and "-"', () => {
    const header = readCsvHeader(['\ufeffCITY', 'Order ID', 'invoice_number', 'Date', 'state', 'DESCRIPTION', 'notes'])
    expect(header.columns).toEqual(['city', 'orderId', 'invoiceNumber', 'date', 'state', 'description', null])
    expect(header.missing).toEqual([])
    expect(header.ignored).toEqual(['notes'])
    expect(isUsableCsvHeader(header)).toBe(true)
  })

  it('lists the required columns it lacks; isDelivered and deliveredDate are optional', () => {
    const header = readCsvHeader(['orderId', 'date', 'city'])
    expect(header.missing).toEqual(['invoiceNumber', 'state', 'description'])
    expect(isUsableCsvHeader(header)).toBe(false)
  })

  it('refuses a column named twice', () => {
    const header = readCsvHeader([...CSV_COLUMNS, 'City'])
    expect(header.duplicated).toEqual(['city'])
    expect(isUsableCsvHeader(header)).toBe(false)
  })
})

describe('given isDelivered cells', () => {
  test.each([
    ['true', true], ['TRUE', true], ['yes', true], ['Yes', true], ['1', true], ['sim', true], ['sí', true], ['Sí', true], ['si', true],
    ['false', false], ['no', false], ['0', false], ['não', false], ['NÃO', false], ['nao', false], ['', false], ['  ', false],
  ])('%j reads as %s', (cell, expected) => {
    expect(parseCsvBoolean(cell)).toBe(expected)
  })

  test.each(['y', 'delivered', '2', 'verdadeiro', 'on'])('%j is refused', cell => {
    expect(parseCsvBoolean(cell)).toBeNull()
  })
})

describe('given a data row', () => {
  it('becomes the batch update with one trimmed event', () => {
    const row = csvRecordToRow(cells({ city: '  Curitiba ', description: ' <b>Left</b> the hub ' }), HEADER, 2, NOW)
    expect(row.problems).toEqual([])
    expect(row.rowNumber).toBe(2)
    expect(row.update).toEqual({
      orderId: '1172452900788-01',
      invoiceNumber: '000030711',
      input: {
        isDelivered: false,
        deliveredDate: null,
        events: [{ city: 'Curitiba', state: 'PR', description: '<b>Left</b> the hub', date: '2024-05-01T14:30:00-03:00' }],
      },
    })
  })

  it('reads a delivered row with its deliveredDate, an offset-less one in the store zone', () => {
    const row = csvRecordToRow(cells({ isDelivered: 'sim', deliveredDate: '2024-05-02 10:00' }), HEADER, 2, NOW, { timeZone: 'America/Sao_Paulo', dayFirst: false })
    expect(row.problems).toEqual([])
    expect(row.update?.input).toMatchObject({ isDelivered: true, deliveredDate: '2024-05-02T10:00:00-03:00' })
    expect(row.storedDates.deliveredDate).toBe('2024-05-02T10:00:00-03:00')
  })

  it('reads only the columns the header names, whatever their order', () => {
    const header = readCsvHeader(['description', 'state', 'city', 'date', 'invoiceNumber', 'orderId'])
    const row = csvRecordToRow(['Out for delivery', 'SP', 'Campinas', '2024-05-03', 'NF-9', '00-v5195004lux-01'], header, 7, NOW)
    expect(row.problems).toEqual([])
    expect(row.update).toEqual({
      orderId: '00-v5195004lux-01',
      invoiceNumber: 'NF-9',
      input: {
        isDelivered: false,
        deliveredDate: null,
        events: [{ city: 'Campinas', state: 'SP', description: 'Out for delivery', date: '2024-05-03T00:00:00+00:00' }],
      },
    })
    expect(row.values.isDelivered).toBe('')
  })

  it('names the column of every field the service would refuse', () => {
    const row = csvRecordToRow(
      cells({ orderId: 'order 1', invoiceNumber: '', date: '2024-05-01T14:30:00 -03', city: '', description: 'x'.repeat(5001) }),
      HEADER,
      3,
      NOW
    )
    expect(row.update).toBeNull()
    expect(problemsOf(row)).toEqual([
      ['orderId', 'INVALID_CHARACTERS'],
      ['invoiceNumber', 'REQUIRED'],
      ['city', 'REQUIRED'],
      ['description', 'TOO_LONG'],
      ['date', 'INVALID_FORMAT'],
    ])
    // Messages name the CSV column, not the API path.
    expect(row.problems.find(p => p.column === 'city')?.message).toBe('city must not be empty.')
  })

  it('refuses a date in the future and a deliveredDate without isDelivered, as the service does', () => {
    const row = csvRecordToRow(cells({ date: '2024-06-01', deliveredDate: '2024-05-02' }), HEADER, 2, NOW)
    expect(problemsOf(row)).toEqual([
      ['deliveredDate', 'NOT_ALLOWED'],
      ['date', 'OUT_OF_RANGE'],
    ])
  })

  it('requires deliveredDate when isDelivered is true', () => {
    const row = csvRecordToRow(cells({ isDelivered: 'yes' }), HEADER, 2, NOW)
    expect(problemsOf(row)).toEqual([['deliveredDate', 'REQUIRED']])
  })

  it('refuses an unknown isDelivered word once, without a second problem for deliveredDate', () => {
    const row = csvRecordToRow(cells({ isDelivered: 'delivered', deliveredDate: '2024-05-02T10:00:00Z' }), HEADER, 2, NOW)
    expect(problemsOf(row)).toEqual([['isDelivered', 'INVALID_FORMAT']])
  })

  it('treats missing cells as empty and extra non-empty cells as a row problem', () => {
    const short = csvRecordToRow(['1172452900788-01', '000030711', '2024-05-01'], HEADER, 2, NOW)
    expect(problemsOf(short)).toEqual([
      ['city', 'REQUIRED'],
      ['state', 'REQUIRED'],
      ['description', 'REQUIRED'],
    ])
    const long = csvRecordToRow([...cells(), '', 'surprise'], HEADER, 2, NOW)
    expect(problemsOf(long)).toEqual([[null, 'EXTRA_CELLS']])
    expect(csvRecordToRow([...cells(), ' ', ''], HEADER, 2, NOW).problems).toEqual([])
  })

  it('can be marked malformed by the parser', () => {
    const row = markCsvRowMalformed(csvRecordToRow(cells(), HEADER, 2, NOW))
    expect(row.update).toBeNull()
    expect(problemsOf(row)).toEqual([[null, 'MALFORMED']])
  })
})

describe('given field paths from the preview and from the batch API', () => {
  test.each([
    ['orderId', 'orderId'],
    ['updates[3].invoiceNumber', 'invoiceNumber'],
    ['input.isDelivered', 'isDelivered'],
    ['updates[0].input.deliveredDate', 'deliveredDate'],
    ['updates[12].input.events[0].date', 'date'],
    ['input.events[0].description', 'description'],
    ['updates[1].input.events', null],
    ['updates', null],
    [undefined, null],
  ])('%s is the column %s', (field, column) => {
    expect(csvColumnOfField(field)).toBe(column)
  })

  it('turns a refused batch item into an error on its column', () => {
    expect(
      outcomeOfBatchResult({
        ok: false,
        error: {
          code: 'BAD_USER_INPUT',
          message: 'Invalid input.',
          field: 'updates[4].input.events[0].date',
          fieldErrors: [
            { field: 'updates[4].input.events[0].date', reason: 'OUT_OF_RANGE', message: 'input.events[0].date must be after 2000-01-01 and not in the future.' },
          ],
        },
      })
    ).toEqual({
      status: 'error',
      code: 'BAD_USER_INPUT',
      column: 'date',
      message: 'date must be after 2000-01-01 and not in the future.',
      problems: [{ column: 'date', reason: 'OUT_OF_RANGE', message: 'date must be after 2000-01-01 and not in the future.' }],
    })
    expect(outcomeOfBatchResult({ ok: false, error: { code: 'NOT_FOUND', message: 'Order not found.', field: null, fieldErrors: [] } })).toEqual({
      status: 'error', code: 'NOT_FOUND', column: null, message: 'Order not found.', problems: [],
    })
    expect(outcomeOfBatchResult({ ok: true, receipt: 'r-1', eventCount: 3, error: null })).toEqual({ status: 'ok', receipt: 'r-1', eventCount: 3 })
    expect(outcomeOfBatchResult(undefined)).toMatchObject({ status: 'error', code: 'INTERNAL_SERVER_ERROR' })
  })
})

describe('given neutralizeCsvCell', () => {
  test.each([
    ['=HYPERLINK("https://evil.example","Click")', `'=HYPERLINK("https://evil.example","Click")`],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t'=1+1"],
    ['\r=1+1', "'\r'=1+1"],
    ["Entregue;=cmd|' /C calc'!A0", "Entregue;'=cmd|' /C calc'!A0"],
    ['Em trânsito;@SUM(1+1)', "Em trânsito;'@SUM(1+1)"],
    ['a,+1', "a,'+1"],
    ['a\t-1', "a\t'-1"],
    ['a\n=1', "a\n'=1"],
    ['Entregue; =1', 'Entregue; =1'],
    ['São Paulo; SP', 'São Paulo; SP'],
    ['Objeto entregue ao destinatário', 'Objeto entregue ao destinatário'],
    ['1172452900788-01', '1172452900788-01'],
    ['a=b', 'a=b'],
    ['', ''],
    [' =1', ' =1'],
  ])('%j is written as %j', (cell, expected) => {
    expect(neutralizeCsvCell(cell)).toBe(expected)
  })
})

describe('given a results cell read by a spreadsheet that splits on , ; or tab', () => {
  test.each([["Entregue;=cmd|' /C calc'!A0"], ['Em trânsito;@SUM(1+1)'], ['x\t+1;-2,@3'], ['ok']])('%j: quoted, and no piece starts a formula', cell => {
    const line = toCsv([['1', cell, '2']]).replace(/\r\n$/, '')
    for (const separator of [',', ';', '\t']) {
      expect(line.split(separator).filter(piece => /^[=+\-@]/.test(piece))).toEqual([])
    }
    if (/[;,\t]/.test(cell)) expect(line).toContain(`,"${neutralizeCsvCell(cell)}",`)
    expect(parseCsv(`${line}\r\n`)).toEqual([['1', neutralizeCsvCell(cell), '2']])
  })
})

describe('given the results file', () => {
  const rows = [
    csvRecordToRow(cells(), HEADER, 2, NOW),
    csvRecordToRow(cells({ description: '=HYPERLINK("https://evil.example","x")', city: '@Curitiba' }), HEADER, 3, NOW),
    csvRecordToRow(cells({ city: '' }), HEADER, 4, NOW),
    csvRecordToRow(cells({ description: 'Line one, "quoted"\nline two' }), HEADER, 5, NOW),
    csvRecordToRow(cells({ description: '-2 attempts' }), HEADER, 6, NOW),
  ]
  const outcomes: Array<CsvRowOutcome | undefined> = [
    { status: 'ok', receipt: 'r-1', eventCount: 2 },
    { status: 'error', code: 'NOT_FOUND', message: 'Order not found.', column: null, problems: [] },
    undefined,
    { status: 'notSent' },
    undefined,
  ]
  const table = csvResultsTable(rows, outcomes)

  it('has the documented columns first, then the result', () => {
    expect(table[0]).toEqual([...CSV_RESULT_COLUMNS])
    expect(table.slice(1).map(r => [r[0], r[9], r[10], r[11]])).toEqual([
      ['2', 'ok', '', ''],
      ['3', 'error', 'NOT_FOUND', ''],
      ['4', 'invalid', 'BAD_USER_INPUT', 'city'],
      ['5', 'not sent', '', ''],
      ['6', 'not sent', '', ''],
    ])
    expect(table[1][13]).toBe('r-1')
    expect(table[1][14]).toBe('2')
    expect(table[3][12]).toBe('city must not be empty.')
  })

  it('reads back cell for cell, with formulas neutralized', () => {
    const text = toCsv(table)
    expect(text.endsWith('\r\n')).toBe(true)
    const back = parseCsv(text)
    expect(back).toEqual(table.map(row => row.map(neutralizeCsvCell)))
    expect(back[2][6]).toBe(`'=HYPERLINK("https://evil.example","x")`)
    expect(back[2][4]).toBe("'@Curitiba")
    expect(back[4][6]).toBe('Line one, "quoted"\nline two')
    expect(back[5][6]).toBe("'-2 attempts")
    // No cell of the written file starts a formula.
    expect(back.flat().filter(cell => /^[=+\-@\t\r]/.test(cell))).toEqual([])
  })

  it('can be imported again: its documented columns read as the same rows', () => {
    const back = parseCsv(toCsv(table))
    const header = readCsvHeader(back[0])
    expect(isUsableCsvHeader(header)).toBe(true)
    expect(header.ignored).toEqual(['row', 'result', 'errorCode', 'errorColumn', 'errorMessage', 'receipt', 'eventCount'])
    expect(csvRecordToRow(back[1], header, 2, NOW).update).toEqual(rows[0].update)
  })
})

describe('given the sample file', () => {
  it('has only valid rows, for the seeded demo orders', () => {
    const [head, ...data] = parseCsv(CSV_SAMPLE)
    const header = readCsvHeader(head)
    expect(header.columns).toEqual([...CSV_COLUMNS])
    const rows = data.map((record, i) => csvRecordToRow(record, header, i + 2, NOW))
    expect(rows.flatMap(r => r.problems)).toEqual([])
    expect(rows.map(r => `${r.values.orderId}/${r.values.invoiceNumber}`)).toEqual([
      '1172452900788-01/000030711',
      '1172452900788-01/000030711',
      '1172452900788-01/000030711',
      '00-v5195004lux-01/NF-9',
      '1172452900788-01/000030711',
    ])
  })
})

describe('given batchesBySize', () => {
  test('when rows are short, then batches of batchSize rows', () => {
    const items = Array.from({ length: 450 }, (_, i) => i)
    expect(batchesBySize(items, () => 10).map(b => b.length)).toEqual([200, 200, 50])
  })

  test('when rows are long, then each batch stays under the byte limit, in input order', () => {
    const items = Array.from({ length: 200 }, (_, i) => 'x'.repeat(20_000) + i)
    const batches = batchesBySize(items, utf8Length, 200, 1024 * 1024)
    expect(batches.flat()).toEqual(items)
    expect(batches.length).toBeGreaterThan(3)
    for (const batch of batches) expect(batch.reduce((n, item) => n + utf8Length(item) + 1, 0)).toBeLessThanOrEqual(1024 * 1024)
  })

  test('when one row is bigger than the limit, then it goes alone', () => {
    expect(batchesBySize(['a', 'bbbbbb', 'c'], utf8Length, 200, 4)).toEqual([['a'], ['bbbbbb'], ['c']])
  })

  test('utf8Length counts bytes as UTF-8 does', () => {
    for (const text of ['abc', 'São', '運送', '📦🚚', 'a\ud800b', '']) expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'))
  })
})
