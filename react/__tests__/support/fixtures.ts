// API answers shaped like the service's, with the __typename fields Apollo's cache expects.
import { InvoiceTracking, TrackingEvent } from '../../domain'

export const event = (e: TrackingEvent & { status?: string | null }) => ({ __typename: 'TrackingEvent', status: null, ...e })

export const invoice = (overrides: Partial<InvoiceTracking> = {}) => ({
  __typename: 'InvoiceTracking',
  invoiceNumber: '000030711',
  type: 'OUTPUT',
  courier: 'Transportadora Rápida',
  trackingNumber: 'BR123456789',
  trackingUrl: 'https://tracking.example/BR123456789',
  issuanceDate: '2024-02-10T20:09:43.899Z',
  canReceiveEvents: true,
  isDelivered: false,
  deliveredDate: null,
  status: null,
  ...overrides,
  events: (overrides.events ?? []).map(event),
})

export const orderTracking = (orderId: string, invoices: Array<ReturnType<typeof invoice>>) => ({
  data: { orderTracking: { __typename: 'OrderTracking', orderId, invoices } },
})

export const invoicePayload = (
  field: 'updateTrackingStatus' | 'setInvoiceTracking',
  inv: ReturnType<typeof invoice>
) => ({
  data: {
    [field]: {
      __typename: field === 'setInvoiceTracking' ? 'InvoiceTrackingPayload' : 'TrackingUpdatePayload',
      receipt: 'receipt-1',
      invoice: inv,
    },
  },
})
