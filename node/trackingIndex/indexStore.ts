// What the index logic needs from Master Data; the real one wraps the client, tests may fake it.
import { TrackingIndexClient } from '../clients/trackingIndex'
import { DOCUMENT_FIELDS, TrackingIndexDocument } from './document'

export interface IndexSearch {
  where?: string
  sort?: string
  /** Zero-based position of the first document; at most 100 per call. */
  offset: number
  limit: number
}

export interface IndexStore {
  get(id: string): Promise<TrackingIndexDocument | undefined>
  put(doc: TrackingIndexDocument): Promise<void>
  remove(id: string): Promise<void>
  search(query: IndexSearch): Promise<{ total: number; documents: TrackingIndexDocument[] }>
}

const statusOf = (error: unknown) => (error as { response?: { status?: number } } | null)?.response?.status

export function masterDataIndexStore(client: InstanceType<typeof TrackingIndexClient>): IndexStore {
  return {
    async get(id) {
      try {
        return (await client.get(id, ['_all'])) as unknown as TrackingIndexDocument
      } catch (error) {
        if (statusOf(error) === 404) return undefined
        throw error
      }
    },
    async put(doc) {
      // PATCH /documents/{id} with every field: creates the document or replaces its fields.
      const { id, ...fields } = doc
      await client.update(id, fields)
    },
    async remove(id) {
      try {
        await client.delete(id)
      } catch (error) {
        if (statusOf(error) !== 404) throw error
      }
    },
    async search({ where, sort, offset, limit }) {
      // REST-Range pages are (page - 1) * pageSize ... ; an offset that is not a multiple of
      // the limit reads from the page start and drops the head.
      const page = Math.floor(offset / limit) + 1
      const skip = offset - (page - 1) * limit
      const result = await client.searchRaw({ page, pageSize: limit }, DOCUMENT_FIELDS as string[], sort, where)
      return {
        total: result.pagination.total,
        documents: (result.data as unknown as TrackingIndexDocument[]).slice(skip),
      }
    },
  }
}
