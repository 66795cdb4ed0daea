// vtex.orders-broadcast inside IO (node/service.json "events"): an order entered a state
// that matters to shipments (invoiced, canceled). The event says which order, not what
// changed, so the handler reads the order and upserts its invoices. Delivery is at least
// once and may come out of order: re-reading OMS makes every delivery converge on OMS's
// current state, and the index never takes an older state over a newer one. A failure
// answers non-2xx, so the platform delivers again.
import { EventContext } from '@vtex/api'

import { Clients } from '../clients'
import { isValidOrderId } from '../domain'
import { TrackingError } from '../errors/trackingError'
import { indexOrder } from '../trackingIndex/indexer'
import { masterDataIndexStore } from '../trackingIndex/indexStore'
import { keepReconciling } from '../trackingIndex/reconcile'

interface OrderStateEvent {
  domain?: string
  orderId?: unknown
  currentState?: unknown
}

export async function onOrderStateChange(ctx: EventContext<Clients>): Promise<void> {
  const body = (ctx.body ?? {}) as OrderStateEvent
  const logger = ctx.vtex.logger
  if (!isValidOrderId(body.orderId)) {
    // Nothing to read: delivering it again would not help.
    logger.warn({ message: 'order event without a valid orderId', currentState: String(body.currentState ?? '') })
    return
  }
  const deps = { oms: ctx.clients.oms, index: masterDataIndexStore(ctx.clients.trackingIndex) }
  keepReconciling(ctx.vtex.account, deps, logger)
  try {
    await indexOrder(deps, body.orderId)
  } catch (error) {
    if (error instanceof TrackingError && error.extensions.code === 'NOT_FOUND') {
      logger.warn({ message: 'order event for an order OMS does not know', orderId: body.orderId })
      return
    }
    // Logged without the upstream's details; thrown so the runtime answers 500 and the
    // platform retries the delivery.
    logger.warn({
      message: 'order event could not be indexed',
      orderId: body.orderId,
      code: error instanceof TrackingError ? error.extensions.code : 'INTERNAL_SERVER_ERROR',
    })
    throw new Error('order event not indexed; retry')
  }
}
