// Bulk tracking updates from a CSV file: read and check every row with the service's rules,
// send the valid ones (csvImportRun.ts), and report each row's result, on screen and as a CSV
// file. Cancel stops before the next chunk.
import React, { useEffect, useRef, useState } from 'react'
import { useApolloClient, useMutation } from 'react-apollo'
import { useIntl } from 'react-intl'
import { Alert, Button } from 'vtex.styleguide'

import {
  CSV_COLUMNS,
  CsvRowOutcome,
  LIMITS,
  TrackingBatchItemResult,
  csvResultsTable,
  csvSample,
  toCsv,
} from '../../domain'
import UPDATE_TRACKING_STATUSES from '../../graphql/updateTrackingStatuses.gql'
import { ApiErrorCode } from '../apiErrors'
import { downloadCsv } from '../csvDownload'
import { CsvFileRows, CsvRefusal, readCsvFile } from '../csvFile'
import { importCsvRows } from '../csvImportRun'
import { useCsvConventions } from '../csvLocale'
import { focusWhenShown, useAnnounce } from '../liveRegion'
import { ERROR_MESSAGE_IDS } from '../messageIds'
import { WriteAccessNote, useWriteAccess } from '../writeAccess'
import CsvRowsTable from './CsvRowsTable'

interface BatchData {
  // null when the call as a whole was refused (its error says why)
  updateTrackingStatuses: { results: TrackingBatchItemResult[]; succeeded: number; failed: number } | null
}

type Run =
  | { phase: 'preview' }
  | { phase: 'running'; sent: number; total: number; cancelling: boolean }
  | { phase: 'done'; cancelled: boolean; stoppedBy: ApiErrorCode | null }

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string; rows: number }
  | { kind: 'refused'; fileName: string; refusal: CsvRefusal }
  | { kind: 'loaded'; fileName: string; file: CsvFileRows; outcomes: Array<CsvRowOutcome | undefined>; run: Run }

const MEGABYTE = 1024 * 1024
const INPUT_ID = 'order-tracking-csv-file'
// The progress, then the result summary: where focus goes when an import starts and ends.
const STATUS_ID = 'order-tracking-csv-status'

const resultsFileName = (fileName: string) => `${fileName.replace(/\.csv$/i, '') || 'tracking'}-results.csv`

