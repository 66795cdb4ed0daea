// Issue 13, items 1-3, in a real browser through the whole local stack: a pt-BR operator
// imports a `;` spreadsheet with a BOM holding a calendar date and day-first dates; the
// preview shows each date as it will be stored in the store's zone (America/Sao_Paulo), OMS
// (the sandbox) stores those instants, and the results file comes back as a pt-BR Excel
// expects it. And an English-speaking operator's presets are written in the store's default
// locale when the shoppers' language is not set. Screenshots: artifacts/browser/locale-*.png.
import type { Download, Page } from 'playwright-core'

import { LOCAL_STORE_SETTINGS } from '../../dev/oms-sandbox/appSettings'
import pt from '../../messages/pt.json'
import { TRACKED } from '../support/operations'
import { usePageStack } from './support/pageStack'
import { readCsvRecords } from './support/readCsv'

// A settings change made by a test is read by the Service at once.
process.env.ORDER_TRACKING_SETTINGS_CACHE_MS = '0'

const pages = usePageStack()

const UNKNOWN = { orderId: '9999999999999-01', invoiceNumber: '1' }
// As Excel saves "CSV UTF-8" in a Brazilian locale: a BOM, `;` between cells, CRLF.
const PT_CSV =
  '\ufeff' +
  [
    'orderId;invoiceNumber;date;city;state;description;isDelivered;deliveredDate',
    `${TRACKED.orderId};${TRACKED.invoiceNumber};2026-11-20;São Paulo;SP;Objeto postado;não;`,
    `${TRACKED.orderId};${TRACKED.invoiceNumber};21/11/2026 14:30;Campinas;SP;Objeto em trânsito, para Curitiba;não;`,
    `${TRACKED.orderId};${TRACKED.invoiceNumber};31/02/2026;Curitiba;PR;Data impossível;não;`,
    `${UNKNOWN.orderId};${UNKNOWN.invoiceNumber};22/11/2026;Recife;PE;Objeto postado;não;`,
  ].join('\r\n')
const ROW = { dateOnly: 2, dayFirst: 3, impossible: 4, unknown: 5 }

const panel = (page: Page) => page.getByRole('region', { name: pt['admin/order-tracking.csv.title'] })
const tableRow = (page: Page, rowNumber: number) =>
  panel(page)
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: String(rowNumber), exact: true }) })

async function read(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

async function downloadOf(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), panel(page).getByRole('button', { name: button }).click()])
  return { name: download.suggestedFilename(), bytes: await read(download) }
}

const storedEvents = () =>
  pages.stack.sandbox.getOrder(TRACKED.orderId)?.packageAttachment.packages.find(p => p.invoiceNumber === TRACKED.invoiceNumber)
    ?.courierStatus?.data ?? []

