// OMS, as this app calls it: @vtex/clients' OMS plus the two tracking writes it lacks.
// Every call goes with the app's own token (ctx.authToken), under a metric name, with path
// segments encoded (the identifiers were validated before, this is the second lock), through
// the one retry policy of upstream/retryPolicy.ts, and fails only with a TrackingError: what
// OMS answered is translated here (errors/omsFailure.ts) and goes no further.
import { InstanceOptions, IOContext } from '@vtex/api'
import { OMS } from '@vtex/clients'

import {
  OmsInvoiceTrackingUpdate,
  OmsOrder,
  OmsOrderList,
  OmsTrackingUpdate,
  OmsWriteReceipt,
} from '../typings/oms'
import { OmsCallSubject, fromOmsFailure } from '../errors/omsFailure'
import { RateLimitGate } from '../upstream/rateLimitGate'
import { RetryOptions, withRetry } from '../upstream/retryPolicy'

// encodeURIComponent leaves "." alone, so "", "." and ".." would still be empty or dot
// segments that a router normalizes away (orders/../invoice): those are refused outright.
const segment = (value: string) => {
  if (value === '' || value === '.' || value === '..') {
    throw new Error('An OMS path segment must not be empty, "." or "..".')
  }
  return encodeURIComponent(value)
}

const routes = {
  orders: '/api/oms/pvt/orders',
  order: (orderId: string) => `/api/oms/pvt/orders/${segment(orderId)}`,
  invoice: (orderId: string, invoiceNumber: string) =>
    `/api/oms/pvt/orders/${segment(orderId)}/invoice/${segment(invoiceNumber)}`,
  tracking: (orderId: string, invoiceNumber: string) =>
    `/api/oms/pvt/orders/${segment(orderId)}/invoice/${segment(invoiceNumber)}/tracking`,
}

// OMS rate-limits per account; clients live one request each, the gate for the whole process.
const rateLimitGates = new Map<string, RateLimitGate>()
const gateFor = (account: string) => {
  let gate = rateLimitGates.get(account)
  if (!gate) rateLimitGates.set(account, (gate = new RateLimitGate()))
  return gate
}

export class OrderTrackingOms extends OMS {
  /** Replaced in tests to run the policy on a fake clock. */
  public retryOptions: RetryOptions

  constructor(ctx: IOContext, options?: InstanceOptions) {
    super(ctx, {
      ...options,
      // One retry policy (ours), not two stacked: the HTTP client's own retries stay off.
      retries: 0,
      // Reads after a write must see the write: no per-request memoization of GETs.
      memoizable: false,
      headers: {
        ...options?.headers,
        Accept: 'application/json',
        'Content-Type': 'application/json',
        VtexIdclientAutCookie: ctx.authToken,
      },
    })
    this.retryOptions = { gate: gateFor(ctx.account) }
  }

  public get account(): string {
    return this.context.account
  }

  public getOrder(orderId: string): Promise<OmsOrder> {
    return this.call({ orderId }, () => this.http.get<OmsOrder>(routes.order(orderId), { metric: 'oms-tracking-get-order' }))
  }

  /** OMS's List orders: one page of invoiced orders invoiced within [from, to] (ISO). */
  public listInvoicedOrders(from: string, to: string, page: number, perPage: number): Promise<OmsOrderList> {
    return withRetry(
      () =>
        this.http.get<OmsOrderList>(routes.orders, {
          metric: 'oms-tracking-list-orders',
          params: { f_status: 'invoiced', f_invoicedDate: `invoicedDate:[${from} TO ${to}]`, page, per_page: perPage },
        }),
      this.retryOptions
    )
  }

  public putTracking(orderId: string, invoiceNumber: string, body: OmsTrackingUpdate): Promise<OmsWriteReceipt> {
    return this.call({ orderId, invoiceNumber }, () =>
      this.http.put<OmsWriteReceipt>(routes.tracking(orderId, invoiceNumber), body, { metric: 'oms-tracking-put-events' })
    )
  }

  public patchInvoiceTracking(
    orderId: string,
    invoiceNumber: string,
    body: OmsInvoiceTrackingUpdate
  ): Promise<OmsWriteReceipt> {
    return this.call({ orderId, invoiceNumber }, () =>
      this.http.patch<OmsWriteReceipt>(routes.invoice(orderId, invoiceNumber), body, { metric: 'oms-tracking-patch-invoice' })
    )
  }

  private async call<T>(subject: OmsCallSubject, request: () => Promise<T>): Promise<T> {
    try {
      return await withRetry(request, this.retryOptions)
    } catch (error) {
      throw fromOmsFailure(error, subject)
    }
  }
}
