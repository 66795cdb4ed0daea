// Reads a CSV file into preview rows without holding the page: the size is checked before
// anything is read, the text is parsed by papaparse in chunks, and after each chunk (parsed
// and validated with the domain's rules) the parser pauses and resumes on a new task so the
// page keeps painting and answering clicks.
import Papa from 'papaparse'

import {
  CsvDateReading,
  CsvHeader,
  CsvRow,
  LIMITS,
  csvRecordToRow,
  csvSeparatorOfText,
  isUsableCsvHeader,
  markCsvRowMalformed,
  readCsvHeader,
} from '../domain'

/** Characters parsed between two yields: a few thousand rows. */
export const CSV_PARSE_CHUNK = 256 * 1024

export type CsvRefusal =
  | { reason: 'tooLarge' }
  | { reason: 'tooManyRows' }
  | { reason: 'empty' }
  | { reason: 'noRows' }
  | { reason: 'unreadable' }
  | { reason: 'missingColumns'; columns: string[] }
  | { reason: 'duplicatedColumns'; columns: string[] }

export interface CsvFileRows {
  header: CsvHeader
  rows: CsvRow[]
  /** 'windows-1252' when the file was not valid UTF-8 (Excel's "CSV" on Windows). */
  encoding: 'utf-8' | 'windows-1252'
  /** How its date cells were read (the store's zone; day-first or not). */
  dates: CsvDateReading
}

export type CsvFileResult = { ok: true; file: CsvFileRows } | { ok: false; refusal: CsvRefusal }

export interface ReadOptions {
  /** "Now" for the date checks, as the service takes it. */
  now: number
  /** How date cells are read (csvDates.ts); without it, ISO 8601 only and calendar days in UTC. */
  dates?: CsvDateReading
  /** Rows read so far, after each chunk. */
  onProgress?: (rows: number) => void
  /** Polled between chunks; true stops reading (the result is then discarded). */
  isStale?: () => boolean
}

/** The file's text in that encoding. */
export function readText(file: Blob, encoding: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result ?? ''))
    reader.onerror = () => reject(reader.error)
    reader.readAsText(file, encoding)
  })
}

const yieldToPage = () => new Promise<void>(resolve => setTimeout(resolve, 0))

export async function readCsvFile(file: Blob, options: ReadOptions): Promise<CsvFileResult> {
  if (file.size > LIMITS.csvMaxBytes) return { ok: false, refusal: { reason: 'tooLarge' } }
  let text: string
  let encoding: CsvFileRows['encoding'] = 'utf-8'
  try {
    text = await readText(file, 'utf-8')
    // Invalid UTF-8 decodes to U+FFFD: such a file is in the Windows code page, read it so
    // rather than send "S�o Paulo" to OMS.
    if (text.includes('\ufffd')) {
      text = await readText(file, 'windows-1252')
      encoding = 'windows-1252'
    }
  } catch {
    return { ok: false, refusal: { reason: 'unreadable' } }
  }
  const parsed = await parseCsvText(text, options)
  return parsed.ok ? { ok: true, file: { ...parsed.file, encoding } } : parsed
}

/** The rows of CSV text, or why the text is refused as a whole. */
export function parseCsvText(text: string, options: ReadOptions): Promise<CsvFileResult> {
  const dates = options.dates ?? { timeZone: 'UTC', dayFirst: false }
  return new Promise(resolve => {
    let header: CsvHeader | null = null
    const rows: CsvRow[] = []
    // Records so far, blank lines included, so row numbers match the spreadsheet's.
    let records = 0
    let settled = false
    const settle = (result: CsvFileResult) => {
      if (settled) return
      settled = true
      resolve(result)
    }

    Papa.parse<string[]>(text, {
      header: false,
      // `,` or `;` (pt and es spreadsheets), told by the header row rather than guessed by the
      // parser from cells that may hold either.
      delimiter: csvSeparatorOfText(text),
      // Empty lines are dropped below, so the parser's error rows keep their indexes.
      skipEmptyLines: false,
      chunkSize: CSV_PARSE_CHUNK,
      chunk: (results, parser) => {
        if (options.isStale?.()) {
          settle({ ok: false, refusal: { reason: 'unreadable' } })
          parser.abort()
          return
        }
        const malformed = new Set(results.errors.filter(e => e.type === 'Quotes').map(e => e.row))
        for (let i = 0; i < results.data.length; i++) {
          const cells = results.data[i]
          records += 1
          if (cells.every(cell => cell.trim() === '')) continue
          if (header === null) {
            header = readCsvHeader(cells)
            if (!isUsableCsvHeader(header)) {
              settle({
                ok: false,
                refusal:
                  header.missing.length > 0
                    ? { reason: 'missingColumns', columns: header.missing }
                    : { reason: 'duplicatedColumns', columns: header.duplicated },
              })
              parser.abort()
              return
            }
            continue
          }
          if (rows.length >= LIMITS.csvMaxRows) {
            settle({ ok: false, refusal: { reason: 'tooManyRows' } })
            parser.abort()
            return
          }
          const row = csvRecordToRow(cells, header, records, options.now, dates)
          rows.push(malformed.has(i) ? markCsvRowMalformed(row) : row)
        }
        options.onProgress?.(rows.length)
        parser.pause()
        yieldToPage().then(() => parser.resume())
      },
      complete: () => {
        if (header === null) settle({ ok: false, refusal: { reason: 'empty' } })
        else if (rows.length === 0) settle({ ok: false, refusal: { reason: 'noRows' } })
        else settle({ ok: true, file: { header, rows, encoding: 'utf-8', dates } })
      },
      error: () => settle({ ok: false, refusal: { reason: 'unreadable' } }),
    })
  })
}
