// What the bench sends: GraphQL calls to the Service (as the IO router makes them, see
// dev/io-runtime/graphqlClient.ts) and the same OMS calls straight to the sandbox.
import { LOCAL_ACCOUNT, LOCAL_WORKSPACE } from '../dev/io-runtime/environment'
import { graphqlPath } from '../dev/io-runtime/graphqlClient'
import { UPDATE_TRACKING_STATUS, UPDATE_TRACKING_STATUSES } from '../test/support/operations'
import { HttpAnswer, request, requestJson } from './http'

export interface BenchEvent {
  city: string
  state: string
  description: string
  date: string
}

/** The Admin user of the local stack; the sandbox grants it "Notify invoice". */
const USER_TOKEN = 'local-admin'
/** What the IO router passes as x-vtex-credential: the app's own token, used for OMS calls. */
const APP_TOKEN = 'local-app-token'

export function graphql(baseUrl: string, query: string, variables: Record<string, unknown>, timeoutMs = 30_000): Promise<HttpAnswer> {
  return request(`${baseUrl}${graphqlPath()}`, {
    method: 'POST',
    timeoutMs,
    headers: {
      'content-type': 'application/json',
      'x-vtex-account': LOCAL_ACCOUNT,
      'x-vtex-workspace': LOCAL_WORKSPACE,
      'x-vtex-credential': APP_TOKEN,
      cookie: `VtexIdclientAutCookie=${USER_TOKEN}`,
    },
    body: JSON.stringify({ query, variables }),
  })
}

export const updateTrackingStatus = (
  baseUrl: string,
  orderId: string,
  invoiceNumber: string,
  events: BenchEvent[],
  mode: 'MERGE' | 'REPLACE'
) => graphql(baseUrl, UPDATE_TRACKING_STATUS, { orderId, invoiceNumber, input: { isDelivered: false, events }, mode })

/** The bench-only root field that calls nothing (benchService.ts): the runtime floor. */
export const benchFloor = (baseUrl: string) => graphql(baseUrl, 'query Floor { benchFloor }', {})

export const updateTrackingStatuses = (
  baseUrl: string,
  updates: Array<{ orderId: string; invoiceNumber: string; input: { isDelivered: boolean; events: BenchEvent[] } }>,
  timeoutMs: number
) => graphql(baseUrl, UPDATE_TRACKING_STATUSES, { updates, mode: 'MERGE' }, timeoutMs)

// Straight to the sandbox, plain form, with the app token the Service would use.
const omsHeaders = { 'content-type': 'application/json', accept: 'application/json', VtexIdclientAutCookie: APP_TOKEN }
const orderUrl = (sandboxUrl: string, orderId: string) => `${sandboxUrl}/api/oms/pvt/orders/${encodeURIComponent(orderId)}`

export const directPut = (sandboxUrl: string, orderId: string, invoiceNumber: string, events: BenchEvent[]) =>
  request(`${orderUrl(sandboxUrl, orderId)}/invoice/${encodeURIComponent(invoiceNumber)}/tracking`, {
    method: 'PUT',
    headers: omsHeaders,
    body: JSON.stringify({ isDelivered: false, deliveredDate: null, events }),
    timeoutMs: 10_000,
  })

export const directGet = (sandboxUrl: string, orderId: string) =>
  request(orderUrl(sandboxUrl, orderId), { headers: omsHeaders, timeoutMs: 10_000 })

/**
 * A client-side MERGE without the Service, with the OMS requests a MERGE needs: read the
 * order, write the list plus the event, read the order back (the verify).
 */
export async function directGetPutGet(sandboxUrl: string, orderId: string, invoiceNumber: string, events: BenchEvent[]): Promise<HttpAnswer> {
  const read = await directGet(sandboxUrl, orderId)
  if (read.status !== 200) return read
  const order = JSON.parse(read.text)
  const pkg = order.packageAttachment.packages.find((p: { invoiceNumber: string }) => p.invoiceNumber === invoiceNumber)
  const stored: BenchEvent[] = (pkg?.courierStatus?.data ?? []).map((e: { city: string; state: string; description: string; createDate: string }) => ({
    city: e.city,
    state: e.state,
    description: e.description,
    date: e.createDate,
  }))
  const written = await directPut(sandboxUrl, orderId, invoiceNumber, [...stored, ...events])
  if (written.status !== 200) return written
  const verify = await directGet(sandboxUrl, orderId)
  return verify.status === 200 ? written : verify
}

// Sandbox control endpoints (never faulted, never journaled).
export interface SeedOrder {
  orderId: string
  invoices: Array<{ invoiceNumber: string; trackingNumber: string; courier: string }>
}

export async function addOrders(sandboxUrl: string, orders: SeedOrder[]): Promise<void> {
  for (let i = 0; i < orders.length; i += 500) {
    await requestJson(`${sandboxUrl}/_sandbox/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orders: orders.slice(i, i + 500) }),
    })
  }
}

export const setFaults = (sandboxUrl: string, faults: Record<string, unknown>) =>
  requestJson(`${sandboxUrl}/_sandbox/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) })

export interface StoredInvoice {
  invoiceNumber: string
  courierStatus: { data: Array<{ description: string; createDate: string }> } | null
}

export const readOrderRaw = (sandboxUrl: string, orderId: string) =>
  requestJson<{ packageAttachment: { packages: StoredInvoice[] } }>(`${sandboxUrl}/_sandbox/orders/${encodeURIComponent(orderId)}`)

/** Bench orders: `<group>-<n>` with `invoicesPerOrder` invoices `<group>-<n>-<k>`, each with a tracking number. */
export function benchOrders(group: string, count: number, invoicesPerOrder = 1): SeedOrder[] {
  return Array.from({ length: count }, (_, n) => ({
    orderId: `${group}-${n}`,
    invoices: Array.from({ length: invoicesPerOrder }, (_, k) => ({
      invoiceNumber: `${group}-${n}-${k}`,
      trackingNumber: `TN${group}${n}${k}`,
      courier: 'Bench Carrier',
    })),
  }))
}

const BASE_DATE = Date.UTC(2025, 0, 1)
/** A distinct, valid event: the description names it, so a read-back can find it. */
export const benchEvent = (description: string, minute: number): BenchEvent => ({
  city: 'São Paulo',
  state: 'SP',
  description,
  date: new Date(BASE_DATE + minute * 60_000).toISOString().replace('.000Z', 'Z'),
})
