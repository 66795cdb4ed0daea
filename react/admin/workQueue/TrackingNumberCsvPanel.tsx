// Set or correct tracking numbers from a CSV (orderId, invoiceNumber, trackingNumber,
// trackingUrl, courier), as the events import does it: every row checked in the page with
// the API's rules, a preview, the valid rows sent 200 at a time through setInvoiceTrackings
// with progress and a cancel button, and the per-row results as a downloadable CSV.
import Papa from 'papaparse'
import React, { useCallback, useRef, useState } from 'react'
import { useApolloClient, useMutation } from 'react-apollo'
import { useIntl } from 'react-intl'
import { Alert, Button } from 'vtex.styleguide'

import {
  TrackingBatchItemResult,
  LIMITS,
  TRACKING_NUMBER_CSV_COLUMNS,
  TrackingNumberCsvRow,
  TrackingNumberRowOutcome,
  csvSeparatorOfText,
  readTrackingNumberCsvHeader,
  trackingNumberCsvRow,
  trackingNumberCsvSample,
  trackingNumberResultsCsv,
} from '../../domain'
import SET_INVOICE_TRACKINGS from '../../graphql/setInvoiceTrackings.gql'
import { ApiErrorCode, apiErrorOf } from '../apiErrors'
import { downloadCsv } from '../csvDownload'
import { readText } from '../csvFile'
import PagedRows, { PageRow, RowList, RowTable } from '../components/PagedRows'
import { TONE_CLASSES } from '../components/StatusBadge'
import { useCsvConventions } from '../csvLocale'
import { focusWhenShown, useAnnounce } from '../liveRegion'
import { ERROR_MESSAGE_IDS, FIELD_ERROR_MESSAGE_IDS } from '../messageIds'
import { WriteAccessNote, useWriteAccess } from '../writeAccess'

interface BatchData {
  setInvoiceTrackings: { results: TrackingBatchItemResult[]; succeeded: number; failed: number }
}

type Stage =
  | { kind: 'idle' }
  | { kind: 'refused'; reason: 'tooLarge' | 'empty' | 'missingColumns' | 'tooManyRows'; columns?: string }
  | {
      kind: 'loaded'
      fileName: string
      rows: TrackingNumberCsvRow[]
      outcomes: Array<TrackingNumberRowOutcome | undefined>
      phase: 'preview' | 'running' | 'done'
      sent: number
      total: number
      cancelled: boolean
      stoppedBy: ApiErrorCode | null
    }

const REFUSED_IDS = {
  tooLarge: 'admin/order-tracking.trackingCsv.refused.tooLarge',
  empty: 'admin/order-tracking.trackingCsv.refused.empty',
  missingColumns: 'admin/order-tracking.trackingCsv.refused.missingColumns',
  tooManyRows: 'admin/order-tracking.trackingCsv.refused.tooManyRows',
}
const COLUMN_IDS = [
  'admin/order-tracking.trackingCsv.column.row',
  'admin/order-tracking.trackingCsv.column.orderId',
  'admin/order-tracking.trackingCsv.column.invoiceNumber',
  'admin/order-tracking.trackingCsv.column.trackingNumber',
  'admin/order-tracking.trackingCsv.column.result',
]

const INPUT_ID = 'order-tracking-tracking-number-csv'
// The summary, then progress and result: where focus goes when an import starts and ends.
const STATUS_ID = 'order-tracking-tracking-csv-status'
const CAPTION_ID = 'order-tracking-tracking-csv-rows-caption'
const NO_OUTCOMES: Array<TrackingNumberRowOutcome | undefined> = []

