// Demo orders and the builder that turns a short SeedOrderSpec into a realistic
// OMS order. Values are derived from the order id (no randomness) so that the
// same spec always yields the same document.
import { createHash } from 'crypto'
import { DEFAULT_ACCOUNT } from './identities'
import type { CourierStatus, OmsItem, OmsOrder, OmsPackage, SeedOrderSpec } from './types'

const CATALOG: Array<{ id: string; name: string; price: number }> = [
  { id: '18', name: 'Camiseta Básica Algodão M', price: 4990 },
  { id: '27', name: 'Tênis Corrida Leve 42', price: 32990 },
  { id: '35', name: 'Garrafa Térmica 500ml', price: 8990 },
  { id: '41', name: 'Mochila Urbana 20L', price: 15990 },
  { id: '56', name: 'Fone de Ouvido Bluetooth', price: 19990 },
]

function hashInt(s: string): number {
  return createHash('sha256').update(s).digest().readUInt32BE(0)
}

function addDays(iso: string, days: number): string {
  const d = new Date(Date.parse(iso) + days * 86_400_000)
  return d.toISOString().replace(/\.(\d{3})Z$/, '.$10000+00:00')
}

/** Build a full stored order from a spec (used by the seed, addOrders and POST /_sandbox/orders). */
export function buildOrder(spec: SeedOrderSpec): { account: string; order: OmsOrder } {
  const account = spec.account ?? DEFAULT_ACCOUNT
  const h = hashInt(spec.orderId)
  const creationDate = spec.creationDate ?? addDays('2024-02-04T20:09:43.899958+00:00', h % 30)
  const channel = spec.deliveryChannel ?? 'delivery'
  const nItems = 1 + (h % 2)
  const items: OmsItem[] = []
  for (let i = 0; i < nItems; i++) {
    const p = CATALOG[(h + i * 3) % CATALOG.length]
    items.push({
      uniqueId: createHash('md5').update(`${spec.orderId}:${i}`).digest('hex').toUpperCase(),
      id: p.id, productId: String(Number(p.id) - 10), refId: `REF-${p.id}`, name: p.name,
      quantity: 1 + ((h >>> (i + 4)) % 2), seller: '1', price: p.price, listPrice: p.price, sellingPrice: p.price,
    })
  }
  const itemsTotal = items.reduce((s, it) => s + it.price * it.quantity, 0)
  const freight = channel === 'pickup-in-point' ? 0 : 1500
  const pickup = channel === 'pickup-in-point'
  const deliveryCompany = pickup ? 'Retirada na Loja' : 'Transportadora Rápida'

  const packages: OmsPackage[] = spec.invoices.map((inv, n) => ({
    invoiceNumber: inv.invoiceNumber,
    invoiceValue: (inv.type ?? 'Output') === 'Input' ? items[0].price : itemsTotal + freight,
    invoiceUrl: `https://${account}.example/invoices/${encodeURIComponent(inv.invoiceNumber)}.pdf`,
    invoiceKey: null,
    issuanceDate: spec.invoicedAt ? addDays(spec.invoicedAt, 0) : addDays(creationDate, 2 + n * 7),
    courier: inv.courier ?? (inv.trackingNumber ? deliveryCompany : null),
    trackingNumber: inv.trackingNumber ?? null,
    trackingUrl: inv.trackingUrl ?? null,
    dispatchedDate: null,
    type: inv.type ?? 'Output',
    items: (inv.type === 'Input' ? items.slice(0, 1) : items).map((it, idx) => ({
      itemIndex: idx, quantity: inv.type === 'Input' ? 1 : it.quantity, price: it.price, description: it.name, unitMultiplier: 1,
    })),
    courierStatus: inv.courierStatus ? (JSON.parse(JSON.stringify(inv.courierStatus)) as CourierStatus) : null,
  }))

  const order: OmsOrder = {
    orderId: spec.orderId,
    sequence: String(500000 + (h % 100000)),
    hostname: account,
    origin: 'Marketplace',
    salesChannel: '1',
    status: 'invoiced',
    statusDescription: 'Faturado',
    value: itemsTotal + freight,
    creationDate,
    lastChange: addDays(creationDate, 2),
    items,
    shippingData: {
      id: 'shippingData',
      address: {
        receiverName: 'Maria Silva', city: 'Rio de Janeiro', state: 'RJ', postalCode: '22250-040',
        country: 'BRA', street: 'Praia de Botafogo', number: '300',
      },
      logisticsInfo: items.map((_, i) => ({
        itemIndex: i,
        selectedSla: pickup ? 'Retirada' : 'Normal',
        selectedDeliveryChannel: channel,
        deliveryChannel: channel,
        deliveryCompany,
        shippingEstimate: pickup ? '1bd' : '4bd',
        shippingEstimateDate: spec.shippingEstimateDate ? addDays(spec.shippingEstimateDate, 0) : addDays(creationDate, pickup ? 1 : 6),
        pickupPointId: pickup ? '1_loja-centro-sp' : null,
        pickupStoreInfo: pickup
          ? { isPickupStore: true, friendlyName: 'Loja Centro SP', address: { city: 'São Paulo', state: 'SP', street: 'Rua Augusta', number: '1500', postalCode: '01304-001', country: 'BRA' } }
          : { isPickupStore: false, friendlyName: null, address: null },
      })),
    },
    packageAttachment: { packages },
  }
  return { account, order }
}

