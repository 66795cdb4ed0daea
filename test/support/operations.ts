// The GraphQL operations the service tests send, written once.
export const INVOICE_FIELDS = `
  invoiceNumber type courier trackingNumber trackingUrl issuanceDate canReceiveEvents
  isDelivered deliveredDate events { city state description date }`

export const ORDER_TRACKING = `query OrderTracking($orderId: ID!) {
  orderTracking(orderId: $orderId) { orderId invoices { ${INVOICE_FIELDS} } }
}`

export const UPDATE_TRACKING_STATUS = `mutation Update($orderId: ID!, $invoiceNumber: ID!, $input: TrackingStatusInput!, $mode: TrackingWriteMode) {
  updateTrackingStatus(orderId: $orderId, invoiceNumber: $invoiceNumber, input: $input, mode: $mode) {
    receipt date invoice { ${INVOICE_FIELDS} }
  }
}`

export const UPDATE_TRACKING_STATUSES = `mutation Batch($updates: [TrackingUpdateInput!]!, $mode: TrackingWriteMode) {
  updateTrackingStatuses(updates: $updates, mode: $mode) {
    succeeded failed
    results { index orderId invoiceNumber ok receipt eventCount error { code message field fieldErrors { field reason message } } }
  }
}`

export const SET_INVOICE_TRACKING = `mutation SetTracking($orderId: ID!, $invoiceNumber: ID!, $input: InvoiceTrackingInput!) {
  setInvoiceTracking(orderId: $orderId, invoiceNumber: $invoiceNumber, input: $input) {
    receipt date invoice { ${INVOICE_FIELDS} }
  }
}`

/** The seeded order whose invoice has a tracking number and no events yet. */
export const TRACKED = { orderId: '1172452900788-01', invoiceNumber: '000030711' }
/** The seeded order whose invoice has no tracking number. */
export const UNTRACKED = { orderId: 'v501245lspt-01', invoiceNumber: '24382' }

export const event = (description: string, date: string, city = 'São Paulo', state = 'SP') => ({
  city,
  state,
  description,
  date,
})

const validInput = { isDelivered: false, events: [event('Em trânsito', '2026-11-20')] }

/** One valid call of every root field, as an authorized caller would make it. */
export const ROOT_FIELD_CALLS: Record<string, { query: string; variables: Record<string, unknown> }> = {
  orderTracking: { query: ORDER_TRACKING, variables: { orderId: TRACKED.orderId } },
  updateTrackingStatus: { query: UPDATE_TRACKING_STATUS, variables: { ...TRACKED, input: validInput } },
  updateTrackingStatuses: { query: UPDATE_TRACKING_STATUSES, variables: { updates: [{ ...TRACKED, input: validInput }] } },
  setInvoiceTracking: { query: SET_INVOICE_TRACKING, variables: { ...UNTRACKED, input: { trackingNumber: 'BR123456789BR' } } },
  setInvoiceTrackings: {
    query: `mutation SetMany($updates: [InvoiceTrackingUpdateInput!]!) { setInvoiceTrackings(updates: $updates) { succeeded failed } }`,
    variables: { updates: [{ ...UNTRACKED, input: { trackingNumber: 'BR123456789BR' } }] },
  },
  trackingWorkQueue: {
    query: `query Queue($filter: TrackingWorkQueueFilter) { trackingWorkQueue(filter: $filter) { totalCount nodes { orderId } } }`,
    variables: { filter: { problems: ['NO_TRACKING_NUMBER'] } },
  },
  trackingWorkQueueCounts: { query: `{ trackingWorkQueueCounts { problem count } }`, variables: {} },
  trackingIndexRebuild: { query: `{ trackingIndexRebuild { state } }`, variables: {} },
  trackingSettings: { query: `{ trackingSettings { timeZone shopperLanguage } }`, variables: {} },
  trackingWriteAccess: { query: `{ trackingWriteAccess }`, variables: {} },
  rebuildTrackingIndex: {
    query: `mutation Rebuild($from: String!, $to: String!) { rebuildTrackingIndex(invoicedFrom: $from, invoicedTo: $to) { state } }`,
    variables: { from: '2026-11-01', to: '2026-11-02' },
  },
  webhookIntegrations: { query: `{ webhookIntegrations { routes { source url secretSet } unmatchedTrackingNumbers } }`, variables: {} },
  setWebhookSecret: {
    query: `mutation Secret($source: WebhookSource!, $secret: String!) { setWebhookSecret(source: $source, secret: $secret) { route { secretSet } } }`,
    variables: { source: 'GENERIC', secret: 'a-new-generic-secret-1234' },
  },
  replayUnmatchedWebhooks: {
    query: `mutation Replay($n: String!) { replayUnmatchedWebhooks(trackingNumber: $n) { replayed stillUnmatched } }`,
    variables: { n: 'BR123456789BR' },
  },
}
