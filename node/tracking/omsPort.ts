// What the tracking workflows need from OMS. The real client (clients/orderTrackingOms.ts)
// provides it; unit tests hand in a fake. Every method rejects with a TrackingError: OMS's
// failures are translated once, in the client (errors/omsFailure.ts), never at a call site.
import { OmsInvoiceTrackingUpdate, OmsOrder, OmsTrackingUpdate, OmsWriteReceipt } from '../typings/oms'

export interface OmsPort {
  /** The account whose OMS this is: one process serves many accounts. */
  readonly account: string
  getOrder(orderId: string): Promise<OmsOrder>
  putTracking(orderId: string, invoiceNumber: string, body: OmsTrackingUpdate): Promise<OmsWriteReceipt>
  patchInvoiceTracking(orderId: string, invoiceNumber: string, body: OmsInvoiceTrackingUpdate): Promise<OmsWriteReceipt>
}
