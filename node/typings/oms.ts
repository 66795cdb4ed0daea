// The part of OMS's order (GET /api/oms/pvt/orders/{orderId}) this app reads.

export interface OmsCourierEvent {
  lastChange: string
  city: string
  state: string
  description: string
  createDate: string
}

export interface OmsCourierStatus {
  status: string | null
  finished: boolean
  deliveredDate: string | null
  data: OmsCourierEvent[] | null
}

export interface OmsPackage {
  invoiceNumber: string
  invoiceValue?: number
  issuanceDate?: string | null
  courier?: string | null
  trackingNumber?: string | null
  trackingUrl?: string | null
  type?: string | null
  courierStatus?: OmsCourierStatus | null
}

export interface OmsOrder {
  orderId: string
  packageAttachment?: { packages?: OmsPackage[] | null } | null
}

/** Body of PUT .../invoice/{invoiceNumber}/tracking (UpdateTrackingStatusRequest). */
export interface OmsTrackingUpdate {
  isDelivered: boolean
  deliveredDate: string | null
  events: Array<{ city: string; state: string; description: string; date: string }>
}

/** Body of PATCH .../invoice/{invoiceNumber} (partial invoice: tracking number). */
export interface OmsInvoiceTrackingUpdate {
  trackingNumber: string
  trackingUrl?: string
  courier?: string
  dispatchedDate?: string
}

/** OMS's answer to both writes. */
export interface OmsWriteReceipt {
  date: string
  orderId: string
  receipt: string
}

/** GET /api/oms/pvt/orders (List orders): the fields the rebuild reads. */
export interface OmsOrderList {
  list: Array<{ orderId: string; status?: string }>
  paging: { total: number; pages: number; currentPage: number; perPage: number }
}
