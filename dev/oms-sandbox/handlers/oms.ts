// OMS: read an order, set an invoice's tracking number (PATCH), replace its
// tracking events (PUT .../tracking). Reproduces the failures VTEX lists as known
// issues (space in invoice number → 500; unknown invoice → "Invoice Not Found").
import { randomBytes } from 'crypto'
import { authorizeOms, type OmsAccess } from '../auth'
import { omsDate, parseDeliveredDate, parseEventDate } from '../omsDate'
import { omsError, parseJson, type Handler, type HandlerContext, type Reply } from '../reply'
import type { CourierStatusEntry, OmsOrder, OmsPackage } from '../types'

export const MAX_DESCRIPTION = 5000

function auth(ctx: HandlerContext, need: OmsAccess): Reply | null {
  const r = authorizeOms(ctx.req, ctx.account, need)
  ctx.auth = r.fp
  return 'reply' in r ? r.reply : null
}

const orderNotFound = (): Reply => omsError(404, 'OMS001', 'Order not found')

export const getOrder: Handler = (ctx) => {
  const denied = auth(ctx, 'read')
  if (denied) return denied
  const current = ctx.store.get(ctx.account, ctx.params[0])
  if (!current) return orderNotFound()
  // A lagging read (faults staleReadMs) answers an older version; the journal says by how much.
  const lagMs = ctx.faults.readLag()
  const order = ctx.store.getAsOf(ctx.account, ctx.params[0], lagMs)
  if (order !== current) ctx.staleByMs = lagMs
  return { status: 200, body: order }
}

/** Shared precondition chain of the two invoice writes. */
function findInvoice(ctx: HandlerContext): { order: OmsOrder; pkg: OmsPackage } | Reply {
  const [orderId, invoiceNumber] = ctx.params
  const order = ctx.store.get(ctx.account, orderId)
  if (!order) return orderNotFound()
  const pkg = order.packageAttachment.packages.find((p) => p.invoiceNumber === invoiceNumber)
  if (!pkg) return omsError(404, '1', 'Invoice Not Found')
  return { order, pkg }
}

function receipt(orderId: string, date: string): Reply {
  return { status: 200, body: { date, orderId, receipt: randomBytes(16).toString('hex') } }
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)
const bad = (message: string): Reply => omsError(400, '1', message)
const serverError = (): Reply => omsError(500, '1', 'An error has occurred')

type Validated<T> = { ok: true; value: T } | { ok: false; reply: Reply }

interface TrackingBody {
  isDelivered: boolean
  deliveredDate: string | null
  events: Array<{ city: string; state: string; description: string; createDate: string }>
}

function validateTracking(text: string): Validated<TrackingBody> {
  const j = parseJson(text)
  if (!j.ok || !isObj(j.value)) return { ok: false, reply: bad('Request body must be a JSON object') }
  const b = j.value
  for (const k of ['isDelivered', 'deliveredDate', 'events']) {
    if (!(k in b)) return { ok: false, reply: bad(`The field ${k} is required`) }
  }
  if (typeof b.isDelivered !== 'boolean') return { ok: false, reply: bad('isDelivered must be a boolean') }
  let deliveredDate: string | null = null
  if (b.deliveredDate !== null) {
    if (typeof b.deliveredDate !== 'string') return { ok: false, reply: bad('deliveredDate must be a string or null') }
    deliveredDate = parseDeliveredDate(b.deliveredDate)
    if (!deliveredDate) return { ok: false, reply: bad(`deliveredDate "${b.deliveredDate}" is not a valid date; expected "yyyy-mm-dd hh:mm" or ISO 8601 with offset`) }
  }
  if (!Array.isArray(b.events)) return { ok: false, reply: bad('events must be an array') }
  const events: TrackingBody['events'] = []
  for (let i = 0; i < b.events.length; i++) {
    const e: unknown = b.events[i]
    if (!isObj(e)) return { ok: false, reply: bad(`events[${i}] must be an object`) }
    for (const k of ['city', 'state', 'description', 'date']) {
      if (typeof e[k] !== 'string') return { ok: false, reply: bad(`events[${i}].${k} is required and must be a string`) }
    }
    const description = e.description as string
    // OMS documents "characters"; counted as code points, so an emoji is one character, as in domain/.
    if (description.length > MAX_DESCRIPTION && [...description].length > MAX_DESCRIPTION) return { ok: false, reply: bad(`events[${i}].description exceeds ${MAX_DESCRIPTION} characters`) }
    const createDate = parseEventDate(e.date as string)
    if (!createDate) return { ok: false, reply: bad(`events[${i}].date "${String(e.date)}" is not a valid date; expected yyyy-mm-dd or ISO 8601 with offset`) }
    events.push({ city: e.city as string, state: e.state as string, description, createDate })
  }
  return { ok: true, value: { isDelivered: b.isDelivered, deliveredDate: b.isDelivered ? deliveredDate : null, events } }
}

