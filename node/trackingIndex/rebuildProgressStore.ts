// Where the latest rebuild's progress is kept: one Master Data document, so that the replica
// a progress query lands on need not be the one running the walk.
import { RebuildProgress } from './rebuild'

export const LATEST_REBUILD_ID = 'latest'

/** The stored form: RebuildProgress with the run's id as runId and the time it last wrote. */
export type StoredRebuildProgress = Omit<RebuildProgress, 'id'> & { runId: string; heartbeatAt: string }

export interface RebuildProgressStore {
  read(): Promise<StoredRebuildProgress | undefined>
  write(progress: StoredRebuildProgress): Promise<void>
}

interface DocumentClient {
  read(id: string): Promise<StoredRebuildProgress>
  write(id: string, fields: StoredRebuildProgress): Promise<unknown>
}

const statusOf = (error: unknown) => (error as { response?: { status?: number } } | null)?.response?.status

export function masterDataRebuildProgressStore(client: DocumentClient): RebuildProgressStore {
  return {
    async read() {
      try {
        return await client.read(LATEST_REBUILD_ID)
      } catch (error) {
        if (statusOf(error) === 404) return undefined
        throw error
      }
    },
    async write(progress) {
      // PATCH with every field: creates the document or replaces its fields.
      await client.write(LATEST_REBUILD_ID, progress)
    },
  }
}
