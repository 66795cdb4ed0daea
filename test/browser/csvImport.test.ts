// The CSV import panel of the admin page, in a real browser (see ./support/pageStack): a
// file is chosen through the file input, previewed, imported through updateTrackingStatuses
// by the real @vtex/api worker into the OMS sandbox, and its results downloaded. Each test
// checks what the page shows and what the sandbox (standing in for OMS) holds, and leaves a
// screenshot in artifacts/browser/ (csv-*.png).
import type { Locator, Page } from 'playwright-core'

import { LIMITS } from '../../domain'
import { TRACKED } from '../support/operations'
import { usePageStack } from './support/pageStack'
import { readCsvRecords } from './support/readCsv'

const pages = usePageStack()

// ---------------------------------------------------------------------------------------
// Files

const HEADER = 'orderId,invoiceNumber,date,city,state,description,isDelivered,deliveredDate'
const UNKNOWN = { orderId: '9999999999999-01', invoiceNumber: '1' }
const FORMULA = '=HYPERLINK("http://x","y")'
const quoted = (cell: string) => `"${cell.replace(/"/g, '""')}"`

/** The three events for the seeded invoice, plus the formula one (valid: it is text). */
const SMALL_EVENTS = [
  { date: '2025-03-01T09:20:00-03:00', city: 'São Paulo', state: 'SP', description: 'Objeto postado' },
  { date: '2025-03-02T03:45:00-03:00', city: 'São Paulo', state: 'SP', description: 'Objeto em trânsito, de CTE Vila Maria para CTE Campinas' },
  { date: '2025-03-03T08:10:00-03:00', city: 'Campinas', state: 'SP', description: 'Objeto saiu para entrega' },
]
const FORMULA_EVENT = { date: '2025-03-04T10:00:00-03:00', city: 'Campinas', state: 'SP', description: FORMULA }

/** Spreadsheet row numbers (the header is row 1). */
const ROW = { first: 2, second: 3, third: 4, unknown: 5, badDate: 6, formula: 7 }

const SMALL_CSV = [
  HEADER,
  ...SMALL_EVENTS.map(e => `${TRACKED.orderId},${TRACKED.invoiceNumber},${e.date},${e.city},${e.state},${quoted(e.description)},no,`),
  `${UNKNOWN.orderId},${UNKNOWN.invoiceNumber},2025-03-01T10:00:00-03:00,Recife,PE,Objeto postado,no,`,
  `${TRACKED.orderId},${TRACKED.invoiceNumber},2025-02-30,Curitiba,PR,Data errada,no,`,
  `${TRACKED.orderId},${TRACKED.invoiceNumber},${FORMULA_EVENT.date},${FORMULA_EVENT.city},${FORMULA_EVENT.state},${quoted(FORMULA)},no,`,
].join('\r\n')

const csvFile = (name: string, text: string | Buffer) => ({
  name,
  mimeType: 'text/csv',
  buffer: typeof text === 'string' ? Buffer.from(text, 'utf-8') : text,
})

/** The results file as records keyed by its header. */
const resultRecords = (text: string) => readCsvRecords(text, ',')

// ---------------------------------------------------------------------------------------
// The page

const panel = (page: Page) => page.getByRole('region', { name: 'Import tracking events from a CSV file' })
const liveStatus = (page: Page) => panel(page).getByRole('status')
const rowsTable = (page: Page) => panel(page).getByRole('table')
/** The table row of one spreadsheet row: its row header cell holds the number. */
const tableRow = (page: Page, rowNumber: number) =>
  rowsTable(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: String(rowNumber), exact: true }) })
/** The last cell of a table row: what the row will do, or what became of it. */
const statusCell = (row: Locator) => row.getByRole('cell').last()

async function chooseFile(page: Page, name: string, text: string | Buffer) {
  await panel(page).getByLabel('CSV file').setInputFiles(csvFile(name, text))
}

/** Clicks Import and waits for the end line ("Import finished: ..."), which it returns. */
async function importAndWait(page: Page): Promise<string> {
  await panel(page).getByRole('button', { name: 'Import' }).click()
  const end = liveStatus(page).getByText(/^Import (finished|cancelled):/)
  await end.waitFor({ timeout: 30_000 })
  return end.innerText()
}

