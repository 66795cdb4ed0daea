import { TRACKING_NUMBER_CSV_SAMPLE, readTrackingNumberCsvHeader, trackingNumberCsvRow, trackingNumberResultsCsv } from '..'

const NOW = Date.parse('2026-11-30T12:00:00Z')

describe('the tracking-number CSV', () => {
  test('reads its header whatever the case and spacing, and names what is missing', () => {
    expect(readTrackingNumberCsvHeader(['Order ID', 'invoice_number', 'TRACKING NUMBER'])).toMatchObject({ missing: [], duplicated: [] })
    expect(readTrackingNumberCsvHeader(['orderId', 'courier', 'courier'])).toMatchObject({ missing: ['invoiceNumber', 'trackingNumber'], duplicated: ['courier'] })
  })

  test("checks each row with the API's rules", () => {
    const header = readTrackingNumberCsvHeader(['orderId', 'invoiceNumber', 'trackingNumber', 'trackingUrl', 'courier'])
    const ok = trackingNumberCsvRow(['v501245lspt-01', '24382', ' BR1BR ', '', 'Correios'], header, 2, NOW)
    expect(ok.update).toEqual({ orderId: 'v501245lspt-01', invoiceNumber: '24382', input: { trackingNumber: 'BR1BR', courier: 'Correios' } })
    const bad = trackingNumberCsvRow(['../x', '24382', 'BR 1', 'javascript:alert(1)', ''], header, 3, NOW)
    expect(bad.update).toBeNull()
    expect(bad.problems.map(p => p.column)).toEqual(['orderId', 'trackingNumber', 'trackingUrl'])
  })

  test('writes results with formula-like cells neutralized, and a sample that passes its own checks', () => {
    const header = readTrackingNumberCsvHeader(['orderId', 'invoiceNumber', 'trackingNumber'])
    const row = trackingNumberCsvRow(['v501245lspt-01', '24382', 'BR1'], header, 2, NOW)
    const csv = trackingNumberResultsCsv([row], [{ status: 'error', code: 'NOT_FOUND', message: '=HYPERLINK("x")' }])
    expect(csv).toContain("'=HYPERLINK")
    const [sampleHeader, sampleRow] = TRACKING_NUMBER_CSV_SAMPLE.trim().split(/\r?\n/).map(line => line.split(','))
    expect(trackingNumberCsvRow(sampleRow, readTrackingNumberCsvHeader(sampleHeader), 2, NOW).problems).toEqual([])
  })
})
