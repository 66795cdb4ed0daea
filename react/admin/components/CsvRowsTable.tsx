// The rows of an imported CSV file, a page at a time (a 10,000-row table would take seconds
// to render, and 100 rows on a phone made a 26,000-pixel page): what each row will send, its
// problems by column, and once sent, its result; filterable to the rows with problems.
// A table where it fits; on a narrow screen a list of rows, one under the other, so nothing
// needs a sideways scroll. Cells from the file are rendered as text, never as markup.
import React, { useEffect, useMemo, useState } from 'react'
import { useIntl } from 'react-intl'
import { Button } from 'vtex.styleguide'

import { CsvRow, CsvRowOutcome, CsvRowProblem } from '../../domain'
import { ApiErrorCode } from '../apiErrors'
import { ERROR_MESSAGE_IDS, FIELD_ERROR_MESSAGE_IDS } from '../messageIds'
import { TONE_CLASSES } from './StatusBadge'

export const CSV_ROWS_PER_PAGE = 25
/** Up to this width the rows are a list: a table's five columns need about 640 px. */
export const CSV_LIST_MAX_WIDTH = '(max-width: 40em)'
const COLUMN_IDS = {
  row: 'admin/order-tracking.csv.table.row',
  order: 'admin/order-tracking.csv.table.order',
  invoice: 'admin/order-tracking.csv.table.invoice',
  event: 'admin/order-tracking.csv.table.event',
  status: 'admin/order-tracking.csv.table.status',
}
const CAPTION_ID = 'order-tracking-csv-rows-caption'

interface Props {
  fileName: string
  rows: readonly CsvRow[]
  outcomes: ReadonlyArray<CsvRowOutcome | undefined>
}

const hasProblem = (row: CsvRow, outcome: CsvRowOutcome | undefined) => row.update === null || outcome?.status === 'error'

/** The localized text of a problem, after its column when it has one. */
export function useCsvProblemText(): (problem: CsvRowProblem) => string {
  const intl = useIntl()
  return problem => {
    let text: string
    if (problem.reason === 'EXTRA_CELLS') text = intl.formatMessage({ id: 'admin/order-tracking.csv.problem.extraCells' })
    else if (problem.reason === 'MALFORMED') text = intl.formatMessage({ id: 'admin/order-tracking.csv.problem.malformed' })
    else if (problem.column === 'isDelivered' && problem.reason === 'INVALID_FORMAT') {
      text = intl.formatMessage({ id: 'admin/order-tracking.csv.problem.isDelivered' })
    } else text = intl.formatMessage({ id: FIELD_ERROR_MESSAGE_IDS[problem.reason] })
    return problem.column
      ? intl.formatMessage({ id: 'admin/order-tracking.csv.problem' }, { column: problem.column, text })
      : text
  }
}

/** A date as it will be stored (ISO 8601 with its offset), after what the file said when that differs. */
const StoredDate: React.FC<{ written: string; stored: string }> = ({ written, stored }) => {
  const intl = useIntl()
  if (written === stored) return <bdi>{stored}</bdi>
  return (
    <bdi>
      {intl.formatMessage({ id: 'admin/order-tracking.csv.table.dateAsStored' }, { written, stored })}
    </bdi>
  )
}

const Problems: React.FC<{ problems: readonly CsvRowProblem[] }> = ({ problems }) => {
  const problemText = useCsvProblemText()
  return (
    <ul className="list pl0 mt1 mb0">
      {problems.map((problem, i) => (
        <li key={i}>{problemText(problem)}</li>
      ))}
    </ul>
  )
}

/** An outcome in the tone of the styleguide's Alert: dark text on the tone's faded colour. */
const Outcome: React.FC<{ tone: 'success' | 'danger' }> = ({ tone, children }) => (
  <div>
    <span className={`dib br2 ph2 pv1 ${TONE_CLASSES[tone]}`}>{children}</span>
  </div>
)

