// An in-memory OMS for unit tests: the PUT replaces the stored event list (the semantics this
// project assumes of OMS), dates are echoed back as OMS does (UTC, seven fractional digits),
// and every call is recorded. Like the real client, it fails only with TrackingErrors: its
// OMS-like answers go through the same translation. Not a test file itself.
import { parseIsoInstant } from '../domain'
import { OmsCallSubject, fromOmsFailure } from '../errors/omsFailure'
import { OmsPort } from '../tracking/omsPort'
import {
  OmsInvoiceTrackingUpdate,
  OmsOrder,
  OmsPackage,
  OmsTrackingUpdate,
  OmsWriteReceipt,
} from '../typings/oms'

export type FakeCall =
  | { method: 'getOrder'; orderId: string }
  | { method: 'putTracking'; orderId: string; invoiceNumber: string; body: OmsTrackingUpdate }
  | { method: 'patchInvoiceTracking'; orderId: string; invoiceNumber: string; body: OmsInvoiceTrackingUpdate }

export interface StoredEvent {
  city: string
  state: string
  description: string
  date: string
}

/** An axios-like failure, as the real client rejects with. */
export const upstreamError = (status: number, data: unknown = {}) =>
  Object.assign(new Error(`Request failed with status code ${status}`), {
    isAxiosError: true,
    response: { status, data },
  })

/** OMS's echo of a date: UTC with seven fractional digits. */
export function omsEcho(date: string): string {
  const at = parseIsoInstant(date.trim(), { allowOmsDeliveredFormat: true })
  if (at === null) return date
  return new Date(at).toISOString().replace(/\.(\d{3})Z$/, '.$10000+00:00')
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value))

export class FakeOms implements OmsPort {
  public readonly account = 'localstore'
  public readonly calls: FakeCall[] = []
  public inFlight = 0
  public maxInFlight = 0
  /** Awaited inside every call while it counts as in flight (to let calls overlap). */
  public latency: () => Promise<void> = async () => undefined
  /** Runs after a PUT is stored: a rival writer's chance to overwrite it. */
  public afterPut?: (orderId: string, invoiceNumber: string) => void
  /** Thrown (once each, in order) by the next PUTs instead of storing them. */
  public putFailures: unknown[] = []
  private readonly orders = new Map<string, OmsOrder>()
  private receipts = 0

  public addInvoice(orderId: string, pkg: Partial<OmsPackage> & { invoiceNumber: string }): this {
    const order = this.orders.get(orderId) ?? { orderId, packageAttachment: { packages: [] } }
    order.packageAttachment!.packages!.push({
      type: 'Output',
      invoiceValue: 1000,
      issuanceDate: '2024-04-30T10:00:00.0000000+00:00',
      courier: 'Correios',
      trackingNumber: 'BR123456789',
      trackingUrl: null,
      courierStatus: null,
      ...pkg,
    })
    this.orders.set(orderId, order)
    return this
  }

  /** Replaces an invoice's stored events directly, as another writer would. */
  public store(orderId: string, invoiceNumber: string, events: StoredEvent[], delivered?: { deliveredDate: string }) {
    const pkg = this.pkg(orderId, invoiceNumber)
    if (!pkg) throw new Error(`fake: no invoice ${orderId}/${invoiceNumber}`)
    pkg.courierStatus = {
      status: 'ok',
      finished: delivered !== undefined,
      deliveredDate: delivered ? omsEcho(delivered.deliveredDate) : null,
      data: events.map(e => ({
        lastChange: '2024-05-01T00:00:00.0000000+00:00',
        city: e.city,
        state: e.state,
        description: e.description,
        createDate: omsEcho(e.date),
      })),
    }
  }

  public events(orderId: string, invoiceNumber: string): StoredEvent[] {
    return (this.pkg(orderId, invoiceNumber)?.courierStatus?.data ?? []).map(d => ({
      city: d.city,
      state: d.state,
      description: d.description,
      date: d.createDate,
    }))
  }

  public courierStatus(orderId: string, invoiceNumber: string) {
    return clone(this.pkg(orderId, invoiceNumber)?.courierStatus ?? null)
  }

  public puts() {
    return this.calls.filter((c): c is Extract<FakeCall, { method: 'putTracking' }> => c.method === 'putTracking')
  }

  public async getOrder(orderId: string): Promise<OmsOrder> {
    return this.track({ method: 'getOrder', orderId }, () => {
      const order = this.orders.get(orderId)
      if (!order) throw upstreamError(404, { error: { code: '1', message: 'Order Not Found' } })
      return clone(order)
    })
  }

  public async putTracking(orderId: string, invoiceNumber: string, body: OmsTrackingUpdate): Promise<OmsWriteReceipt> {
    return this.track({ method: 'putTracking', orderId, invoiceNumber, body: clone(body) }, () => {
      if (this.putFailures.length > 0) throw this.putFailures.shift()
      const pkg = this.pkg(orderId, invoiceNumber)
      if (!this.orders.has(orderId)) throw upstreamError(404, { error: { message: 'Order Not Found' } })
      if (!pkg) throw upstreamError(404, { error: { message: 'Invoice Not Found' } })
      if (!pkg.trackingNumber?.trim()) {
        throw upstreamError(400, { error: { message: 'The invoice has no tracking number' } })
      }
      this.store(
        orderId,
        invoiceNumber,
        body.events,
        body.isDelivered ? { deliveredDate: body.deliveredDate ?? '' } : undefined
      )
      this.afterPut?.(orderId, invoiceNumber)
      return this.receipt(orderId)
    })
  }

  public async patchInvoiceTracking(
    orderId: string,
    invoiceNumber: string,
    body: OmsInvoiceTrackingUpdate
  ): Promise<OmsWriteReceipt> {
    return this.track({ method: 'patchInvoiceTracking', orderId, invoiceNumber, body: clone(body) }, () => {
      const pkg = this.pkg(orderId, invoiceNumber)
      if (!pkg) throw upstreamError(404, { error: { message: 'Invoice Not Found' } })
      Object.assign(pkg, body)
      return this.receipt(orderId)
    })
  }

  private pkg(orderId: string, invoiceNumber: string): OmsPackage | undefined {
    return this.orders.get(orderId)?.packageAttachment?.packages?.find(p => p.invoiceNumber === invoiceNumber)
  }

  private receipt(orderId: string): OmsWriteReceipt {
    this.receipts++
    return { date: '2024-05-01T12:00:00.0000000+00:00', orderId, receipt: `receipt-${this.receipts}` }
  }

  private async track<T>(call: FakeCall, run: () => T): Promise<T> {
    this.calls.push(call)
    this.inFlight++
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight)
    try {
      await this.latency()
      return run()
    } catch (error) {
      throw fromOmsFailure(error, call as OmsCallSubject)
    } finally {
      this.inFlight--
    }
  }
}
