// The webhook delivery log (Master Data v2, entity `deliveries`, next to the tracking index):
// one document per webhook that passed its signature check, with its outcome. Kept
// RETENTION_DAYS: each process prunes older documents of an account at most once an hour.
import { DeliveryLogClient } from '../clients/deliveryLog'

// REPLAYED: an UNMATCHED delivery whose content was written later by replayUnmatchedWebhooks.
export type DeliveryOutcome = 'WRITTEN' | 'UNCHANGED' | 'UNMATCHED' | 'REFUSED' | 'FAILED' | 'REPLAYED'

export interface DeliveryDocument {
  id: string
  receivedAt: string
  source: string
  trackingNumber: string | null
  orderId: string | null
  invoiceNumber: string | null
  outcome: DeliveryOutcome
  eventsAdded: number
  /** Our error code when the outcome is REFUSED or FAILED. */
  code: string | null
  /** An UNMATCHED delivery's parsed content (JSON of ParsedWebhook), kept for its replay. */
  webhook?: string | null
}

export const DELIVERY_FIELDS: Array<keyof DeliveryDocument> = [
  'id', 'receivedAt', 'source', 'trackingNumber', 'orderId', 'invoiceNumber', 'outcome', 'eventsAdded', 'code',
]

export const RETENTION_DAYS = 30
const PRUNE_EVERY_MS = 60 * 60 * 1000

export interface DeliveryLog {
  record(doc: Omit<DeliveryDocument, 'id'>): Promise<void>
  search(where: string | undefined, limit: number): Promise<DeliveryDocument[]>
  /** An account's UNMATCHED deliveries of one tracking number, oldest first, with their content. */
  unmatched(trackingNumber: string, limit: number): Promise<DeliveryDocument[]>
  setOutcome(id: string, outcome: DeliveryOutcome): Promise<void>
}

let sequence = 0
const newId = (at: number) => `${at.toString(36)}-${process.pid.toString(36)}-${(++sequence).toString(36)}-${Math.random().toString(36).slice(2, 8)}`

export function masterDataDeliveryLog(client: DeliveryLogClient): DeliveryLog {
  return {
    async record(doc) {
      const { ...fields } = doc
      await client.updateDelivery(newId(Date.parse(doc.receivedAt)), fields)
    },
    async search(where, limit) {
      const result = await client.searchDeliveries({ page: 1, pageSize: limit }, DELIVERY_FIELDS as string[], 'receivedAt DESC', where)
      return result.data as unknown as DeliveryDocument[]
    },
    async unmatched(trackingNumber, limit) {
      // The number passed isTrackingNumberLike (letters, digits, . _ -): safe inside the quotes.
      const where = `outcome=UNMATCHED AND trackingNumber="${trackingNumber}"`
      const result = await client.searchDeliveries({ page: 1, pageSize: limit }, [...DELIVERY_FIELDS, 'webhook'] as string[], 'receivedAt ASC', where)
      return result.data as unknown as DeliveryDocument[]
    },
    async setOutcome(id, outcome) {
      await client.updateDelivery(id, { outcome } as Omit<DeliveryDocument, 'id'>)
    },
  }
}

const lastPrune = new Map<string, number>()

/** Removes documents past the retention, a page at a time, at most once an hour per account. */
export async function pruneDeliveryLog(
  account: string,
  client: DeliveryLogClient,
  now = Date.now()
): Promise<number> {
  if (now - (lastPrune.get(account) ?? 0) < PRUNE_EVERY_MS) return 0
  lastPrune.set(account, now)
  const cutoff = new Date(now - RETENTION_DAYS * 24 * 60 * 60 * 1000).toISOString()
  const old = await client.searchDeliveries({ page: 1, pageSize: 100 }, ['id'], 'receivedAt ASC', `receivedAt<${cutoff}`)
  await Promise.all((old.data as Array<{ id: string }>).map(d => client.deleteDelivery(d.id)))
  return old.data.length
}
