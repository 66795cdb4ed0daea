import { trackingEventKey } from '../domain'
import { TrackingIndexDocument } from '../trackingIndex/document'
import { projectInvoice, supersedes } from '../trackingIndex/projection'
import { OmsPackage } from '../typings/oms'

const NOW = Date.parse('2026-11-30T12:00:00Z')

const order = (lastChange: string, pkg: OmsPackage) => ({
  orderId: '1172452900788-01',
  status: 'invoiced',
  lastChange,
  shippingData: { logisticsInfo: [{ shippingEstimateDate: '2026-12-02T10:00:00+00:00' }] },
  packageAttachment: { packages: [pkg] },
})

const event = (description: string, createDate: string) => ({ lastChange: createDate, city: 'Recife', state: 'PE', description, createDate })

const pkg = (events: ReturnType<typeof event>[], finished = false): OmsPackage => ({
  invoiceNumber: '000030711',
  issuanceDate: '2026-11-27T10:00:00.0000000+00:00',
  courier: 'Correios',
  trackingNumber: 'BR1',
  courierStatus: { status: 'ok', finished, deliveredDate: finished ? '2026-11-29T10:00:00+00:00' : null, data: events },
})

describe('the projection of an invoice', () => {
  test('takes the latest event, recognizes its status and keeps the order estimate', () => {
    const doc = projectInvoice(
      order('2026-11-29T10:00:00.0000000+00:00', pkg([event('A entrega está atrasada.', '2026-11-29T09:00:00+00:00'), event('O pacote está a caminho.', '2026-11-28T09:00:00+00:00')])),
      pkg([event('A entrega está atrasada.', '2026-11-29T09:00:00+00:00'), event('O pacote está a caminho.', '2026-11-28T09:00:00+00:00')]),
      undefined,
      new Map(),
      NOW
    )
    expect(doc).toMatchObject({
      id: '1172452900788-01_000030711',
      status: 'DELAYED',
      eventCount: 2,
      lastEventAt: '2026-11-29T09:00:00.000Z',
      estimatedDeliveryAt: '2026-12-02T10:00:00.000Z',
      hasTrackingNumber: true,
      sourceVersion: '2026-11-29T10:00:00.000Z',
    })
  })

  test('keeps the status it was told while that event stays the latest', () => {
    const p = pkg([event('Endereço não localizado', '2026-11-29T09:00:00+00:00')])
    const told = projectInvoice(order('2026-11-29T10:00:00Z', p), p, undefined, new Map([[trackingEventKey({ city: 'Recife', state: 'PE', description: 'Endereço não localizado', date: '2026-11-29T09:00:00Z' }), 'exception']]), NOW)
    expect(told.status).toBe('EXCEPTION')
    const reread = projectInvoice(order('2026-11-29T10:00:00Z', p), p, told, new Map(), NOW)
    expect(reread.status).toBe('EXCEPTION')
  })

  test('an older read never replaces a newer one, whichever arrives last', () => {
    const older = projectInvoice(order('2026-11-28T10:00:00Z', pkg([])), pkg([]), undefined, new Map(), NOW)
    const newerPkg = pkg([event('O pacote foi entregue.', '2026-11-29T09:00:00+00:00')], true)
    const newer = projectInvoice(order('2026-11-29T10:00:00Z', newerPkg), newerPkg, undefined, new Map(), NOW)
    expect(supersedes(newer, older)).toBe(true)
    expect(supersedes(older, newer)).toBe(false)
    // Same OMS version (lastChange unchanged by tracking): progress decides.
    const sameVersion: TrackingIndexDocument = { ...older, sourceVersion: newer.sourceVersion }
    expect(supersedes(sameVersion, newer)).toBe(false)
    expect(supersedes(newer, sameVersion)).toBe(true)
    expect(supersedes(newer, newer)).toBe(true)
  })
})