/** Clicks "Download results (CSV)" and returns the downloaded file's name and text. */
async function downloadResults(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel(page).getByRole('button', { name: 'Download results (CSV)' }).click(),
  ])
  const stream = await download.createReadStream()
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf-8') }
}

// ---------------------------------------------------------------------------------------
// The sandbox

const storedEvents = (orderId: string, invoiceNumber: string) =>
  pages.stack.sandbox.getOrder(orderId)?.packageAttachment.packages.find(p => p.invoiceNumber === invoiceNumber)
    ?.courierStatus?.data ?? []
const omsWrites = () => pages.stack.sandbox.journal().filter(e => e.path.startsWith('/api/oms/') && ['PUT', 'PATCH', 'POST'].includes(e.method))
const trackingPath = (orderId: string, invoiceNumber: string) =>
  `/api/oms/pvt/orders/${orderId}/invoice/${invoiceNumber}/tracking`
/** The stored events as comparable facts: description, place and instant. */
const eventFacts = (events: ReadonlyArray<{ description: string; city: string; state: string; createDate?: string; date?: string }>) =>
  events
    .map(e => `${e.description} | ${e.city}, ${e.state} | ${new Date((e.createDate ?? e.date)!).toISOString()}`)
    .sort()

const SMALL_FACTS = eventFacts([...SMALL_EVENTS, FORMULA_EVENT])

async function uploadSmallFile(page: Page) {
  await chooseFile(page, 'tracking.csv', SMALL_CSV)
  await panel(page).getByText('6 rows read: 5 ready to import, 1 with problems.', { exact: true }).waitFor()
}

// ---------------------------------------------------------------------------------------

test('1. a chosen file is previewed: counts, each row ready or refused at its column, a formula shown as text', async () => {
  const page = await pages.newPage()
  await uploadSmallFile(page)

  await panel(page).getByRole('table', { name: 'Rows of tracking.csv' }).waitFor()
  // The header row and the six data rows.
  expect(await rowsTable(page).getByRole('row').count()).toBe(7)
  for (const n of [ROW.first, ROW.second, ROW.third, ROW.unknown, ROW.formula]) {
    expect(await statusCell(tableRow(page, n)).innerText()).toBe('Ready to import')
  }
  // Not known to be a missing order until it is sent.
  expect(await tableRow(page, ROW.unknown).getByRole('cell').nth(0).innerText()).toBe(UNKNOWN.orderId)

  // 30 February: refused by the preview, with the problem under its column.
  const badDate = statusCell(tableRow(page, ROW.badDate))
  expect(await badDate.innerText()).toBe('Not valid, will not be imported:\ndate: This value is not in a valid format.')
  expect(await badDate.getByRole('listitem').allInnerTexts()).toEqual(['date: This value is not in a valid format.'])

  // The formula is text on the page: exactly as written, and nothing made of it.
  const formulaRow = tableRow(page, ROW.formula)
  await formulaRow.getByText(FORMULA, { exact: true }).waitFor()
  expect(await formulaRow.locator('a, img, script').count()).toBe(0)

  await panel(page).getByRole('button', { name: 'Import' }).waitFor()
  // Reading the file sends nothing.
  expect(omsWrites()).toEqual([])
  expect(pages.stack.sandbox.journal().filter(e => e.path.includes('/api/oms/'))).toEqual([])
  expect(storedEvents(TRACKED.orderId, TRACKED.invoiceNumber)).toEqual([])

  await pages.screenshot(page, 'csv-1-preview')
}, 30_000)