test('1. pt-BR: a ; file with a BOM, a calendar date and day-first dates is previewed in São Paulo time, stored so, and its results file is a pt-BR spreadsheet', async () => {
  const page = await pages.newPage({ locale: 'pt-BR' })
  await panel(page)
    .getByLabel(pt['admin/order-tracking.csv.file'])
    .setInputFiles({ name: 'rastreio.csv', mimeType: 'text/csv', buffer: Buffer.from(PT_CSV, 'utf-8') })
  await panel(page).getByText('4 linhas lidas: 3 prontas para importar, 1 com problemas.', { exact: true }).waitFor()

  // The preview says how dates are read, and shows each one as it will be stored.
  await panel(page).getByText(/no fuso horário da loja, America\/Sao_Paulo, com o dia primeiro/).waitFor()
  await tableRow(page, ROW.dateOnly).getByText('2026-11-20 (gravada como 2026-11-20T00:00:00-03:00)', { exact: true }).waitFor()
  await tableRow(page, ROW.dayFirst).getByText('21/11/2026 14:30 (gravada como 2026-11-21T14:30:00-03:00)', { exact: true }).waitFor()
  await tableRow(page, ROW.unknown).getByText('22/11/2026 (gravada como 2026-11-22T00:00:00-03:00)', { exact: true }).waitFor()
  // 31 February cannot be read: the row is refused at its column, in Portuguese.
  expect(await tableRow(page, ROW.impossible).getByRole('listitem').allInnerTexts()).toEqual([
    `date: ${pt['admin/order-tracking.fieldError.invalidFormat']}`,
  ])
  await pages.screenshot(page, 'locale-1-preview-pt')

  await panel(page).getByRole('button', { name: pt['admin/order-tracking.csv.import'], exact: true }).click()
  await panel(page).getByText('Importação concluída: 2 importadas, 1 com erro, 0 não enviadas.', { exact: true }).waitFor({ timeout: 30_000 })

  // What OMS was sent and holds: São Paulo's midnight and 14:30, i.e. 03:00 and 17:30 UTC.
  const puts = pages.stack.sandbox.journal().filter(e => e.method === 'PUT' && e.path.endsWith(`/invoice/${TRACKED.invoiceNumber}/tracking`))
  expect(puts).toHaveLength(1)
  expect((puts[0].body as { events: Array<{ date: string }> }).events.map(e => e.date).sort()).toEqual([
    '2026-11-20T00:00:00-03:00',
    '2026-11-21T14:30:00-03:00',
  ])
  expect(storedEvents().map(e => `${e.description} @ ${new Date(e.createDate).toISOString()}`).sort()).toEqual([
    'Objeto em trânsito, para Curitiba @ 2026-11-21T17:30:00.000Z',
    'Objeto postado @ 2026-11-20T03:00:00.000Z',
  ])

  // The results file: a BOM, `;` between cells, outcomes and messages in Portuguese, and the
  // documented columns, so it can be fixed and imported again.
  const results = await downloadOf(page, pt['admin/order-tracking.csv.downloadResults'])
  expect(results.name).toBe('rastreio-results.csv')
  expect([...results.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const text = results.bytes.toString('utf-8').slice(1)
  expect(text.split('\r\n')[0]).toBe(
    'row;orderId;invoiceNumber;date;city;state;description;isDelivered;deliveredDate;result;errorCode;errorColumn;errorMessage;receipt;eventCount'
  )
  const records = readCsvRecords(text, ';')
  expect(records.map(r => [r.row, r.date, r.result, r.errorCode])).toEqual([
    ['2', '2026-11-20', pt['admin/order-tracking.csv.result.ok'], ''],
    ['3', '21/11/2026 14:30', pt['admin/order-tracking.csv.result.ok'], ''],
    ['4', '31/02/2026', pt['admin/order-tracking.csv.result.invalid'], 'BAD_USER_INPUT'],
    ['5', '22/11/2026', pt['admin/order-tracking.csv.result.error'], 'NOT_FOUND'],
  ])
  expect(records.map(r => r.result)).toEqual(['sucesso', 'sucesso', 'inválida', 'erro'])
  expect(records[2].errorMessage).toBe(`date: ${pt['admin/order-tracking.fieldError.invalidFormat']}`)
  expect(records[3].errorMessage).toBe(pt['admin/order-tracking.error.notFound'])
  // The cell with a comma is one cell, not quoted for `;`'s sake only.
  expect(records[1].description).toBe('Objeto em trânsito, para Curitiba')

  // The sample file follows the same conventions.
  const sample = await downloadOf(page, pt['admin/order-tracking.csv.sample'])
  expect([...sample.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  expect(sample.bytes.toString('utf-8').slice(1).split('\r\n')[0]).toBe('orderId;invoiceNumber;date;city;state;description;isDelivered;deliveredDate')
  await pages.screenshot(page, 'locale-1-results-pt')

  // And the order's timeline, in a São Paulo browser, shows the day the merchant meant (it
  // showed Nov 19, 21:00 when a calendar date was taken as midnight UTC).
  const order = await pages.newPage({ orderId: TRACKED.orderId })
  const events = order
    .getByRole('region', { name: `Invoice ${TRACKED.invoiceNumber}` })
    .getByRole('list', { name: `Tracking events of invoice ${TRACKED.invoiceNumber}` })
    .getByRole('listitem')
  await events.first().waitFor()
  expect(await events.allInnerTexts()).toEqual([
    'Objeto em trânsito, para Curitiba\nCampinas, SP · Nov 21, 2026, 02:30 PM GMT-3',
    'Objeto postado\nSão Paulo, SP · Nov 20, 2026, 12:00 AM GMT-3',
  ])
}, 60_000)

test("2. an English-speaking operator's preset is written in the store's default locale when the shoppers' language is not set", async () => {
  const { shopperLanguage: _set, ...withoutLanguage } = LOCAL_STORE_SETTINGS
  pages.stack.sandbox.appSettings.set('localstore', 'vtex.order-tracking', withoutLanguage)
  const page = await pages.newPage({ orderId: TRACKED.orderId })
  const form = page.getByRole('region', { name: `Invoice ${TRACKED.invoiceNumber}` }).getByRole('form', { name: 'Add a tracking event' })
  await form.getByRole('combobox', { name: 'Status' }).selectOption('inTransit')
  // The Tenant API says the store's default locale is pt-BR: Portuguese, not the operator's English.
  expect(await form.getByLabel('Description').inputValue()).toBe('O pacote está a caminho.')
  expect(pages.stack.sandbox.journal().some(e => e.path === '/api/tenant/tenants' && e.status === 200)).toBe(true)
}, 30_000)
