// OMS List orders (GET /api/oms/pvt/orders): the filters the app uses — f_status,
// f_invoicedDate=invoicedDate:[from TO to] — with VTEX's paging: per_page up to 100 (15 by
// default), at most 30 pages per query. Items carry no package or tracking data, as in OMS.
import { authorizeOms } from '../auth'
import { omsError, type Handler } from '../reply'
import type { OmsOrder } from '../types'

export const MAX_PER_PAGE = 100
export const MAX_PAGES = 30

const RANGE = /^invoicedDate:\[(\S+) TO (\S+)\]$/

/** When the order was invoiced: its first Output invoice's issuance. */
export function invoicedDateOf(order: OmsOrder): string | null {
  const dates = order.packageAttachment.packages.filter(p => p.type === 'Output').map(p => p.issuanceDate).sort()
  return dates[0] ?? null
}

export const listOrders: Handler = ctx => {
  const access = authorizeOms(ctx.req, ctx.account, 'read')
  ctx.auth = access.fp
  if ('reply' in access) return access.reply
  const q = ctx.parsed.query
  const perPage = q.per_page === undefined ? 15 : Number(q.per_page)
  const page = q.page === undefined ? 1 : Number(q.page)
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
    return omsError(400, '1', `per_page must be between 1 and ${MAX_PER_PAGE}`)
  }
  if (!Number.isInteger(page) || page < 1 || page > MAX_PAGES) {
    return omsError(400, '1', `page must be between 1 and ${MAX_PAGES}: narrow the filters to reach further orders`)
  }
  let from = -Infinity
  let to = Infinity
  if (q.f_invoicedDate) {
    const m = RANGE.exec(q.f_invoicedDate.trim())
    const a = m ? Date.parse(m[1]) : NaN
    const b = m ? Date.parse(m[2]) : NaN
    if (!m || Number.isNaN(a) || Number.isNaN(b)) return omsError(400, '1', 'f_invoicedDate must be invoicedDate:[from TO to]')
    from = a
    to = b
  }
  const statuses = q.f_status ? q.f_status.split(',').map(s => s.trim()) : null
  const matching: Array<{ order: OmsOrder; invoicedAt: number }> = []
  for (const order of ctx.store.list(ctx.account)) {
    if (statuses && !statuses.includes(order.status)) continue
    const invoiced = invoicedDateOf(order)
    const invoicedAt = invoiced ? Date.parse(invoiced) : NaN
    if (q.f_invoicedDate && !(invoicedAt >= from && invoicedAt <= to)) continue
    matching.push({ order, invoicedAt })
  }
  matching.sort((a, b) => b.order.creationDate.localeCompare(a.order.creationDate) || a.order.orderId.localeCompare(b.order.orderId))
  const total = matching.length
  const list = matching.slice((page - 1) * perPage, page * perPage).map(({ order }) => ({
    orderId: order.orderId,
    creationDate: order.creationDate,
    clientName: order.shippingData.address.receiverName,
    items: null,
    totalValue: order.value,
    paymentNames: 'Boleto Bancário',
    status: order.status,
    statusDescription: order.statusDescription,
    marketPlaceOrderId: null,
    sequence: order.sequence,
    salesChannel: order.salesChannel,
    affiliateId: '',
    origin: order.origin,
    workflowInErrorState: false,
    workflowInRetry: false,
    lastMessageUnread: null,
    ShippingEstimatedDate: order.shippingData.logisticsInfo[0]?.shippingEstimateDate ?? null,
    ShippingEstimatedDateMax: null,
    ShippingEstimatedDateMin: null,
    orderIsComplete: true,
    listId: null,
    listType: null,
    authorizedDate: order.creationDate,
    callCenterOperatorName: null,
    totalItems: order.items.length,
    currencyCode: 'BRL',
  }))
  return {
    status: 200,
    body: {
      list,
      facets: [],
      paging: { total, pages: Math.ceil(total / perPage), currentPage: page, perPage },
      stats: { stats: { totalValue: { Count: total }, totalItems: { Count: total } } },
    },
  }
}