const WRITTEN = '2024-02-16T12:00:00.0000000+00:00'
function ev(city: string, state: string, description: string, createDate: string) {
  return { lastChange: WRITTEN, city, state, description, createDate }
}

export interface DemoOrder { spec: SeedOrderSpec; description: string }

export const DEMO_ORDERS: DemoOrder[] = [
  {
    description: 'invoice 000030711 (Output) with tracking number, no events yet (courierStatus null)',
    spec: { orderId: '1172452900788-01', invoices: [{ invoiceNumber: '000030711', trackingNumber: 'BR123456789BR', courier: 'Correios', trackingUrl: 'https://rastreamento.correios.example/BR123456789BR' }] },
  },
  {
    description: 'invoice 24382 (Output) WITHOUT tracking number: tracking PUT → 400 until a PATCH sets one',
    spec: { orderId: 'v501245lspt-01', invoices: [{ invoiceNumber: '24382' }] },
  },
  {
    description: 'seller-prefixed id; invoice NF-9 delivered (4 events, finished, deliveredDate set)',
    spec: {
      orderId: '00-v5195004lux-01',
      invoices: [{
        invoiceNumber: 'NF-9', trackingNumber: 'JAD-55501234', courier: 'Jadlog', trackingUrl: 'https://tracking.jadlog.example/JAD-55501234',
        courierStatus: {
          status: 'ok', finished: true, deliveredDate: '2024-02-15T17:42:00.0000000+00:00',
          data: [
            ev('São Paulo', 'SP', 'Objeto postado', '2024-02-12T13:10:00.0000000+00:00'),
            ev('São Paulo', 'SP', 'Objeto em trânsito - de CTE Vila Maria para CTE Curitiba', '2024-02-13T02:31:00.0000000+00:00'),
            ev('Curitiba', 'PR', 'Objeto saiu para entrega ao destinatário', '2024-02-15T11:05:00.0000000+00:00'),
            ev('Curitiba', 'PR', 'Objeto entregue ao destinatário', '2024-02-15T17:42:00.0000000+00:00'),
          ],
        },
      }],
    },
  },
  {
    description: 'pickup order (pickup-in-point), invoice 000030800 with tracking number and one event',
    spec: {
      orderId: '1172452900799-01', deliveryChannel: 'pickup-in-point',
      invoices: [{
        invoiceNumber: '000030800', trackingNumber: 'PK-000030800', courier: 'Retirada na Loja',
        courierStatus: { status: 'ok', finished: false, deliveredDate: null, data: [ev('São Paulo', 'SP', 'Pedido separado na loja', '2024-02-14T15:00:00.0000000+00:00')] },
      }],
    },
  },
  {
    description: 'two invoices: Output 000030900 (tracking + 2 events) and Input/return 000030901',
    spec: {
      orderId: '1172452900811-01',
      invoices: [
        {
          invoiceNumber: '000030900', trackingNumber: 'BR987654321BR', courier: 'Correios', trackingUrl: 'https://rastreamento.correios.example/BR987654321BR',
          courierStatus: {
            status: 'ok', finished: false, deliveredDate: null,
            data: [
              ev('Rio de Janeiro', 'RJ', 'Coletado pela transportadora', '2024-02-10T00:00:00.0000000+00:00'),
              ev('São Paulo', 'SP', 'Em trânsito para Belo Horizonte', '2024-02-11T00:00:00.0000000+00:00'),
            ],
          },
        },
        { invoiceNumber: '000030901', type: 'Input' },
      ],
    },
  },
]

