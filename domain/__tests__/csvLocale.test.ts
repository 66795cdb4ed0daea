// The CSV files in the merchant's conventions (issue 13): dates as Brazilian and Argentinian
// spreadsheets hold them, read in the store's zone; `;` files; results in the page's words.
import { join } from 'path'

import {
  CSV_COLUMNS,
  CsvRowOutcome,
  csvDateReadingOf,
  csvRecordToRow,
  csvResultsTable,
  csvSample,
  csvSeparatorOf,
  csvSeparatorOfText,
  readCsvDate,
  readCsvHeader,
  readTrackingNumberCsvHeader,
  toCsv,
  trackingNumberCsvRow,
  trackingNumberCsvSample,
  trackingNumberResultsCsv,
  validateTrackingUpdateRequest,
} from '../index'

// eslint-disable-next-line @typescript-eslint/no-var-requires
const Papa = require(join(__dirname, '..', '..', 'react', 'node_modules', 'papaparse'))

const NOW = Date.parse('2026-12-01T12:00:00Z')
const SP = 'America/Sao_Paulo'
const PT = csvDateReadingOf('pt-BR', SP)
const EN = csvDateReadingOf('en-US', SP)

describe('given a date cell', () => {
  test.each([
    ['a calendar date', '2026-11-20', '2026-11-20T00:00:00-03:00'],
    ['an offset-less date-time with T', '2026-11-20T14:30', '2026-11-20T14:30:00-03:00'],
    ['an offset-less date-time with a space and seconds', '2026-11-20 14:30:15', '2026-11-20T14:30:15-03:00'],
    ['a day-first date', '20/11/2026', '2026-11-20T00:00:00-03:00'],
    ['a day-first date-time', '20/11/2026 14:30', '2026-11-20T14:30:00-03:00'],
    ['an unpadded day-first date', '5/3/2026', '2026-03-05T00:00:00-03:00'],
    ['a date-time with its offset, kept', '2026-11-20T14:30:00+01:00', '2026-11-20T14:30:00+01:00'],
    ['a UTC date-time, kept', '2026-11-20T14:30:00Z', '2026-11-20T14:30:00Z'],
  ])('when it is %s (%s), then a pt page in São Paulo stores %s', (_name, cell, stored) => {
    expect(readCsvDate(cell, PT)).toBe(stored)
  })

  test.each(['31/02/2026', '20/13/2026', '20/11/26', '20/11/2026 25:00', '2026-02-30', 'amanhã'])(
    'when it cannot be a date (%s), then it is left as written for the rules to refuse',
    cell => {
      expect(readCsvDate(cell, PT)).toBe(cell)
    }
  )

  test('when the page is in English, then 20/11/2026 is not guessed (11/20 would be the US reading)', () => {
    expect(readCsvDate('20/11/2026', EN)).toBe('20/11/2026')
    expect(readCsvDate('2026-11-20', EN)).toBe('2026-11-20T00:00:00-03:00')
    expect(csvDateReadingOf('es-AR', SP).dayFirst).toBe(true)
    expect(csvDateReadingOf('en-US', SP).dayFirst).toBe(false)
  })

  test('when a row holds them, then the update carries the stored values and an unreadable one is refused at its column', () => {
    const header = readCsvHeader([...CSV_COLUMNS])
    const good = csvRecordToRow(['1172452900788-01', '000030711', '20/11/2026', 'Curitiba', 'PR', 'Entregue', 'sim', '20/11/2026 14:30'], header, 2, NOW, PT)
    expect(good.problems).toEqual([])
    expect(good.storedDates).toEqual({ date: '2026-11-20T00:00:00-03:00', deliveredDate: '2026-11-20T14:30:00-03:00' })
    expect(good.update?.input.events[0].date).toBe('2026-11-20T00:00:00-03:00')
    expect(good.update?.input.deliveredDate).toBe('2026-11-20T14:30:00-03:00')
    const bad = csvRecordToRow(['1172452900788-01', '000030711', '31/02/2026', 'Curitiba', 'PR', 'x', '', ''], header, 3, NOW, PT)
    expect(bad.update).toBeNull()
    expect(bad.problems.map(p => [p.column, p.reason])).toEqual([['date', 'INVALID_FORMAT']])
  })
})

describe('given the API validation with the store zone', () => {
  test('then a calendar date is sent as the start of that day there, and an offset-less date-time is still refused', () => {
    const request = (date: string) => ({
      orderId: '1172452900788-01',
      invoiceNumber: '000030711',
      input: { isDelivered: true, deliveredDate: '2026-11-20', events: [{ city: 'Curitiba', state: 'PR', description: 'Entregue', date }] },
    })
    const checked = validateTrackingUpdateRequest(request('2026-11-20'), NOW, SP)
    expect(checked.ok && checked.value.input.events[0].date).toBe('2026-11-20T00:00:00-03:00')
    // OMS's deliveredDate form is UTC: São Paulo's midnight is 03:00 there.
    expect(checked.ok && checked.value.input.deliveredDate).toBe('2026-11-20 03:00')
    const refused = validateTrackingUpdateRequest(request('2026-11-20T14:30:00'), NOW, SP)
    expect(refused.ok ? [] : refused.errors.map(e => [e.field, e.reason])).toEqual([['input.events[0].date', 'INVALID_FORMAT']])
  })
})

