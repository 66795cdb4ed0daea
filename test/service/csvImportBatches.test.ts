// The admin page's CSV import splits the file's rows into batch calls by rows and by bytes
// (domain/csvImport.ts, batchesBySize). A valid 4 MB file — 200 rows of 5,000 emoji — went
// out as one call and the runtime refused its body (HTTP 413), so every row showed
// INTERNAL_SERVER_ERROR. Here the batches the page would send go through the whole stack.
import { CSV_COLUMNS, LIMITS, batchesBySize, csvRecordToRow, readCsvHeader, updateJsonBytes, utf8Length } from '../../domain'
import { useServiceStack } from '../support/serviceStack'
import { UPDATE_TRACKING_STATUSES } from '../support/operations'

const stack = useServiceStack()
const admin = { userToken: 'local-admin' }

// Seeded invoices that hold a tracking number.
const INVOICES = [
  ['1172452900788-01', '000030711'],
  ['1172452900799-01', '000030800'],
  ['1172452900811-01', '000030900'],
  ['00-v5195004lux-01', 'NF-9'],
]
const EMOJI = ['📦', '🚚', '🏠', '📬', '🛵', '🚛', '📮', '🧾', '🛻', '🛫']
const CJK = ['運', '送', '配', '達', '荷', '物', '倉', '庫', '到', '着']

/** 200 valid rows, each description `text(i)`, over the seeded invoices with a tracking number. */
function fileRows(text: (i: number) => string, place: (i: number) => string[] = () => ['São Paulo', 'SP']) {
  const header = readCsvHeader([...CSV_COLUMNS])
  return Array.from({ length: LIMITS.batchSize }, (_, i) => {
    const [orderId, invoiceNumber] = INVOICES[i % INVOICES.length]
    const [city, state] = place(i)
    const cells = [orderId, invoiceNumber, '2026-11-20T10:00:00-03:00', city, state, text(i), 'no', '']
    const row = csvRecordToRow(cells, header, i + 2, Date.now())
    if (!row.update) throw new Error(`row ${i + 2} is not valid: ${JSON.stringify(row.problems)}`)
    return row.update
  })
}

const requestBytes = (updates: unknown[]) =>
  utf8Length(JSON.stringify({ query: UPDATE_TRACKING_STATUSES, variables: { updates, mode: 'MERGE' } }))

/** Sends the batches the page would send; every row's result, in order. */
async function importInBatches(updates: unknown[]) {
  const batches = batchesBySize(updates as Parameters<typeof updateJsonBytes>[0][], updateJsonBytes)
  expect(batches.length).toBeGreaterThan(1)
  expect(batches.flat()).toEqual(updates)
  const results: Array<{ ok: boolean; error: { code: string } | null }> = []
  for (const batch of batches) {
    expect(requestBytes(batch)).toBeLessThan(LIMITS.csvBatchMaxBytes + 4096)
    const answer = await stack.graphql({ query: UPDATE_TRACKING_STATUSES, variables: { updates: batch, mode: 'MERGE' }, ...admin })
    expect(answer.status).toBe(200)
    expect(answer.body.errors).toBeUndefined()
    results.push(...answer.body.data.updateTrackingStatuses.results)
  }
  expect(results).toHaveLength(updates.length)
  return results
}

test('the report\'s file (200 rows × 5,000 emoji, 4 MB): batches under the body limit, every row stored, none INTERNAL_SERVER_ERROR', async () => {
  const updates = fileRows(i => EMOJI[i % EMOJI.length].repeat(LIMITS.descriptionMaxLength))
  expect(requestBytes(updates)).toBeGreaterThan(4 * 1000 * 1000)
  // What the page did before: one call of 200 rows, refused by the runtime (HTTP 413).
  const asOneCall = await stack.graphql({ query: UPDATE_TRACKING_STATUSES, variables: { updates, mode: 'MERGE' }, ...admin })
  expect(asOneCall.status).toBe(413)

  const results = await importInBatches(updates)
  // A valid file: every row stored (OMS's 5,000 characters are code points, an emoji is one).
  expect(results.filter(r => r.error?.code === 'INTERNAL_SERVER_ERROR')).toEqual([])
  expect(results.filter(r => !r.ok).map(r => r.error?.code)).toEqual([])
}, 120_000)

test('a 3 MB file that OMS accepts (200 rows × 5,000 CJK characters) is imported whole', async () => {
  const long = (n: number, i: number) => CJK[i % CJK.length].repeat(n)
  const updates = fileRows(i => long(LIMITS.descriptionMaxLength, i), i => [long(LIMITS.cityMaxLength, i), long(LIMITS.stateMaxLength, i + 1)])
  expect(requestBytes(updates)).toBeGreaterThan(3 * 1024 * 1024)
  const asOneCall = await stack.graphql({ query: UPDATE_TRACKING_STATUSES, variables: { updates, mode: 'MERGE' }, ...admin })
  expect(asOneCall.status).toBe(413)

  const results = await importInBatches(updates)
  expect(results.filter(r => !r.ok).map(r => r.error?.code)).toEqual([])
}, 120_000)
