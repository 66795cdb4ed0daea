// The rows of an imported CSV file, a page at a time and filterable to the rows with problems
// (./PagedRows): what each row will send, its problems by column, and once sent, its result.
// A table where it fits; on a narrow screen a list of rows, one under the other, so nothing
// needs a sideways scroll. Cells from the file are rendered as text, never as markup.
import React, { useCallback } from 'react'
import { useIntl } from 'react-intl'

import { CsvRow, CsvRowOutcome, CsvRowProblem } from '../../domain'
import { ApiErrorCode } from '../apiErrors'
import { ERROR_MESSAGE_IDS, FIELD_ERROR_MESSAGE_IDS } from '../messageIds'
import PagedRows, { PageRow, RowList, RowTable } from './PagedRows'
import { TONE_CLASSES } from './StatusBadge'

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

const CsvRowsTable: React.FC<Props> = ({ fileName, rows, outcomes }) => {
  const intl = useIntl()
  const problem = useCallback((row: CsvRow, index: number) => hasProblem(row, outcomes[index]), [outcomes])
  const caption = intl.formatMessage({ id: 'admin/order-tracking.csv.table.caption' }, { fileName })
  const column = (id: keyof typeof COLUMN_IDS) => intl.formatMessage({ id: COLUMN_IDS[id] })
  const th = 'tl pa3 bb b--muted-4 t-small c-muted-1'
  const td = 'pa3 bb b--muted-5 v-top'

  const table = (pageRows: Array<PageRow<CsvRow>>) => (
    <RowTable captionId={CAPTION_ID} caption={caption} tableClassName="w-100 collapse t-small">
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
        {pageRows.map(({ row, index }: PageRow<CsvRow>) => (
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
    </RowTable>
  )

  // Each row a block: its number, then each column's name over its value.
  const list = (pageRows: Array<PageRow<CsvRow>>) => (
    <RowList headingId={CAPTION_ID} heading={caption} rowLabel={column('row')} pageRows={pageRows}>
      {({ row, index }) => (
        <>
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
        </>
      )}
    </RowList>
  )

  return (
    <PagedRows rows={rows} hasProblem={problem}>
      {(pageRows: Array<PageRow<CsvRow>>, narrow: boolean) => (narrow ? list(pageRows) : table(pageRows))}
    </PagedRows>
  )
}

export default CsvRowsTable