test('2. importing sends the valid rows through the service: Imported, NOT_FOUND for the unknown order, 4 events stored once', async () => {
  const page = await pages.newPage()
  await uploadSmallFile(page)
  const end = await importAndWait(page)

  expect(end).toBe('Import finished: 4 imported, 1 failed, 0 not sent.')
  expect(await panel(page).getByRole('progressbar', { name: 'Import progress' }).count()).toBe(0)
  expect(await panel(page).getByRole('button', { name: 'Cancel' }).count()).toBe(0)
  // One invoice's rows in a call are one write (group commit): each reports the four events
  // the invoice holds after it.
  for (const n of [ROW.first, ROW.second, ROW.third, ROW.formula]) {
    expect(await statusCell(tableRow(page, n)).innerText()).toBe('Imported (4 events on the invoice)')
  }
  expect(await statusCell(tableRow(page, ROW.unknown)).innerText()).toBe(
    'Error NOT_FOUND: The order or invoice was not found. It may have been changed; reload the page.'
  )
  expect(await statusCell(tableRow(page, ROW.badDate)).innerText()).toMatch(/^Not valid, will not be imported:/)

  // OMS holds the four events, once each, the formula as plain text.
  const stored = storedEvents(TRACKED.orderId, TRACKED.invoiceNumber)
  expect(eventFacts(stored)).toEqual(SMALL_FACTS)
  expect(stored.filter(e => e.description === FORMULA)).toHaveLength(1)

  // Through the service: one PUT of the invoice's whole list (OMS replaces it) with all four;
  // the unknown order was only read, and the bad row never left the page.
  const puts = omsWrites()
  expect(puts.every(e => e.method === 'PUT' && e.path === trackingPath(TRACKED.orderId, TRACKED.invoiceNumber))).toBe(true)
  expect(puts).toHaveLength(1)
  const lastBody = puts[puts.length - 1].body as { isDelivered: boolean; events: Array<{ description: string; city: string; state: string; date: string }> }
  expect(lastBody.isDelivered).toBe(false)
  expect(eventFacts(lastBody.events)).toEqual(SMALL_FACTS)
  const journal = pages.stack.sandbox.journal()
  expect(journal.some(e => e.method === 'GET' && e.path.endsWith(`/orders/${UNKNOWN.orderId}`) && e.status === 404)).toBe(true)
  expect(journal.some(e => e.method !== 'GET' && e.path.includes(UNKNOWN.orderId))).toBe(false)
  expect(JSON.stringify(journal.map(e => e.body))).not.toContain('Data errada')

  await panel(page).getByRole('button', { name: 'Download results (CSV)' }).waitFor()
  await pages.screenshot(page, 'csv-2-imported')
}, 30_000)

test('3. the results file has each row with its outcome, and the formula cell neutralized', async () => {
  const page = await pages.newPage()
  await uploadSmallFile(page)
  await importAndWait(page)
  const { name, text } = await downloadResults(page)

  expect(name).toBe('tracking-results.csv')
  expect(text.startsWith('\ufeff')).toBe(true) // so Excel reads the accents right
  // The raw text: the cell starts with ' and is quoted (it holds quotes and a comma).
  expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`)
  expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m)

  const records = resultRecords(text)
  expect(Object.keys(records[0])).toEqual([
    'row', 'orderId', 'invoiceNumber', 'date', 'city', 'state', 'description', 'isDelivered', 'deliveredDate',
    'result', 'errorCode', 'errorColumn', 'errorMessage', 'receipt', 'eventCount',
  ])
  const byRow = (n: number) => records.find(r => r.row === String(n))!
  expect(records.map(r => r.row)).toEqual(['2', '3', '4', '5', '6', '7'])
  for (const n of [ROW.first, ROW.second, ROW.third, ROW.formula]) {
    expect(byRow(n)).toMatchObject({ result: 'ok', errorCode: '', errorColumn: '', eventCount: '4' })
    expect(byRow(n).receipt).toMatch(/^[0-9a-f]{32}$/)
  }
  expect(byRow(ROW.formula).description).toBe(`'${FORMULA}`)
  expect(byRow(ROW.second).description).toBe(SMALL_EVENTS[1].description) // the comma survived
  expect(byRow(ROW.first).city).toBe('São Paulo')
  expect(byRow(ROW.unknown)).toMatchObject({ orderId: UNKNOWN.orderId, result: 'error', errorCode: 'NOT_FOUND', receipt: '', eventCount: '' })
  expect(byRow(ROW.unknown).errorMessage).not.toBe('')
  expect(byRow(ROW.badDate)).toMatchObject({ date: '2025-02-30', result: 'invalid', errorCode: 'BAD_USER_INPUT', errorColumn: 'date' })
  expect(byRow(ROW.badDate).errorMessage).toMatch(/^date must be an ISO 8601 date/)

  // Downloading writes nothing: the import's one PUT is all.
  expect(omsWrites()).toHaveLength(1)
  await pages.screenshot(page, 'csv-3-results-downloaded')
}, 30_000)

