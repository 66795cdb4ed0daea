// The CSV import's sending loop, apart from the panel that shows it: the valid rows go in
// chunks through updateTrackingStatuses (MERGE), one chunk at a time; a chunk holds at most
// LIMITS.batchSize rows and stays under the request body limit (batchesBySize), since 200
// long rows can exceed it.
// Stopping (cancel, or a newer file) takes effect before the next chunk; a chunk already sent
// is always awaited, so no row's result is lost. A chunk whose call fails as a whole stops the
// import: its rows say so, and the rows after it are "not sent".
import {
  CsvRow,
  CsvRowOutcome,
  TrackingBatchItemResult,
  TrackingUpdate,
  batchesBySize,
  outcomeOfBatchResult,
  outcomeOfFailedCall,
  updateJsonBytes,
} from '../domain'
import { ApiErrorCode, apiErrorOf } from './apiErrors'

export interface CsvImportProgress {
  /** By row position in the file; undefined until the row's chunk is answered. */
  outcomes: Array<CsvRowOutcome | undefined>
  sent: number
  total: number
}

export interface CsvImportEnd extends CsvImportProgress {
  /** The error code of the call that stopped the import, if one did. */
  stoppedBy: ApiErrorCode | null
}

export interface CsvImportOptions {
  send(updates: TrackingUpdate[]): Promise<TrackingBatchItemResult[]>
  /** Asked before each chunk. */
  shouldStop(): boolean
  onProgress(progress: CsvImportProgress): void
}

export async function importCsvRows(rows: readonly CsvRow[], options: CsvImportOptions): Promise<CsvImportEnd> {
  const pending = rows.flatMap((row, index) => (row.update ? [{ index, update: row.update }] : []))
  const outcomes: Array<CsvRowOutcome | undefined> = new Array(rows.length)
  const total = pending.length
  let sent = 0
  let stoppedBy: ApiErrorCode | null = null
  options.onProgress({ outcomes: [...outcomes], sent, total })

  for (const chunk of batchesBySize(pending, item => updateJsonBytes(item.update))) {
    if (options.shouldStop()) break
    try {
      const results = await options.send(chunk.map(item => item.update))
      chunk.forEach((item, i) => {
        outcomes[item.index] = outcomeOfBatchResult(results.find(r => r.index === i) ?? results[i])
      })
    } catch (error) {
      const code = apiErrorOf(error).code
      stoppedBy = code
      chunk.forEach(item => {
        outcomes[item.index] = outcomeOfFailedCall(code)
      })
    }
    sent += chunk.length
    if (stoppedBy) break
    options.onProgress({ outcomes: [...outcomes], sent, total })
  }

  for (const item of pending) if (!outcomes[item.index]) outcomes[item.index] = { status: 'notSent' }
  return { outcomes, sent, total, stoppedBy }
}