describe('given the spreadsheet conventions of a locale', () => {
  test('then pt and es separate with ;, others with ,', () => {
    expect(['pt-BR', 'pt', 'es-AR', 'es-MX', 'en-US', 'fr-FR'].map(csvSeparatorOf)).toEqual([';', ';', ';', ';', ',', ','])
  })

  test('then the separator of a file is told by its header row, BOM or not', () => {
    expect(csvSeparatorOfText('\ufefforderId;invoiceNumber;date\r\n1;2;"a, b"')).toBe(';')
    expect(csvSeparatorOfText('\r\norderId,invoiceNumber,date\n1,2,"a; b; c; d"')).toBe(',')
  })

  test('then a ; results file in Portuguese reads back with its translated outcomes and imports again', () => {
    const header = readCsvHeader([...CSV_COLUMNS])
    const rows = [
      csvRecordToRow(['1172452900788-01', '000030711', '20/11/2026', 'São Paulo', 'SP', 'Objeto postado;=ok', 'não', ''], header, 2, NOW, PT),
      csvRecordToRow(['1172452900788-01', '', '20/11/2026', 'São Paulo', 'SP', 'x', 'não', ''], header, 3, NOW, PT),
    ]
    const outcomes: CsvRowOutcome[] = [{ status: 'ok', receipt: 'r-1', eventCount: 1 }]
    const texts = {
      status: { ok: 'sucesso', error: 'erro', invalid: 'inválida', notSent: 'não enviada' },
      problem: () => 'invoiceNumber: Este valor é obrigatório.',
      error: () => 'erro',
    }
    const text = toCsv(csvResultsTable(rows, outcomes, texts), ';')
    const records: string[][] = Papa.parse(text, { delimiter: csvSeparatorOfText(text), skipEmptyLines: true }).data
    const result = records[0].indexOf('result')
    const message = records[0].indexOf('errorMessage')
    expect(records.slice(1).map(r => [r[result], r[message]])).toEqual([
      ['sucesso', ''],
      ['inválida', 'invoiceNumber: Este valor é obrigatório.'],
    ])
    // A cell holding ; is quoted, and its = piece neutralized.
    expect(text).toContain('"Objeto postado;\'=ok"')
    const again = csvRecordToRow(records[1], readCsvHeader(records[0]), 2, NOW, PT)
    expect(again.problems).toEqual([])
  })

  test('then the samples follow the separator and pass their own checks', () => {
    for (const separator of [',', ';'] as const) {
      const [head, ...data] = csvSample(separator).trim().split('\r\n').map(line => Papa.parse(line, { delimiter: separator }).data[0] as string[])
      expect(head).toEqual([...CSV_COLUMNS])
      const header = readCsvHeader(head)
      expect(data.flatMap((cells, i) => csvRecordToRow(cells, header, i + 2, NOW, PT).problems)).toEqual([])
      const [numberHead, numberRow] = trackingNumberCsvSample(separator).trim().split('\r\n').map(line => line.split(separator))
      expect(trackingNumberCsvRow(numberRow, readTrackingNumberCsvHeader(numberHead), 2, NOW).problems).toEqual([])
    }
  })

  test('then the tracking-number results file is written in the page\'s words and separator', () => {
    const header = readTrackingNumberCsvHeader(['orderId', 'invoiceNumber', 'trackingNumber'])
    const rows = [trackingNumberCsvRow(['v501245lspt-01', '24382', 'BR1'], header, 2, NOW), trackingNumberCsvRow(['v501245lspt-01', '24382', 'BR 1'], header, 3, NOW)]
    const text = trackingNumberResultsCsv(rows, [{ status: 'error', code: 'NOT_FOUND', message: 'Order not found.' }], ';', {
      status: { ok: 'sucesso', error: 'erro', invalid: 'inválida', notSent: 'não enviada' },
      problem: p => `${p.column}: inválido`,
      error: () => 'Pedido não encontrado.',
    })
    expect(text.split('\r\n').slice(1, 3)).toEqual([
      '2;v501245lspt-01;24382;BR1;;;erro;NOT_FOUND;Pedido não encontrado.;',
      '3;v501245lspt-01;24382;BR 1;;;inválida;BAD_USER_INPUT;trackingNumber: inválido;',
    ])
  })
})
