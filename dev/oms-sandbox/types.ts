// Shapes shared by the sandbox modules. The order shapes are the subset of the
// OMS order document (GET /api/oms/pvt/orders/{orderId}) the app relies on.

export interface CourierStatusEntry {
  lastChange: string
  city: string
  state: string
  description: string
  createDate: string
}

export interface CourierStatus {
  status: 'ok' | null
  finished: boolean
  deliveredDate: string | null
  data: CourierStatusEntry[]
}

export interface PackageItem {
  itemIndex: number
  quantity: number
  price: number
  description: string | null
  unitMultiplier: number
}

export type InvoiceType = 'Output' | 'Input'

export interface OmsPackage {
  invoiceNumber: string
  invoiceValue: number
  invoiceUrl: string | null
  invoiceKey: string | null
  issuanceDate: string
  courier: string | null
  trackingNumber: string | null
  trackingUrl: string | null
  dispatchedDate: string | null
  type: InvoiceType
  items: PackageItem[]
  courierStatus: CourierStatus | null
}

export interface OmsItem {
  uniqueId: string
  id: string
  productId: string
  refId: string
  name: string
  quantity: number
  seller: string
  price: number
  listPrice: number
  sellingPrice: number
}

export type DeliveryChannel = 'delivery' | 'pickup-in-point'

export interface LogisticsInfo {
  itemIndex: number
  selectedSla: string
  selectedDeliveryChannel: DeliveryChannel
  deliveryChannel: DeliveryChannel
  deliveryCompany: string
  shippingEstimate: string
  shippingEstimateDate: string
  pickupPointId: string | null
  pickupStoreInfo: {
    isPickupStore: boolean
    friendlyName: string | null
    address: { city: string; state: string; street: string; number: string; postalCode: string; country: string } | null
  }
}

export interface OmsOrder {
  orderId: string
  sequence: string
  hostname: string
  origin: 'Marketplace' | 'Fulfillment'
  salesChannel: string
  status: string
  statusDescription: string
  value: number
  creationDate: string
  lastChange: string
  items: OmsItem[]
  shippingData: {
    id: 'shippingData'
    address: { receiverName: string; city: string; state: string; postalCode: string; country: string; street: string; number: string }
    logisticsInfo: LogisticsInfo[]
  }
  packageAttachment: { packages: OmsPackage[] }
}

/** Input of addOrders / POST /_sandbox/orders. Only orderId and invoices are required. */
export interface SeedInvoiceSpec {
  invoiceNumber: string
  trackingNumber?: string | null
  courier?: string | null
  trackingUrl?: string | null
  type?: InvoiceType
  /** Optional pre-existing tracking (used by the demo seed). */
  courierStatus?: CourierStatus | null
}

export interface SeedOrderSpec {
  orderId: string
  account?: string
  invoices: SeedInvoiceSpec[]
  deliveryChannel?: DeliveryChannel
  creationDate?: string
  /** When the invoices were issued (ISO); default: two days after creation. */
  invoicedAt?: string
  /** The shipping estimate (ISO); default: six days after creation. */
  shippingEstimateDate?: string
}

export interface FaultConfig {
  /** PRNG seed, so that a run with the same seed and request order repeats. */
  seed?: number
  /** Requests admitted per account per one-second window; over it → 429. */
  rateLimitPerSecond?: number
  /** Value of the Retry-After header on 429 (seconds, default 1). */
  retryAfterSeconds?: number
  /** Share (0..1) of requests answered 500 or 503. */
  errorRate?: number
  /** Added delay, fixed or uniform in [min, max]. */
  latencyMs?: number | { min: number; max: number }
  /** Share (0..1) of requests whose socket is destroyed without an answer. */
  dropRate?: number
  /**
   * Reads that lag writes: an order GET answers the order as it was up to this many ms ago
   * (the lag is drawn in [0, staleReadMs]), for staleReadShare of the reads. Writes are kept.
   */
  staleReadMs?: number
  /** Share (0..1) of order GETs that lag (default 1 when staleReadMs is set). */
  staleReadShare?: number
}

export type FaultKind = 'rate-limit' | 'error' | 'drop'

export interface JournalEntry {
  at: string
  method: string
  host: string
  /** Raw path as received (no scheme/host, no query string). */
  path: string
  /** Query parameters; authToken is replaced by its fingerprint. */
  query: Record<string, string>
  /** HTTP status answered; 0 when the socket was dropped on purpose. */
  status: number
  body: unknown
  /** Fingerprint (tok_xxxxxxxx) of the credential used, or null. */
  auth: string | null
  fault?: FaultKind
  /** An order GET answered with the order as it was this many ms ago (staleReadMs). */
  staleByMs?: number
}
