import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { InMemoryCache } from 'apollo-cache-inmemory'
import ApolloClient from 'apollo-client'
import { ApolloLink, FetchResult, Observable } from 'apollo-link'
import React from 'react'
import { ApolloProvider } from 'react-apollo'
import { IntlProvider } from 'react-intl'

import en from '../../messages/en.json'
import CsvImportPanel from '../admin/components/CsvImportPanel'
import { CSV_PARSE_CHUNK, parseCsvText } from '../admin/csvFile'
import { CSV_SAMPLE, LIMITS } from '../domain'
import TrackingAdmin from '../TrackingAdmin'
import { ApiCall, renderWithApi } from './support/renderWithApi'

const HEADER = 'orderId,invoiceNumber,date,city,state,description,isDelivered,deliveredDate'
const line = (i: number, overrides: Partial<Record<string, string>> = {}) => {
  const cells = {
    orderId: `11724529${String(i).padStart(5, '0')}-01`,
    invoiceNumber: `NF-${i}`,
    date: '2024-02-16T09:20:00-03:00',
    city: 'São Paulo',
    state: 'SP',
    description: `Objeto postado ${i}`,
    isDelivered: 'no',
    deliveredDate: '',
    ...overrides,
  }
  return HEADER.split(',')
    .map(column => {
      const value = cells[column as keyof typeof cells] as string
      return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
    })
    .join(',')
}
// Hundreds of rows through jsdom take seconds when the machine is busy.
const SLOW = { timeout: 15_000 }
jest.setTimeout(30_000)
const csvFile = (lines: string[], name = 'tracking.csv') => new File([lines.join('\n')], name, { type: 'text/csv' })

const batchAnswer = (call: ApiCall, failing: (orderId: string) => boolean = () => false): FetchResult => {
  const results = call.variables.updates.map((update: any, index: number) => {
    const fails = failing(update.orderId)
    return {
      __typename: 'TrackingBatchItemResult',
      index,
      orderId: update.orderId,
      invoiceNumber: update.invoiceNumber,
      ok: !fails,
      receipt: fails ? null : `receipt-${update.invoiceNumber}`,
      eventCount: fails ? null : 3,
      error: fails
        ? { __typename: 'TrackingItemError', code: 'NOT_FOUND', message: 'Order not found.', field: 'updates.orderId', fieldErrors: [] }
        : null,
    }
  })
  const failed = results.filter((r: any) => !r.ok).length
  return {
    data: {
      updateTrackingStatuses: { __typename: 'TrackingBatchPayload', results, succeeded: results.length - failed, failed },
    },
  }
}

const batchCalls = (calls: ApiCall[]) => calls.filter(c => c.operationName === 'UpdateTrackingStatuses')

async function upload(file: File) {
  const input = screen.getByLabelText('CSV file')
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } })
  })
}

// Plain DOM lookups: role queries over a 100-row table take seconds in jsdom.
const rowHeader = (rowNumber: number) =>
  [...document.querySelectorAll('tbody th[scope="row"]')].find(th => th.textContent === String(rowNumber)) ?? null
function rowOf(rowNumber: number): HTMLElement {
  const th = rowHeader(rowNumber)
  if (!th) throw new Error(`row ${rowNumber} is not shown`)
  return th.closest('tr') as HTMLElement
}
const button = (name: string) => screen.getByText(name).closest('button') as HTMLButtonElement

/** Captures what the page offers for download: the file name and the text. */
function captureDownloads() {
  const blobs: Blob[] = []
  const names: string[] = []
  const createObjectURL = jest.fn((blob: Blob) => {
    blobs.push(blob)
    return `blob:download-${blobs.length}`
  })
  Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() })
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download)
  })
  const text = (i: number) =>
    new Promise<string>(resolve => {
      const reader = new FileReader()
      reader.onload = () => resolve(String(reader.result))
      reader.readAsText(blobs[i])
    })
  return { names, blobs, text, restore: () => click.mockRestore() }
}

describe('given the CSV import on the page', () => {
  it('is mounted in the admin page with a labelled file input and a sample file', async () => {
    const downloads = captureDownloads()
    renderWithApi(<TrackingAdmin />, () => new Error('no call expected'))
    expect(screen.getByRole('heading', { name: 'Import tracking events from a CSV file' })).toBeInTheDocument()
    const input = screen.getByLabelText('CSV file')
    expect(input).toHaveAttribute('type', 'file')

    fireEvent.click(screen.getByRole('button', { name: 'Download a sample file' }))
    expect(downloads.names).toEqual(['order-tracking-sample.csv'])
    expect((await downloads.text(0)).replace(/^\ufeff/, '')).toBe(CSV_SAMPLE)
    downloads.restore()
  })
})