const CsvImportPanel: React.FC = () => {
  const intl = useIntl()
  const client = useApolloClient()
  const [send] = useMutation<BatchData>(UPDATE_TRACKING_STATUSES)
  const [stage, setStage] = useState<Stage>({ kind: 'idle' })
  const conventions = useCsvConventions()
  const announce = useAnnounce()
  const { canWrite } = useWriteAccess()
  // Which file choice is current: a newer choice (or unmounting) makes older reads stale.
  const generation = useRef(0)
  const cancelRequested = useRef(false)
  const mounted = useRef(true)
  useEffect(
    () => () => {
      mounted.current = false
      generation.current += 1
    },
    []
  )

  const limits = { maxMegabytes: LIMITS.csvMaxBytes / MEGABYTE, maxRows: LIMITS.csvMaxRows }

  const chooseFile = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0]
    // Emptied once read, so choosing the same file again (after fixing it, or to import it
    // again) is a change too; the table names the file.
    event.target.value = ''
    const mine = ++generation.current
    if (!chosen) {
      setStage({ kind: 'idle' })
      return
    }
    const fileName = chosen.name
    setStage({ kind: 'reading', fileName, rows: 0 })
    const dates = await conventions.dateReading()
    const result = await readCsvFile(chosen, {
      now: Date.now(),
      dates,
      isStale: () => generation.current !== mine,
      onProgress: rows => {
        if (generation.current === mine) setStage({ kind: 'reading', fileName, rows })
      },
    })
    if (generation.current !== mine) return
    setStage(
      result.ok
        ? { kind: 'loaded', fileName, file: result.file, outcomes: [], run: { phase: 'preview' } }
        : { kind: 'refused', fileName, refusal: result.refusal }
    )
  }

  const runImport = async () => {
    if (stage.kind !== 'loaded' || stage.run.phase !== 'preview') return
    if (!canWrite) return
    const mine = generation.current
    cancelRequested.current = false
    // The Import button gives way to Cancel: focus follows the work, to its progress.
    focusWhenShown(STATUS_ID)
    announce(intl.formatMessage({ id: 'admin/order-tracking.announce.importStarted' }, { total: stage.file.rows.filter(r => r.update !== null).length }))
    const show = (outcomes: Array<CsvRowOutcome | undefined>, run: Run) => {
      if (generation.current !== mine) return
      setStage(current => (current.kind === 'loaded' ? { ...current, outcomes, run } : current))
    }
    const end = await importCsvRows(stage.file.rows, {
      send: async updates => {
        const { data } = await send({ variables: { updates, mode: 'MERGE' } })
        return data?.updateTrackingStatuses?.results ?? []
      },
      shouldStop: () => cancelRequested.current || generation.current !== mine,
      onProgress: ({ outcomes, sent, total }) =>
        show(outcomes, { phase: 'running', sent, total, cancelling: cancelRequested.current }),
    })
    const cancelled = cancelRequested.current && end.sent < end.total
    show(end.outcomes, { phase: 'done', cancelled, stoppedBy: end.stoppedBy })
    if (generation.current === mine) {
      focusWhenShown(STATUS_ID)
      announce(
        intl.formatMessage(
          { id: cancelled ? 'admin/order-tracking.csv.cancelled' : 'admin/order-tracking.csv.done' },
          {
            ok: end.outcomes.filter(o => o?.status === 'ok').length,
            failed: end.outcomes.filter(o => o?.status === 'error').length,
            notSent: end.outcomes.filter(o => o?.status === 'notSent').length,
          }
        )
      )
    }
    // An order open above may show an invoice this import changed.
    if (mounted.current && end.outcomes.some(o => o?.status === 'ok')) client.reFetchObservableQueries()
  }

  const cancel = () => {
    cancelRequested.current = true
    setStage(current =>
      current.kind === 'loaded' && current.run.phase === 'running'
        ? { ...current, run: { ...current.run, cancelling: true } }
        : current
    )
  }

  const running = stage.kind === 'loaded' && stage.run.phase === 'running'

  const refusalText = (refusal: CsvRefusal) => {
    switch (refusal.reason) {
      case 'tooLarge':
        return intl.formatMessage({ id: 'admin/order-tracking.csv.refused.tooLarge' }, limits)
      case 'tooManyRows':
        return intl.formatMessage({ id: 'admin/order-tracking.csv.refused.tooManyRows' }, limits)
      case 'empty':
        return intl.formatMessage({ id: 'admin/order-tracking.csv.refused.empty' })
      case 'noRows':
        return intl.formatMessage({ id: 'admin/order-tracking.csv.refused.noRows' })
      case 'missingColumns':
        return intl.formatMessage({ id: 'admin/order-tracking.csv.refused.missingColumns' }, { columns: refusal.columns.join(', ') })
      case 'duplicatedColumns':
        return intl.formatMessage({ id: 'admin/order-tracking.csv.refused.duplicatedColumns' }, { columns: refusal.columns.join(', ') })
      default:
        return intl.formatMessage({ id: 'admin/order-tracking.csv.refused.unreadable' })
    }
  }

  return (
    <section aria-labelledby="order-tracking-csv-title">
      <h2 id="order-tracking-csv-title" className="t-heading-4 mt0 mb3">
        {intl.formatMessage({ id: 'admin/order-tracking.csv.title' })}
      </h2>
      <p className="t-body mt0 mb3">
        {intl.formatMessage({ id: 'admin/order-tracking.csv.intro' }, { columns: CSV_COLUMNS.join(', ') })}
      </p>
      <p className="t-small c-muted-1 mt0 mb4">
        {intl.formatMessage({ id: 'admin/order-tracking.csv.format' }, limits)}
      </p>

      <div className="flex flex-wrap items-end mb4">
        <div className="mr5 mb3">
          <label htmlFor={INPUT_ID} className="db t-small mb2">
            {intl.formatMessage({ id: 'admin/order-tracking.csv.file' })}
          </label>
          <input
            id={INPUT_ID}
            type="file"
            accept=".csv,text/csv"
            disabled={running || !canWrite}
            onChange={chooseFile}
          />
          <WriteAccessNote />
        </div>
        <div className="mb3">
          <Button variation="tertiary" size="small" onClick={() => downloadCsv('order-tracking-sample.csv', csvSample(conventions.separator))}>
            {intl.formatMessage({ id: 'admin/order-tracking.csv.sample' })}
          </Button>
        </div>
      </div>

      {/* A status, but not live: the page's one live region (useAnnounce) says its results once,
          and the progress is read here on demand, where focus goes. */}
      <div id={STATUS_ID} tabIndex={-1} role="status" aria-live="off">
        {stage.kind === 'reading' && (
          <p className="t-body">{intl.formatMessage({ id: 'admin/order-tracking.csv.reading' }, { rows: stage.rows })}</p>
        )}
        {stage.kind === 'loaded' && stage.run.phase === 'running' && (
          <p className="t-body">
            {intl.formatMessage(
              { id: stage.run.cancelling ? 'admin/order-tracking.csv.cancelling' : 'admin/order-tracking.csv.progress.text' },
              { sent: stage.run.sent, total: stage.run.total }
            )}
          </p>
        )}
        {stage.kind === 'loaded' && stage.run.phase === 'done' && (
          <p className="t-body b">
            {intl.formatMessage(
              { id: stage.run.cancelled ? 'admin/order-tracking.csv.cancelled' : 'admin/order-tracking.csv.done' },
              {
                ok: stage.outcomes.filter(o => o?.status === 'ok').length,
                failed: stage.outcomes.filter(o => o?.status === 'error').length,
                notSent: stage.outcomes.filter(o => o?.status === 'notSent').length,
              }
            )}
          </p>
        )}
      </div>

      {stage.kind === 'refused' && (
        <div className="mb4">
          <Alert type="error">{refusalText(stage.refusal)}</Alert>
        </div>
      )}

      {stage.kind === 'loaded' && (
        <>
          {stage.file.encoding === 'windows-1252' && (
            <div className="mb4">
              <Alert type="warning">{intl.formatMessage({ id: 'admin/order-tracking.csv.encoding' })}</Alert>
            </div>
          )}
          {stage.file.header.ignored.length > 0 && (
            <p className="t-small c-muted-1 mt0 mb3">
              {intl.formatMessage(
                { id: 'admin/order-tracking.csv.ignoredColumns' },
                { columns: stage.file.header.ignored.join(', ') }
              )}
            </p>
          )}
          <p className="t-small c-muted-1 mt0 mb3">
            {intl.formatMessage({ id: 'admin/order-tracking.csv.dates' }, { timeZone: stage.file.dates.timeZone })}
          </p>
          <p className="t-body mt0 mb4">
            {intl.formatMessage(
              { id: 'admin/order-tracking.csv.summary' },
              {
                total: stage.file.rows.length,
                valid: stage.file.rows.filter(r => r.update !== null).length,
                invalid: stage.file.rows.filter(r => r.update === null).length,
              }
            )}
          </p>

          {stage.run.phase === 'done' && stage.run.stoppedBy && (
            <div className="mb4">
              <Alert type="error">
                {intl.formatMessage({ id: ERROR_MESSAGE_IDS[stage.run.stoppedBy] })}{' '}
                {intl.formatMessage({ id: 'admin/order-tracking.csv.stopped' })}
              </Alert>
            </div>
          )}

          {stage.run.phase === 'running' && (
            <div className="mb4">
              <progress
                className="w-100"
                max={stage.run.total}
                value={stage.run.sent}
                aria-label={intl.formatMessage({ id: 'admin/order-tracking.csv.progress' })}
              />
            </div>
          )}

          <div className="flex flex-wrap mb4">
            {stage.run.phase === 'preview' && (
              <span className="mr3">
                <Button
                  variation="primary"
                  onClick={runImport}
                  disabled={!canWrite || stage.file.rows.every(r => r.update === null)}
                >
                  {intl.formatMessage({ id: 'admin/order-tracking.csv.import' })}
                </Button>
              </span>
            )}
            {stage.run.phase === 'running' && (
              <span className="mr3">
                <Button variation="danger-tertiary" onClick={cancel} disabled={stage.run.cancelling}>
                  {intl.formatMessage({ id: 'admin/order-tracking.csv.cancel' })}
                </Button>
              </span>
            )}
            {stage.run.phase === 'done' && (
              <Button
                variation="secondary"
                onClick={() =>
                  downloadCsv(
                    resultsFileName(stage.fileName),
                    toCsv(csvResultsTable(stage.file.rows, stage.outcomes, conventions.resultTexts), conventions.separator)
                  )
                }
              >
                {intl.formatMessage({ id: 'admin/order-tracking.csv.downloadResults' })}
              </Button>
            )}
          </div>

          <CsvRowsTable fileName={stage.fileName} rows={stage.file.rows} outcomes={stage.outcomes} />
        </>
      )}
    </section>
  )
}

export default CsvImportPanel