const RowStatus: React.FC<{ row: CsvRow; outcome: CsvRowOutcome | undefined }> = ({ row, outcome }) => {
  const intl = useIntl()
  if (row.update === null) {
    return (
      <>
        <Outcome tone="danger">{intl.formatMessage({ id: 'admin/order-tracking.csv.status.invalid' })}</Outcome>
        <Problems problems={row.problems} />
      </>
    )
  }
  if (!outcome) return <span>{intl.formatMessage({ id: 'admin/order-tracking.csv.status.ready' })}</span>
  switch (outcome.status) {
    case 'ok':
      return (
        <Outcome tone="success">
          {outcome.eventCount === null
            ? intl.formatMessage({ id: 'admin/order-tracking.csv.status.ok' })
            : intl.formatMessage({ id: 'admin/order-tracking.csv.status.okWithCount' }, { eventCount: outcome.eventCount })}
        </Outcome>
      )
    case 'error': {
      const known = ERROR_MESSAGE_IDS[outcome.code as ApiErrorCode]
      return (
        <>
          <Outcome tone="danger">
            {intl.formatMessage(
              { id: 'admin/order-tracking.csv.status.error' },
              { code: outcome.code, message: known ? intl.formatMessage({ id: known }) : outcome.message }
            )}
          </Outcome>
          <Problems problems={outcome.problems} />
        </>
      )
    }
    default:
      return <span className="c-muted-1">{intl.formatMessage({ id: 'admin/order-tracking.csv.status.notSent' })}</span>
  }
}

/** The event a row will post: description, then place and date. */
const EventCell: React.FC<{ row: CsvRow }> = ({ row }) => {
  const intl = useIntl()
  return (
    <>
      <div dir="auto">{row.values.description}</div>
      <div className="c-muted-1">
        {intl.formatMessage(
          { id: 'admin/order-tracking.csv.table.placeAndDate' },
          {
            city: <bdi key="city">{row.values.city}</bdi>,
            state: <bdi key="state">{row.values.state}</bdi>,
            date: <StoredDate key="date" written={row.values.date} stored={row.storedDates.date} />,
          }
        )}
      </div>
      {row.values.deliveredDate !== '' && (
        <div className="c-muted-1">
          {intl.formatMessage(
            { id: 'admin/order-tracking.csv.table.deliveredAt' },
            { date: <StoredDate key="delivered" written={row.values.deliveredDate} stored={row.storedDates.deliveredDate} /> }
          )}
        </div>
      )}
    </>
  )
}

/** Whether the window matches the media query, following its changes (false without matchMedia). */
function useMediaQuery(query: string): boolean {
  const mediaOf = (q: string) => (typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(q) : null)
  const [matches, setMatches] = useState(() => mediaOf(query)?.matches ?? false)
  useEffect(() => {
    const media = mediaOf(query)
    if (!media) return undefined
    const update = () => setMatches(media.matches)
    update()
    // addListener: Safari before 14 has no addEventListener on a MediaQueryList.
    media.addListener(update)
    return () => media.removeListener(update)
  }, [query])
  return matches
}

interface PageRow {
  row: CsvRow
  index: number
}

