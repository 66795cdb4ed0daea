// The orders-broadcast as IO delivers it: for an order that enters a state, a POST of
// `{domain, orderId, currentState, lastState, currentChangeDate, lastChangeDate}` to the
// Service's `/{account}/{workspace}/_events` with `x-event-handler-id` (the handler named in
// node/service.json whose topics include the state), `x-event-sender: vtex.orders-broadcast`
// and the app's token as `x-vtex-credential`. Delivery is at least once: a non-2xx answer
// (or no answer) is retried with backoff, and by a seeded choice an event is sometimes
// delivered twice, or held back so that a later one overtakes it.
import { mulberry32 } from './faults'

export interface EventSubscriber {
  /** The Service's origin, e.g. http://127.0.0.1:5050. */
  url: string
  workspace?: string
  /** The app's token, as the platform passes it. */
  appToken: string
  /** handler id → topics (states, or `order-status-updated` for every change). */
  handlers: Record<string, string[]>
}

export interface DeliveryConfig {
  seed?: number
  /** Share (0..1) of events delivered twice. */
  duplicateRate?: number
  /** Share (0..1) of events held back by up to `maxHoldMs`, so later ones overtake them. */
  reorderRate?: number
  maxHoldMs?: number
}

export interface OrderEvent {
  domain: 'Marketplace' | 'Fulfillment'
  orderId: string
  currentState: string
  lastState: string
  currentChangeDate: string
  lastChangeDate: string
}

export interface DeliveryRecord {
  handlerId: string
  event: OrderEvent
  attempt: number
  status: number
}

const MAX_ATTEMPTS = 6
const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))

export class OrdersBroadcast {
  private subscriber: EventSubscriber | null = null
  private random: () => number
  private config: Required<DeliveryConfig>
  private readonly inFlight = new Set<Promise<void>>()
  readonly deliveries: DeliveryRecord[] = []

  constructor(config: DeliveryConfig = {}) {
    this.config = { seed: 1, duplicateRate: 0.2, reorderRate: 0.2, maxHoldMs: 300, ...config }
    this.random = mulberry32(this.config.seed)
  }

  subscribe(subscriber: EventSubscriber | null): void {
    this.subscriber = subscriber
  }

  configure(config: DeliveryConfig): void {
    this.config = { ...this.config, ...config }
    this.random = mulberry32(this.config.seed)
  }

  /** Emits the change of one order into `currentState`. Returns at once; delivery runs on. */
  emit(account: string, event: OrderEvent): void {
    const subscriber = this.subscriber
    if (!subscriber) return
    for (const [handlerId, topics] of Object.entries(subscriber.handlers)) {
      if (!topics.includes(event.currentState) && !topics.includes('order-status-updated')) continue
      const copies = this.random() < this.config.duplicateRate ? 2 : 1
      for (let copy = 0; copy < copies; copy++) {
        const hold = this.random() < this.config.reorderRate ? Math.floor(this.random() * this.config.maxHoldMs) : 0
        const delivery = this.deliver(subscriber, account, handlerId, event, hold).finally(() => this.inFlight.delete(delivery))
        this.inFlight.add(delivery)
      }
    }
  }

  /** Resolves when every delivery started so far has ended (delivered or given up). */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight])
  }

  private async deliver(subscriber: EventSubscriber, account: string, handlerId: string, event: OrderEvent, holdMs: number) {
    if (holdMs > 0) await sleep(holdMs)
    const workspace = subscriber.workspace ?? 'master'
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      let status = 0
      try {
        const response = await fetch(`${subscriber.url}/${account}/${workspace}/_events`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-event-handler-id': handlerId,
            'x-event-sender': 'vtex.orders-broadcast',
            'x-event-subject': event.orderId,
            'x-event-key': `${event.orderId}:${event.currentState}`,
            'x-vtex-account': account,
            'x-vtex-workspace': workspace,
            'x-vtex-credential': subscriber.appToken,
          },
          body: JSON.stringify(event),
        })
        status = response.status
        await response.arrayBuffer()
      } catch {
        status = 0
      }
      this.deliveries.push({ handlerId, event, attempt, status })
      if (status >= 200 && status < 300) return
      await sleep(Math.min(2000, 100 * 2 ** (attempt - 1)))
    }
  }
}
