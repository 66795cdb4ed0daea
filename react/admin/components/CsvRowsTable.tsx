// The rows of an imported CSV file, a page at a time (a 10,000-row table would take seconds
// to render): what each row will send, its problems by column, and once sent, its result.
// Cells from the file are rendered as text, never as markup.
import React, { useMemo, useState } from 'react'
import { useIntl } from 'react-intl'
import { Button } from 'vtex.styleguide'

import { CsvRow, CsvRowOutcome, CsvRowProblem } from '../../domain'
import { ApiErrorCode } from '../apiErrors'
import { ERROR_MESSAGE_IDS, FIELD_ERROR_MESSAGE_IDS } from '../messageIds'

export const CSV_ROWS_PER_PAGE = 100

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
    <ul className="list pl0 ma0">
      {problems.map((problem, i) => (
        <li key={i} className="c-danger">
          {problemText(problem)}
        </li>
      ))}
    </ul>
  )
}

const RowStatus: React.FC<{ row: CsvRow; outcome: CsvRowOutcome | undefined }> = ({ row, outcome }) => {
  const intl = useIntl()
  if (row.update === null) {
    return (
      <>
        <div className="c-danger">{intl.formatMessage({ id: 'admin/order-tracking.csv.status.invalid' })}</div>
        <Problems problems={row.problems} />
      </>
    )
  }
  if (!outcome) return <span>{intl.formatMessage({ id: 'admin/order-tracking.csv.status.ready' })}</span>
  switch (outcome.status) {
    case 'ok':
      return (
        <span className="c-success">
          {outcome.eventCount === null
            ? intl.formatMessage({ id: 'admin/order-tracking.csv.status.ok' })
            : intl.formatMessage({ id: 'admin/order-tracking.csv.status.okWithCount' }, { eventCount: outcome.eventCount })}
        </span>
      )
    case 'error': {
      const known = ERROR_MESSAGE_IDS[outcome.code as ApiErrorCode]
      return (
        <>
          <div className="c-danger">
            {intl.formatMessage(
              { id: 'admin/order-tracking.csv.status.error' },
              { code: outcome.code, message: known ? intl.formatMessage({ id: known }) : outcome.message }
            )}
          </div>
          <Problems problems={outcome.problems} />
        </>
      )
    }
    default:
      return <span className="c-muted-1">{intl.formatMessage({ id: 'admin/order-tracking.csv.status.notSent' })}</span>
  }
}

const CsvRowsTable: React.FC<Props> = ({ fileName, rows, outcomes }) => {
  const intl = useIntl()
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
  const th = 'tl pa3 bb b--muted-4 t-small c-muted-1'
  const td = 'pa3 bb b--muted-5 v-top'

  return (
    <div>
      <div className="flex flex-wrap items-center justify-between mb3">
        <label className="flex items-center t-small">
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
          <div className="flex items-center">
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
      <div className="overflow-x-auto">
        <table className="w-100 collapse t-small">
          <caption className="tl t-heading-6 pb3">
            {intl.formatMessage({ id: 'admin/order-tracking.csv.table.caption' }, { fileName })}
          </caption>
          <thead>
            <tr>
              <th scope="col" className={th}>{intl.formatMessage({ id: 'admin/order-tracking.csv.table.row' })}</th>
              <th scope="col" className={th}>{intl.formatMessage({ id: 'admin/order-tracking.csv.table.order' })}</th>
              <th scope="col" className={th}>{intl.formatMessage({ id: 'admin/order-tracking.csv.table.invoice' })}</th>
              <th scope="col" className={th}>{intl.formatMessage({ id: 'admin/order-tracking.csv.table.event' })}</th>
              <th scope="col" className={th}>{intl.formatMessage({ id: 'admin/order-tracking.csv.table.status' })}</th>
            </tr>
          </thead>
          <tbody>
            {pageRows.map(({ row, index }) => (
              <tr key={row.rowNumber}>
                <th scope="row" className={`${td} tl normal`}>{row.rowNumber}</th>
                <td className={td}>{row.values.orderId}</td>
                <td className={td}>{row.values.invoiceNumber}</td>
                <td className={`${td} mw6`} style={{ overflowWrap: 'anywhere' }}>
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
                </td>
                <td className={td}>
                  <RowStatus row={row} outcome={outcomes[index]} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}

export default CsvRowsTable