// The work queue's seed: 300 invoiced orders spread over every problem, dated relative to
// the moment the sandbox is seeded, so the queue has work on first start. Descriptions are
// the status presets in Portuguese (the local store's shoppers' language).
const QUEUE_COURIERS = ['Correios', 'Jadlog', 'Loggi', 'Total Express']
const PT = {
  pickedUp: 'A transportadora coletou o pacote.',
  inTransit: 'O pacote está a caminho.',
  deliveryAttempted: 'A transportadora tentou entregar o pacote, mas não conseguiu.',
  delayed: 'A entrega está atrasada.',
  exception: 'Houve um problema com a entrega. A transportadora está resolvendo.',
  delivered: 'O pacote foi entregue.',
}
const CITIES: Array<[string, string]> = [['São Paulo', 'SP'], ['Curitiba', 'PR'], ['Belo Horizonte', 'MG'], ['Recife', 'PE']]
export const QUEUE_SEED_SIZE = 300

/** What seeded order `i` is meant to show in the queue (10 kinds, 30 orders each). */
export const QUEUE_SEED_KINDS = [
  'noTrackingNumber', 'noTrackingNumber', 'noEvents', 'stale', 'late', 'exception', 'inTransit', 'inTransit', 'delivered', 'delivered',
] as const

export function queueSeed(now: number, count = QUEUE_SEED_SIZE): SeedOrderSpec[] {
  const day = 86_400_000
  const iso = (t: number) => new Date(t).toISOString().replace(/\.(\d{3})Z$/, '.$10000+00:00')
  const specs: SeedOrderSpec[] = []
  for (let i = 0; i < count; i++) {
    const kind = QUEUE_SEED_KINDS[i % QUEUE_SEED_KINDS.length]
    const orderId = `${1172452910000 + i}-01`
    const courier = QUEUE_COURIERS[i % QUEUE_COURIERS.length]
    const [city, state] = CITIES[i % CITIES.length]
    // Spread over hours and seconds: OMS's List orders pages at most 3,000 orders of one
    // invoicing instant, and real stores do not invoice thousands in the same millisecond.
    const hours = (i % 7) * 3_600_000 + i * 1_000
    const event = (description: string, at: number) => ({ lastChange: iso(at), city, state, description, createDate: iso(at) })
    let invoicedAt = now - 2 * day - hours
    let estimate = now + 5 * day
    let courierStatus: CourierStatus | null = null
    switch (kind) {
      case 'noEvents':
        invoicedAt = now - 4 * day - hours
        break
      case 'stale':
        invoicedAt = now - 14 * day - hours
        estimate = now + 2 * day
        courierStatus = { status: 'ok', finished: false, deliveredDate: null, data: [event(PT.pickedUp, invoicedAt + day), event(PT.inTransit, now - 10 * day - hours)] }
        break
      case 'late':
        invoicedAt = now - 6 * day - hours
        estimate = now - day - hours
        courierStatus = { status: 'ok', finished: false, deliveredDate: null, data: [event(PT.inTransit, now - day - hours)] }
        break
      case 'exception': {
        const last = [PT.deliveryAttempted, PT.delayed, PT.exception][i % 3]
        courierStatus = { status: 'ok', finished: false, deliveredDate: null, data: [event(PT.pickedUp, now - day - hours), event(last, now - 3_600_000 - hours)] }
        break
      }
      case 'inTransit':
        courierStatus = { status: 'ok', finished: false, deliveredDate: null, data: [event(PT.pickedUp, now - day - hours), event(PT.inTransit, now - 3_600_000 - hours)] }
        break
      case 'delivered': {
        const at = now - 3_600_000 - hours
        courierStatus = { status: 'ok', finished: true, deliveredDate: iso(at), data: [event(PT.inTransit, now - day), event(PT.delivered, at)] }
        break
      }
    }
    specs.push({
      orderId,
      creationDate: iso(invoicedAt - day),
      invoicedAt: iso(invoicedAt),
      shippingEstimateDate: iso(estimate),
      invoices: [{
        invoiceNumber: String(40000 + i),
        ...(kind === 'noTrackingNumber' ? {} : { trackingNumber: `QA${String(100000000 + i)}BR`, courier }),
        courierStatus,
      }],
    })
  }
  return specs
}