const TrackingNumberCsvPanel: React.FC = () => {
  const intl = useIntl()
  const client = useApolloClient()
  const [send] = useMutation<BatchData>(SET_INVOICE_TRACKINGS)
  const [stage, setStage] = useState<Stage>({ kind: 'idle' })
  const announce = useAnnounce()
  const { canWrite } = useWriteAccess()
  const cancelRequested = useRef(false)
  const conventions = useCsvConventions()

  const chooseFile = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return setStage({ kind: 'idle' })
    if (file.size > LIMITS.csvMaxBytes) return setStage({ kind: 'refused', reason: 'tooLarge' })
    // An unreadable file reads as empty, and is refused as such.
    const text = await readText(file, 'utf-8').catch(() => '')
    const records = await new Promise<string[][]>(resolve =>
      Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimiter: csvSeparatorOfText(text), complete: results => resolve(results.data), error: () => resolve([]) })
    )
    if (records.length < 2) return setStage({ kind: 'refused', reason: 'empty' })
    if (records.length - 1 > LIMITS.csvMaxRows) return setStage({ kind: 'refused', reason: 'tooManyRows' })
    const header = readTrackingNumberCsvHeader(records[0])
    if (header.missing.length || header.duplicated.length) {
      return setStage({ kind: 'refused', reason: 'missingColumns', columns: [...header.missing, ...header.duplicated].join(', ') })
    }
    const now = Date.now()
    const rows = records.slice(1).map((cells, i) => trackingNumberCsvRow(cells, header, i + 2, now))
    setStage({ kind: 'loaded', fileName: file.name, rows, outcomes: [], phase: 'preview', sent: 0, total: 0, cancelled: false, stoppedBy: null })
  }

  const runImport = async () => {
    if (stage.kind !== 'loaded' || stage.phase !== 'preview' || !canWrite) return
    const pending = stage.rows.flatMap((row, index) => (row.update ? [{ index, update: row.update }] : []))
    const outcomes: Array<TrackingNumberRowOutcome | undefined> = new Array(stage.rows.length)
    cancelRequested.current = false
    let sent = 0
    let stoppedBy: ApiErrorCode | null = null
    const show = (phase: 'running' | 'done') =>
      setStage(current =>
        current.kind === 'loaded'
          ? { ...current, outcomes: [...outcomes], phase, sent, total: pending.length, cancelled: cancelRequested.current && sent < pending.length, stoppedBy }
          : current
      )
    show('running')
    // The Import button gives way to Cancel: focus follows the work, to its progress.
    focusWhenShown(STATUS_ID)
    announce(intl.formatMessage({ id: 'admin/order-tracking.announce.importStarted' }, { total: pending.length }))
    for (let start = 0; start < pending.length; start += LIMITS.batchSize) {
      if (cancelRequested.current) break
      const chunk = pending.slice(start, start + LIMITS.batchSize)
      try {
        const { data } = await send({ variables: { updates: chunk.map(item => item.update) } })
        const results = data?.setInvoiceTrackings.results ?? []
        chunk.forEach((item, i) => {
          const result = results.find(r => r.index === i)
          outcomes[item.index] = result?.ok
            ? { status: 'ok', receipt: result.receipt ?? null }
            : { status: 'error', code: result?.error?.code ?? 'INTERNAL_SERVER_ERROR', message: result?.error?.message ?? '' }
        })
      } catch (error) {
        stoppedBy = apiErrorOf(error).code
        chunk.forEach(item => (outcomes[item.index] = { status: 'error', code: stoppedBy as string, message: '' }))
      }
      sent += chunk.length
      if (stoppedBy) break
      show('running')
    }
    show('done')
    focusWhenShown(STATUS_ID)
    const ok = outcomes.filter(o => o?.status === 'ok').length
    const failed = outcomes.filter(o => o?.status === 'error').length
    const cancelled = cancelRequested.current && sent < pending.length
    announce(intl.formatMessage({ id: cancelled ? 'admin/order-tracking.trackingCsv.cancelled' : 'admin/order-tracking.trackingCsv.done' }, { ok, failed }))
    // The queue and any open order show the new numbers.
    if (outcomes.some(o => o?.status === 'ok')) client.reFetchObservableQueries()
  }

  const rowText = (row: TrackingNumberCsvRow, outcome: TrackingNumberRowOutcome | undefined) => {
    if (row.update === null) {
      return row.problems
        .map(p => `${p.column ?? ''}: ${intl.formatMessage({ id: FIELD_ERROR_MESSAGE_IDS[p.reason] })}`)
        .join(' ')
    }
    if (!outcome) return intl.formatMessage({ id: 'admin/order-tracking.trackingCsv.row.ready' })
    if (outcome.status === 'ok') return intl.formatMessage({ id: 'admin/order-tracking.trackingCsv.row.ok' })
    if (outcome.status === 'error') {
      const id = ERROR_MESSAGE_IDS[outcome.code as ApiErrorCode] ?? ERROR_MESSAGE_IDS.INTERNAL_SERVER_ERROR
      return intl.formatMessage({ id })
    }
    return intl.formatMessage({ id: 'admin/order-tracking.trackingCsv.row.notSent' })
  }

  const outcomes = stage.kind === 'loaded' ? stage.outcomes : NO_OUTCOMES
  const problem = useCallback(
    (row: TrackingNumberCsvRow, index: number) => row.update === null || outcomes[index]?.status === 'error',
    [outcomes]
  )
  const result = (row: TrackingNumberCsvRow, index: number) =>
    problem(row, index) ? (
      <span className={`dib br2 ph2 pv1 ${TONE_CLASSES.danger}`}>{rowText(row, outcomes[index])}</span>
    ) : (
      rowText(row, outcomes[index])
    )
  const caption = stage.kind === 'loaded' ? intl.formatMessage({ id: 'admin/order-tracking.trackingCsv.preview' }, { fileName: stage.fileName }) : ''
  const column = (i: number) => intl.formatMessage({ id: COLUMN_IDS[i] })

  const rowTable = (pageRows: Array<PageRow<TrackingNumberCsvRow>>) => (
    <RowTable captionId={CAPTION_ID} caption={caption} tableClassName="w-100 t-small">
      <thead>
        <tr>
          {COLUMN_IDS.map((id, i) => (
            <th key={id} scope="col" className="tl pa2 bb b--muted-4">
              {column(i)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {pageRows.map(({ row, index }) => (
          <tr key={row.rowNumber}>
            <td className="pa2">{row.rowNumber}</td>
            <td className="pa2">{row.values.orderId}</td>
            <td className="pa2">{row.values.invoiceNumber}</td>
            <td className="pa2">{row.values.trackingNumber}</td>
            <td className="pa2">{result(row, index)}</td>
          </tr>
        ))}
      </tbody>
    </RowTable>
  )

  // On a phone each row is a block: its number, then each column's name beside its value.
  const rowList = (pageRows: Array<PageRow<TrackingNumberCsvRow>>) => (
    <RowList headingId={CAPTION_ID} heading={caption} rowLabel={column(0)} pageRows={pageRows}>
      {({ row, index }) => (
        <>
          {[1, 2, 3].map(i => (
            <div key={i} className="mb1">
              <dt className="di c-muted-1 mr2">{column(i)}</dt>{' '}
              <dd className="di ma0">{i === 1 ? row.values.orderId : i === 2 ? row.values.invoiceNumber : row.values.trackingNumber}</dd>
            </div>
          ))}
          <div>
            <dt className="clip">{column(4)}</dt>
            <dd className="ma0">{result(row, index)}</dd>
          </div>
        </>
      )}
    </RowList>
  )

  return (
    <section aria-labelledby="order-tracking-tracking-csv-title" className="mt6">
      <h3 id="order-tracking-tracking-csv-title" className="t-heading-5 mt0 mb3">
        {intl.formatMessage({ id: 'admin/order-tracking.trackingCsv.title' })}
      </h3>
      <p className="t-small c-muted-1 mt0 mb3">
        {intl.formatMessage({ id: 'admin/order-tracking.trackingCsv.intro' }, { columns: TRACKING_NUMBER_CSV_COLUMNS.join(', ') })}
      </p>
      <div className="flex flex-wrap items-end mb4">
        <div className="mr5 mb3">
          <label htmlFor={INPUT_ID} className="db t-small mb2">
            {intl.formatMessage({ id: 'admin/order-tracking.trackingCsv.file' })}
          </label>
          <input id={INPUT_ID} type="file" accept=".csv,text/csv" disabled={!canWrite || (stage.kind === 'loaded' && stage.phase === 'running')} onChange={chooseFile} />
          <WriteAccessNote />
        </div>
        <div className="mb3">
          <Button variation="tertiary" size="small" onClick={() => downloadCsv('tracking-numbers-sample.csv', trackingNumberCsvSample(conventions.separator))}>
            {intl.formatMessage({ id: 'admin/order-tracking.trackingCsv.sample' })}
          </Button>
        </div>
      </div>

      {stage.kind === 'refused' && (
        <div className="mb4">
          <Alert type="error">
            {intl.formatMessage(
              { id: REFUSED_IDS[stage.reason] },
              { columns: stage.columns ?? '', maxRows: LIMITS.csvMaxRows, maxMegabytes: LIMITS.csvMaxBytes / 1024 / 1024 }
            )}
          </Alert>
        </div>
      )}

      {stage.kind === 'loaded' && (
        <>
          {/* A status, but not live: the page's one live region (useAnnounce) says its results. */}
          <div id={STATUS_ID} tabIndex={-1} role="status" aria-live="off" className="mb3">
            {stage.phase === 'preview' &&
              intl.formatMessage(
                { id: 'admin/order-tracking.trackingCsv.summary' },
                { total: stage.rows.length, valid: stage.rows.filter(r => r.update).length, invalid: stage.rows.filter(r => !r.update).length }
              )}
            {stage.phase === 'running' &&
              intl.formatMessage({ id: 'admin/order-tracking.trackingCsv.progress' }, { sent: stage.sent, total: stage.total })}
            {stage.phase === 'done' &&
              intl.formatMessage(
                { id: stage.cancelled ? 'admin/order-tracking.trackingCsv.cancelled' : 'admin/order-tracking.trackingCsv.done' },
                {
                  ok: stage.outcomes.filter(o => o?.status === 'ok').length,
                  failed: stage.outcomes.filter(o => o?.status === 'error').length,
                }
              )}
          </div>
          {stage.phase === 'running' && (
            <progress className="w-100 mb3" max={stage.total} value={stage.sent} aria-label={intl.formatMessage({ id: 'admin/order-tracking.trackingCsv.progressLabel' })} />
          )}
          {stage.phase === 'done' && stage.stoppedBy && (
            <div className="mb3">
              <Alert type="error">{intl.formatMessage({ id: ERROR_MESSAGE_IDS[stage.stoppedBy] })}</Alert>
            </div>
          )}
          <div className="flex flex-wrap mb4">
            {stage.phase === 'preview' && (
              <Button variation="primary" size="small" onClick={runImport} disabled={!canWrite || stage.rows.every(r => !r.update)}>
                {intl.formatMessage({ id: 'admin/order-tracking.trackingCsv.import' })}
              </Button>
            )}
            {stage.phase === 'running' && (
              <Button variation="danger-tertiary" size="small" onClick={() => (cancelRequested.current = true)}>
                {intl.formatMessage({ id: 'admin/order-tracking.trackingCsv.cancel' })}
              </Button>
            )}
            {stage.phase === 'done' && (
              <Button
                variation="secondary"
                size="small"
                onClick={() =>
                  downloadCsv(`${stage.fileName.replace(/\.csv$/i, '') || 'tracking-numbers'}-results.csv`, trackingNumberResultsCsv(stage.rows, stage.outcomes, conventions.separator, conventions.trackingNumberResultTexts))
                }
              >
                {intl.formatMessage({ id: 'admin/order-tracking.trackingCsv.downloadResults' })}
              </Button>
            )}
          </div>
          <PagedRows rows={stage.rows} hasProblem={problem}>
            {(pageRows: Array<PageRow<TrackingNumberCsvRow>>, narrow: boolean) => (narrow ? rowList(pageRows) : rowTable(pageRows))}
          </PagedRows>
        </>
      )}
    </section>
  )
}

export default TrackingNumberCsvPanel