test('4. importing the same file again duplicates nothing: MERGE keeps one copy of each event', async () => {
  const page = await pages.newPage()
  await uploadSmallFile(page)
  expect(await importAndWait(page)).toBe('Import finished: 4 imported, 1 failed, 0 not sent.')
  const firstPuts = omsWrites().length

  // The same file chosen again: a new preview, every row ready again.
  await chooseFile(page, 'tracking.csv', SMALL_CSV)
  await panel(page).getByRole('button', { name: 'Import' }).waitFor()
  expect(await statusCell(tableRow(page, ROW.first)).innerText()).toBe('Ready to import')
  expect(await importAndWait(page)).toBe('Import finished: 4 imported, 1 failed, 0 not sent.')

  // The invoice already held every event: each row reports the same four.
  for (const n of [ROW.first, ROW.second, ROW.third, ROW.formula]) {
    expect(await statusCell(tableRow(page, n)).innerText()).toBe('Imported (4 events on the invoice)')
  }
  expect(await statusCell(tableRow(page, ROW.unknown)).innerText()).toMatch(/^Error NOT_FOUND: /)
  const stored = storedEvents(TRACKED.orderId, TRACKED.invoiceNumber)
  expect(stored).toHaveLength(4)
  expect(eventFacts(stored)).toEqual(SMALL_FACTS)
  // Whatever the second import wrote, it wrote the same four events.
  for (const put of omsWrites().slice(firstPuts)) {
    expect(eventFacts((put.body as { events: Array<{ description: string; city: string; state: string; date: string }> }).events)).toEqual(SMALL_FACTS)
  }

  await pages.screenshot(page, 'csv-4-imported-twice')
}, 30_000)