describe('given a file with valid and invalid rows', () => {
  const lines = [
    HEADER,
    line(1),
    line(2, { city: '', date: '16/02/2024' }),
    line(3, { isDelivered: 'sim', deliveredDate: '2024-02-17 10:00', description: '<img src=x onerror=alert(1)> entregue' }),
    '',
    line(4, { isDelivered: 'maybe' }),
  ]

  it('previews every row with its problems by column, before sending anything', async () => {
    const { calls } = renderWithApi(<CsvImportPanel />, () => new Error('no call expected'))
    await upload(csvFile(lines))

    expect(await screen.findByText('4 rows read: 2 ready to import, 2 with problems.')).toBeInTheDocument()
    expect(rowOf(2)).toHaveTextContent('Ready to import')
    expect(within(rowOf(3)).getByText('city: Fill in this field.')).toBeInTheDocument()
    expect(within(rowOf(3)).getByText('date: This value is not in a valid format.')).toBeInTheDocument()
    // Row 5 of the file is blank; the next row keeps its spreadsheet number.
    expect(within(rowOf(6)).getByText('isDelivered: Use true/false, yes/no, 1/0, sim/não or sí/no.')).toBeInTheDocument()
    // Markup from the file is shown as text.
    expect(within(rowOf(4)).getByText('<img src=x onerror=alert(1)> entregue')).toBeInTheDocument()
    expect(document.querySelector('table img')).toBeNull()
    expect(batchCalls(calls)).toHaveLength(0)

    fireEvent.click(screen.getByLabelText('Show only rows with problems'))
    expect(rowHeader(2)).toBeNull()
    expect(rowHeader(3)).not.toBeNull()
  })

  it('sends the valid rows with MERGE and shows each row result, then offers them as a neutralized CSV', async () => {
    const downloads = captureDownloads()
    const { calls } = renderWithApi(<CsvImportPanel />, call => batchAnswer(call))
    await upload(csvFile([...lines, line(7, { description: '=HYPERLINK("https://evil.example","x")' })]))
    await screen.findByText(/ready to import/)

    fireEvent.click(button('Import'))
    expect(await screen.findByText('Import finished: 3 imported, 0 failed, 0 not sent.')).toBeInTheDocument()

    expect(batchCalls(calls)).toHaveLength(1)
    expect(batchCalls(calls)[0].variables).toEqual({
      mode: 'MERGE',
      updates: [
        {
          orderId: '1172452900001-01',
          invoiceNumber: 'NF-1',
          input: {
            isDelivered: false,
            deliveredDate: null,
            events: [{ city: 'São Paulo', state: 'SP', description: 'Objeto postado 1', date: '2024-02-16T09:20:00-03:00' }],
          },
        },
        {
          orderId: '1172452900003-01',
          invoiceNumber: 'NF-3',
          input: {
            isDelivered: true,
            // Offset-less in the file: read in the store's zone (UTC here) and sent explicit.
            deliveredDate: '2024-02-17T10:00:00+00:00',
            events: [
              { city: 'São Paulo', state: 'SP', description: '<img src=x onerror=alert(1)> entregue', date: '2024-02-16T09:20:00-03:00' },
            ],
          },
        },
        expect.objectContaining({ orderId: '1172452900007-01' }),
      ],
    })
    expect(rowOf(2)).toHaveTextContent('Imported (3 events on the invoice)')
    expect(rowOf(3)).toHaveTextContent('Not valid, will not be imported:')

    fireEvent.click(button('Download results (CSV)'))
    expect(downloads.names).toEqual(['tracking-results.csv'])
    const text = await downloads.text(0)
    const rows = text.replace(/^\ufeff/, '').trim().split('\r\n')
    expect(rows[0]).toBe(`row,${HEADER},result,errorCode,errorColumn,errorMessage,receipt,eventCount`)
    expect(rows).toHaveLength(6)
    expect(rows[1]).toMatch(/^2,1172452900001-01,NF-1,.*,ok,,,,receipt-NF-1,3$/)
    expect(rows[2]).toMatch(/^3,.*,invalid,BAD_USER_INPUT,city date,/)
    expect(rows[5]).toContain(`"'=HYPERLINK(""https://evil.example"",""x"")"`)
    // No cell starts a formula.
    expect(text).not.toMatch(/(^|,|\r\n)"?[=+\-@]/)
    downloads.restore()
  })
})

describe('given more valid rows than one call takes', () => {
  const many = (n: number) => [HEADER, ...Array.from({ length: n }, (_, i) => line(i + 1))]

  it(`sends them in chunks of ${LIMITS.batchSize}, in file order, and reports errors per row`, async () => {
    const { calls } = renderWithApi(<CsvImportPanel />, call => batchAnswer(call, orderId => orderId === '1172452900250-01'))
    await upload(csvFile(many(450)))
    await screen.findByText('450 rows read: 450 ready to import, 0 with problems.', undefined, SLOW)

    fireEvent.click(button('Import'))
    expect(await screen.findByText('Import finished: 449 imported, 1 failed, 0 not sent.', undefined, SLOW)).toBeInTheDocument()

    const sent = batchCalls(calls)
    expect(sent.map(c => c.variables.updates.length)).toEqual([200, 200, 50])
    expect(sent.every(c => c.variables.mode === 'MERGE')).toBe(true)
    expect(sent.flatMap(c => c.variables.updates.map((u: any) => u.invoiceNumber))).toEqual(
      Array.from({ length: 450 }, (_, i) => `NF-${i + 1}`)
    )
    fireEvent.click(screen.getByLabelText('Show only rows with problems'))
    expect(rowOf(251)).toHaveTextContent(
      'Error NOT_FOUND: The order or invoice was not found. It may have been changed; reload the page.'
    )
  })

  it('stops after the chunk in flight when cancelled, and marks the rest not sent', async () => {
    // Each call is answered only when the test says so.
    const pending: Array<() => void> = []
    const calls: ApiCall[] = []
    const link = new ApolloLink(
      operation =>
        new Observable<FetchResult>(observer => {
          const call = { operationName: operation.operationName, variables: operation.variables }
          // The store's settings (its time zone, for the file's dates) are answered at once.
          if (call.operationName === 'TrackingSettings') {
            observer.next({ data: { trackingSettings: { __typename: 'TrackingSettings', timeZone: 'UTC', shopperLanguage: 'en-US' } } })
            observer.complete()
            return
          }
          calls.push(call)
          pending.push(() => {
            observer.next(batchAnswer(call))
            observer.complete()
          })
        })
    )
    render(
      <ApolloProvider client={new ApolloClient({ link, cache: new InMemoryCache() })}>
        <IntlProvider locale="en-US" messages={en}>
          <CsvImportPanel />
        </IntlProvider>
      </ApolloProvider>
    )
    await upload(csvFile(many(450)))
    await screen.findByText(/450 rows read:/, undefined, SLOW)

    fireEvent.click(button('Import'))
    await waitFor(() => expect(calls).toHaveLength(1))
    await act(async () => pending.shift()?.())
    await waitFor(() => expect(calls).toHaveLength(2))
    expect(screen.getByLabelText('Import progress')).toHaveAttribute('value', '200')
    expect(screen.getByText('200 of 450 rows sent.')).toBeInTheDocument()

    fireEvent.click(button('Cancel'))
    expect(screen.getByText('Cancelling: waiting for the rows already sent (200 of 450)…')).toBeInTheDocument()
    await act(async () => pending.shift()?.())

    expect(await screen.findByText('Import cancelled: 400 imported, 0 failed, 50 not sent.', undefined, SLOW)).toBeInTheDocument()
    expect(calls).toHaveLength(2)
    // 25 rows a page: the 400th data row (spreadsheet row 401) is the last of page 16.
    const nextRows = (times: number) => {
      for (let i = 0; i < times; i++) fireEvent.click(button('Next rows'))
    }
    nextRows(15)
    expect(screen.getByText('Rows 376–400 of 450')).toBeInTheDocument()
    expect(rowOf(401)).toHaveTextContent('Imported (3 events on the invoice)')
    nextRows(1)
    expect(rowOf(402)).toHaveTextContent('Not sent')
    nextRows(1)
    expect(screen.getByText('Rows 426–450 of 450')).toBeInTheDocument()
    expect(rowOf(451)).toHaveTextContent('Not sent')
  })

  it('stops when a call fails as a whole and marks its rows failed and the rest not sent', async () => {
    let n = 0
    renderWithApi(<CsvImportPanel />, call => (++n === 2 ? new Error('network down') : batchAnswer(call)))
    await upload(csvFile(many(450)))
    await screen.findByText(/450 rows read:/, undefined, SLOW)

    fireEvent.click(button('Import'))
    expect(await screen.findByText('Import finished: 200 imported, 200 failed, 50 not sent.', undefined, SLOW)).toBeInTheDocument()
    expect(screen.getByText(/Could not reach the tracking service\./).closest('[role="alert"]')).toHaveTextContent(
      'The import stopped. Rows not sent are marked below'
    )
    fireEvent.click(screen.getByLabelText('Show only rows with problems'))
    expect(rowOf(202)).toHaveTextContent('Error UNREACHABLE: Could not reach the tracking service.')
  })
})

describe('given a large file', () => {
  it('parses and checks it in slices, giving the page a turn between them', async () => {
    const text = [HEADER, ...Array.from({ length: 9000 }, (_, i) => line(i + 1))].join('\n')
    expect(text.length).toBeGreaterThan(3 * CSV_PARSE_CHUNK)
    const progress: number[] = []
    let otherTaskRanAt: number | null = null
    setTimeout(() => {
      otherTaskRanAt = progress.length
    }, 0)
    const result = await parseCsvText(text, { now: Date.now(), onProgress: rows => progress.push(rows) })
    expect(result.ok && result.file.rows.length).toBe(9000)
    expect(progress.length).toBeGreaterThan(3)
    expect(progress[progress.length - 1]).toBe(9000)
    // A task queued before parsing ran while the parse was still under way.
    expect(otherTaskRanAt).not.toBeNull()
    expect(otherTaskRanAt).toBeLessThan(progress.length)
  })
})

describe('given files the import refuses', () => {
  it('refuses a file over the size limit before reading it', async () => {
    renderWithApi(<CsvImportPanel />, () => new Error('no call expected'))
    await upload(csvFile([HEADER, 'x'.repeat(LIMITS.csvMaxBytes)]))
    expect(
      await screen.findByText('This file is larger than 5 MB. Split it into smaller files and import them one by one.')
    ).toBeInTheDocument()
    expect(screen.queryByRole('table')).toBeNull()
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull()
  })

  it(`refuses a file over ${LIMITS.csvMaxRows} rows, read in slices`, async () => {
    renderWithApi(<CsvImportPanel />, () => new Error('no call expected'))
    const lines = [HEADER, ...Array.from({ length: LIMITS.csvMaxRows + 1 }, (_, i) => line(i + 1))]
    expect(lines.join('\n').length).toBeLessThan(LIMITS.csvMaxBytes)
    await upload(csvFile(lines))
    expect(
      await screen.findByText('This file has more than 10,000 rows. Split it into smaller files and import them one by one.', undefined, { timeout: 20_000 })
    ).toBeInTheDocument()
    expect(screen.queryByRole('table')).toBeNull()
  }, 30_000)

  it('names the required columns the header lacks', async () => {
    renderWithApi(<CsvImportPanel />, () => new Error('no call expected'))
    await upload(csvFile(['Order ID,Invoice Number,date,description', '1172452900788-01,000030711,2024-02-16,Objeto postado']))
    expect(
      await screen.findByText('The header row lacks these required columns: city, state. The first row of the file must name the columns.')
    ).toBeInTheDocument()
  })

  it('reads a file that is not UTF-8 as Windows-1252 and says so', async () => {
    renderWithApi(<CsvImportPanel />, () => new Error('no call expected'))
    // "São Paulo" in Windows-1252: ã is the single byte 0xE3.
    const bytes = Uint8Array.from(
      [...`${HEADER}\n1172452900788-01,000030711,2024-02-16,S\u00e3o Paulo,SP,Objeto postado,,`].map(c => c.charCodeAt(0))
    )
    await upload(new File([bytes], 'excel.csv', { type: 'text/csv' }))
    expect(await screen.findByText(/read as Windows Latin/)).toBeInTheDocument()
    expect(rowOf(2)).toHaveTextContent('São Paulo, SP · 2024-02-16')
  })
})