const CsvRowsTable: React.FC<Props> = ({ fileName, rows, outcomes }) => {
  const intl = useIntl()
  const narrow = useMediaQuery(CSV_LIST_MAX_WIDTH)
  const [problemsOnly, setProblemsOnly] = useState(false)
  const [page, setPage] = useState(0)

  const shown = useMemo(
    () => rows.map((row, index) => ({ row, index })).filter(({ row, index }) => !problemsOnly || hasProblem(row, outcomes[index])),
    [rows, outcomes, problemsOnly]
  )
  const pages = Math.max(1, Math.ceil(shown.length / CSV_ROWS_PER_PAGE))
  const current = Math.min(page, pages - 1)
  const from = current * CSV_ROWS_PER_PAGE
  const pageRows = shown.slice(from, from + CSV_ROWS_PER_PAGE)
  const caption = intl.formatMessage({ id: 'admin/order-tracking.csv.table.caption' }, { fileName })
  const column = (id: keyof typeof COLUMN_IDS) => intl.formatMessage({ id: COLUMN_IDS[id] })
  const th = 'tl pa3 bb b--muted-4 t-small c-muted-1'
  const td = 'pa3 bb b--muted-5 v-top'

  const table = (
    // Focusable and named, so a keyboard can scroll it when the window is just too narrow.
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby={CAPTION_ID}>
      <table className="w-100 collapse t-small">
        <caption id={CAPTION_ID} className="tl t-heading-6 pb3">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={th}>{column('row')}</th>
            <th scope="col" className={th}>{column('order')}</th>
            <th scope="col" className={th}>{column('invoice')}</th>
            <th scope="col" className={th}>{column('event')}</th>
            <th scope="col" className={th}>{column('status')}</th>
          </tr>
        </thead>
        <tbody>
          {pageRows.map(({ row, index }: PageRow) => (
            <tr key={row.rowNumber}>
              <th scope="row" className={`${td} tl normal`}>{row.rowNumber}</th>
              <td className={td}>{row.values.orderId}</td>
              <td className={td}>{row.values.invoiceNumber}</td>
              <td className={`${td} mw6`} style={{ overflowWrap: 'anywhere' }}>
                <EventCell row={row} />
              </td>
              <td className={td}>
                <RowStatus row={row} outcome={outcomes[index]} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )

  // Each row a block: its number, then each column's name over its value.
  const list = (
    <div>
      <h4 id={CAPTION_ID} className="t-heading-6 mt0 mb3">
        {caption}
      </h4>
      <ol className="list pl0 ma0 t-small" aria-labelledby={CAPTION_ID}>
        {pageRows.map(({ row, index }: PageRow) => (
          <li key={row.rowNumber} className="bt b--muted-4 pv3" style={{ overflowWrap: 'anywhere' }}>
            <div className="b mb2">
              {column('row')} {row.rowNumber}
            </div>
            <dl className="ma0">
              <div className="dib mr4 mb1">
                <dt className="di c-muted-1 mr2">{column('order')}</dt>{' '}
                <dd className="di ma0">{row.values.orderId}</dd>
              </div>{' '}
              <div className="dib mb1">
                <dt className="di c-muted-1 mr2">{column('invoice')}</dt>{' '}
                <dd className="di ma0">{row.values.invoiceNumber}</dd>
              </div>
              <div className="mb2">
                <dt className="clip">{column('event')}</dt>
                <dd className="ma0">
                  <EventCell row={row} />
                </dd>
              </div>
              <div>
                <dt className="clip">{column('status')}</dt>
                <dd className="ma0">
                  <RowStatus row={row} outcome={outcomes[index]} />
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ol>
    </div>
  )

  return (
    <div>
      <div className="flex flex-wrap items-center justify-between mb3">
        <label className="flex items-center t-small mb2">
          <input
            type="checkbox"
            className="mr2"
            checked={problemsOnly}
            onChange={e => {
              setProblemsOnly(e.target.checked)
              setPage(0)
            }}
          />
          {intl.formatMessage({ id: 'admin/order-tracking.csv.filter.problemsOnly' })}
        </label>
        {shown.length > CSV_ROWS_PER_PAGE && (
          <div className="flex flex-wrap items-center mb2">
            <span className="t-small mr3">
              {intl.formatMessage(
                { id: 'admin/order-tracking.csv.page.range' },
                { from: from + 1, to: from + pageRows.length, total: shown.length }
              )}
            </span>
            <span className="mr2">
              <Button size="small" variation="secondary" disabled={current === 0} onClick={() => setPage(current - 1)}>
                {intl.formatMessage({ id: 'admin/order-tracking.csv.page.previous' })}
              </Button>
            </span>
            <Button size="small" variation="secondary" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
              {intl.formatMessage({ id: 'admin/order-tracking.csv.page.next' })}
            </Button>
          </div>
        )}
      </div>
      {narrow ? list : table}
    </div>
  )
}

export default CsvRowsTable