test('5. a large file: the page answers while reading it, Cancel stops after the chunk in flight, only imported rows are stored', async () => {
  const INVOICES = 500
  const EVENTS_PER_INVOICE = 5
  const invoices = Array.from({ length: INVOICES }, (_, i) => ({
    orderId: `${5_000_000_000_000 + i}-01`,
    invoiceNumber: `NF${1000 + i}`,
  }))
  pages.stack.sandbox.addOrders(
    invoices.map(({ orderId, invoiceNumber }) => ({ orderId, invoices: [{ invoiceNumber, trackingNumber: `TRK-${invoiceNumber}` }] }))
  )
  const lines = [HEADER]
  // Event by event across the invoices, so each chunk of 200 rows touches 200 invoices.
  for (let j = 0; j < EVENTS_PER_INVOICE; j++) {
    for (const { orderId, invoiceNumber } of invoices) {
      lines.push(
        `${orderId},${invoiceNumber},2025-04-0${j + 1}T1${j}:00:00-03:00,Belo Horizonte,MG,` +
          `Evento ${j + 1} da nota ${invoiceNumber}: em trânsito para o centro de distribuição,no,`
      )
    }
  }
  const text = lines.join('\n')
  const total = INVOICES * EVENTS_PER_INVOICE
  expect(total).toBeGreaterThan(2 * LIMITS.batchSize) // more than the chunk sent and the one in flight
  // More than one parse chunk of the page (CSV_PARSE_CHUNK, 256 KB in react/admin/csvFile.ts),
  // so the reader pauses and yields to the page between chunks.
  expect(Buffer.byteLength(text)).toBeGreaterThan(256 * 1024)

  const page = await pages.newPage()
  await chooseFile(page, 'big.csv', text)
  // The page still runs scripts while the file is read (no timing asserted: it answers).
  expect(await page.evaluate(() => 1)).toBe(1)
  await panel(page).getByText(`${total.toLocaleString('en-US')} rows read: ${total.toLocaleString('en-US')} ready to import, 0 with problems.`, { exact: true }).waitFor()
  // 25 rows a page.
  await panel(page).getByText(`Rows 1–25 of ${total.toLocaleString('en-US')}`, { exact: true }).waitFor()
  expect(await rowsTable(page).getByRole('row').count()).toBe(26)
  expect(omsWrites()).toEqual([])

  await panel(page).getByRole('button', { name: 'Import' }).click()
  const progress = panel(page).getByRole('progressbar', { name: 'Import progress' })
  await progress.waitFor()
  // The first chunk answered: cancel before the rest is sent.
  await liveStatus(page).getByText(`${LIMITS.batchSize} of ${total.toLocaleString('en-US')} rows sent.`, { exact: true }).waitFor({ timeout: 20_000 })
  await panel(page).getByRole('button', { name: 'Cancel' }).click()
  const end = liveStatus(page).getByText(/^Import cancelled:/)
  await end.waitFor({ timeout: 30_000 })
  const summary = /^Import cancelled: ([\d,]+) imported, ([\d,]+) failed, ([\d,]+) not sent\.$/.exec(await end.innerText())
  expect(summary).not.toBeNull()
  const [imported, failed, notSent] = summary!.slice(1).map(n => Number(n.replace(/,/g, '')))
  expect(failed).toBe(0)
  expect(notSent).toBeGreaterThan(0)
  expect(imported + notSent).toBe(total)
  // Whole chunks only: the ones answered before Cancel, and the one then in flight.
  expect(imported % LIMITS.batchSize).toBe(0)
  expect(imported).toBeGreaterThanOrEqual(LIMITS.batchSize)
  expect(await progress.count()).toBe(0)
  await pages.screenshot(page, 'csv-5-cancelled')

  // The results file says which rows went in; OMS holds exactly those, and nothing else.
  const records = resultRecords((await downloadResults(page)).text)
  expect(records).toHaveLength(total)
  const okRows = records.filter(r => r.result === 'ok')
  expect(okRows).toHaveLength(imported)
  expect(records.filter(r => r.result === 'not sent')).toHaveLength(notSent)
  // Sent in file order: the imported rows are the first ones.
  expect(okRows.map(r => Number(r.row))).toEqual(Array.from({ length: imported }, (_, i) => i + 2))
  const expected = okRows.map(r => `${r.invoiceNumber} | ${r.description}`).sort()
  const held = invoices
    .flatMap(({ orderId, invoiceNumber }) => storedEvents(orderId, invoiceNumber).map(e => `${invoiceNumber} | ${e.description}`))
    .sort()
  expect(held).toEqual(expected)
  expect(new Set(held).size).toBe(held.length)
  // Only this file's invoices were written.
  expect(omsWrites().every(e => invoices.some(i => e.path === trackingPath(i.orderId, i.invoiceNumber)))).toBe(true)
}, 60_000)

test('6. a file over the size limit is refused before it is read: the message, no preview, nothing sent', async () => {
  const page = await pages.newPage()
  const megabytes = LIMITS.csvMaxBytes / (1024 * 1024)
  // A valid header, then one line long enough to pass the limit by a byte.
  const head = `${HEADER}\n`
  const big = Buffer.alloc(LIMITS.csvMaxBytes + 1, 'x')
  big.write(head, 0, 'utf-8')
  await chooseFile(page, 'too-big.csv', big)

  await panel(page).getByText(
    `This file is larger than ${megabytes} MB. Split it into smaller files and import them one by one.`,
    { exact: true }
  ).waitFor()
  expect(await panel(page).getByRole('table').count()).toBe(0)
  expect(await panel(page).getByRole('button', { name: 'Import' }).count()).toBe(0)
  expect(await panel(page).getByText(/rows read/).count()).toBe(0)

  // Not a single call: no GraphQL, so no OMS read or write.
  expect(omsWrites()).toEqual([])
  expect(pages.stack.sandbox.journal().filter(e => e.path.includes('/api/oms/'))).toEqual([])
  expect(storedEvents(TRACKED.orderId, TRACKED.invoiceNumber)).toEqual([])

  await pages.screenshot(page, 'csv-6-too-large')
}, 30_000)
