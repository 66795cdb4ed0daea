// An invoice's tracking state as the API answers it (graphql/types/tracking.graphql): what the
// service builds from OMS's order and what the admin page reads.
import { TrackingEvent } from './trackingEvent'

export interface InvoiceTracking {
  invoiceNumber: string
  /** Null in a REPLACE's answer, which is built from what was sent, not read from OMS. */
  type: 'OUTPUT' | 'INPUT' | null
  courier: string | null
  trackingNumber: string | null
  trackingUrl: string | null
  issuanceDate: string | null
  /** OMS refuses tracking events until the invoice has a tracking number. */
  canReceiveEvents: boolean
  isDelivered: boolean
  /** ISO 8601 in UTC. */
  deliveredDate: string | null
  /** Oldest first; dates ISO 8601 in UTC. */
  events: TrackingEvent[]
  /** The latest event's status (a TrackingEventStatus value), which the API resolves from the events. */
  status?: string | null
}
