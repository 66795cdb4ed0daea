// One normalized vocabulary for shipment progress (after Shopify's fulfillment event statuses
// and AfterShip's tags). OMS stores free-text descriptions only, so a status is a preset: it
// fills in a description the merchant can edit, and `delivered` also marks the invoice
// delivered. The page shows each with the message `admin/order-tracking.status.<id>`.
export const TRACKING_STATUSES = [
  'labelCreated',
  'pickedUp',
  'inTransit',
  'outForDelivery',
  'deliveryAttempted',
  'readyForPickup',
  'delayed',
  'exception',
  'delivered',
] as const

export type TrackingStatus = (typeof TRACKING_STATUSES)[number]

export const isTrackingStatus = (value: unknown): value is TrackingStatus =>
  typeof value === 'string' && (TRACKING_STATUSES as readonly string[]).includes(value)

/** Statuses that end the shipment: posting one should also set isDelivered. */
export const FINAL_TRACKING_STATUSES: readonly TrackingStatus[] = ['delivered']