/** PUT .../invoice/{invoiceNumber}/tracking — REPLACES the stored events. */
export const putTracking: Handler = (ctx) => {
  const denied = auth(ctx, 'write')
  if (denied) return denied
  if (/\s/.test(ctx.params[1])) return serverError()
  const v = validateTracking(ctx.bodyText)
  if (!v.ok) return v.reply
  const found = findInvoice(ctx)
  if ('status' in found) return found
  const { order, pkg } = found
  if (!pkg.trackingNumber?.trim()) {
    return bad(`Invoice ${pkg.invoiceNumber} has no tracking number; set it first with PATCH /api/oms/pvt/orders/${order.orderId}/invoice/${pkg.invoiceNumber}`)
  }
  ctx.store.beforeChange(ctx.account, order, ctx.faults.historyMs())
  const now = omsDate()
  const data: CourierStatusEntry[] = v.value.events.map((e) => ({
    lastChange: now, city: e.city, state: e.state, description: e.description, createDate: e.createDate,
  }))
  pkg.courierStatus = { status: 'ok', finished: v.value.isDelivered, deliveredDate: v.value.deliveredDate, data }
  order.lastChange = now
  ctx.store.changed()
  return receipt(order.orderId, now)
}

/** PATCH .../invoice/{invoiceNumber} — sets trackingNumber (and url, courier, dispatchedDate). */
export const patchInvoice: Handler = (ctx) => {
  const denied = auth(ctx, 'write')
  if (denied) return denied
  if (/\s/.test(ctx.params[1])) return serverError()
  const j = parseJson(ctx.bodyText)
  if (!j.ok || !isObj(j.value)) return bad('Request body must be a JSON object')
  const b = j.value
  if (typeof b.trackingNumber !== 'string' || !b.trackingNumber.trim()) return bad('trackingNumber is required and must be a non-empty string')
  for (const k of ['trackingUrl', 'courier', 'dispatchedDate']) {
    if (b[k] !== undefined && b[k] !== null && typeof b[k] !== 'string') return bad(`${k} must be a string`)
  }
  let dispatchedDate: string | null = null
  if (typeof b.dispatchedDate === 'string' && b.dispatchedDate) {
    dispatchedDate = parseEventDate(b.dispatchedDate) ?? parseDeliveredDate(b.dispatchedDate)
    if (!dispatchedDate) return bad(`dispatchedDate "${b.dispatchedDate}" is not a valid date`)
  }
  const found = findInvoice(ctx)
  if ('status' in found) return found
  const { order, pkg } = found
  ctx.store.beforeChange(ctx.account, order, ctx.faults.historyMs())
  pkg.trackingNumber = b.trackingNumber
  if (typeof b.trackingUrl === 'string') pkg.trackingUrl = b.trackingUrl
  if (typeof b.courier === 'string') pkg.courier = b.courier
  if (dispatchedDate) pkg.dispatchedDate = dispatchedDate
  const now = omsDate()
  order.lastChange = now
  ctx.store.changed()
  return receipt(order.orderId, now)
}
