// The landing page: the invoices that need attention, one tab per problem with its count,
// filters (courier, status, invoiced dates), one page of a styleguide table at a time, bulk
// actions on the selected rows, and the tracking-number CSV. Tab, filters and page live in
// the URL (the runtime's setQuery), so a link shows the same view to someone else.
import React, { useEffect, useState } from 'react'
import { useQuery } from 'react-apollo'
import { useIntl } from 'react-intl'
import { useRuntime } from 'vtex.render-runtime'
import {
  Button,
  Checkbox,
  Dropdown,
  EXPERIMENTAL_Table as Table,
  EXPERIMENTAL_useTableMeasures as useTableMeasures,
  Input,
  Tab,
  Tabs,
} from 'vtex.styleguide'

import { TRACKING_PROBLEMS, TRACKING_STATUSES, TrackingProblem, WorkQueueItem, statusCodeOf } from '../../domain'
import TRACKING_WORK_QUEUE from '../../graphql/trackingWorkQueue.gql'
import TRACKING_WORK_QUEUE_COUNTS from '../../graphql/trackingWorkQueueCounts.gql'
import { apiErrorOf } from '../apiErrors'
import LoadError from '../components/LoadError'
import { NARROW_SCREEN, useMediaQuery } from '../components/PagedRows'
import StatusBadge from '../components/StatusBadge'
import TrackingStatusTag from '../components/TrackingStatusTag'
import { PROBLEM_LABEL_IDS, statusLabelId } from '../messageIds'
import { useFormatInstant } from '../useFormatInstant'
import BulkMarkDelivered from './BulkMarkDelivered'
import { QueueUrlState, readQueueUrl, toQuery, zonedDayBoundary } from './queueUrl'
import TrackingNumberCsvPanel from './TrackingNumberCsvPanel'

/** Marks the tab strip for the focus ring below. */
const TAB_STRIP = 'order-tracking-queue-tabs'

export const PAGE_SIZE = 50

type QueueNode = WorkQueueItem

interface QueueData {
  trackingWorkQueue: {
    totalCount: number
    pageInfo: { hasNextPage: boolean; endCursor: string | null }
    nodes: QueueNode[]
  }
}

interface CountsData {
  trackingWorkQueueCounts: Array<{ problem: TrackingProblem; count: number }>
}

interface Props {
  /** The store's time zone (app settings): the date filters are its calendar days. */
  timeZone: string
  onOpenOrder: (orderId: string) => void
}

const keyOf = (node: { orderId: string; invoiceNumber: string }) => `${node.orderId}\u0000${node.invoiceNumber}`

const WorkQueuePanel: React.FC<Props> = ({ timeZone, onOpenOrder }) => {
  const intl = useIntl()
  const formatInstant = useFormatInstant()
  const runtime = useRuntime()
  const url = readQueueUrl(runtime.query)
  const update = (next: Partial<QueueUrlState>) => runtime.setQuery(toQuery(next))

  // The filter form edits a draft; "Apply" puts it into the URL.
  const [draft, setDraft] = useState({ courier: url.courier, status: url.status, from: url.from, to: url.to })
  useEffect(() => setDraft({ courier: url.courier, status: url.status, from: url.from, to: url.to }), [url.courier, url.status, url.from, url.to])
  const [selected, setSelected] = useState<Set<string>>(new Set())
  // Cursors of the pages before this one, to go back (a shared link starts without them).
  const [previous, setPrevious] = useState<string[]>([])

  const filter = {
    ...(url.courier ? { courier: url.courier } : {}),
    ...(url.status ? { statuses: [url.status] } : {}),
    ...(url.from ? { invoicedFrom: zonedDayBoundary(url.from, timeZone) } : {}),
    ...(url.to ? { invoicedTo: zonedDayBoundary(url.to, timeZone, true) } : {}),
  }
  const counts = useQuery<CountsData>(TRACKING_WORK_QUEUE_COUNTS, { variables: { filter }, fetchPolicy: 'cache-and-network' })
  const queue = useQuery<QueueData>(TRACKING_WORK_QUEUE, {
    variables: { filter: { ...filter, ...(url.problem ? { problems: [url.problem] } : {}) }, first: PAGE_SIZE, after: url.after || undefined },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  })
  // A new page or view starts with nothing selected.
  useEffect(() => setSelected(new Set()), [url.problem, url.after, url.courier, url.status, url.from, url.to])

  const nodes = queue.data?.trackingWorkQueue.nodes ?? []
  const total = queue.data?.trackingWorkQueue.totalCount ?? 0
  const countOf = (problem: TrackingProblem) => counts.data?.trackingWorkQueueCounts.find(c => c.problem === problem)?.count
  const refresh = () => {
    setSelected(new Set())
    queue.refetch().catch(() => undefined)
    counts.refetch().catch(() => undefined)
  }

  const toggle = (node: QueueNode) =>
    setSelected(current => {
      const next = new Set(current)
      if (next.has(keyOf(node))) next.delete(keyOf(node))
      else next.add(keyOf(node))
      return next
    })
  const allSelected = nodes.length > 0 && nodes.every(node => selected.has(keyOf(node)))

  // On a phone the ten columns do not fit: the rows become a list (see `list` below).
  const narrow = useMediaQuery(NARROW_SCREEN)
  const measures = useTableMeasures({ size: nodes.length })
  // The table's header text is the styleguide's grey (2.88:1 on white); c-muted-1 keeps it
  // quiet at 4.8:1.
  const columnTitle = (id: string) => <span className="c-muted-1">{intl.formatMessage({ id })}</span>
  const date = (iso: string | null) => (iso ? formatInstant(iso) : '—')
  const selectAllBox = (visibleLabel: boolean) => (
    <Checkbox
      id="order-tracking-queue-select-all"
      name="select-all"
      checked={allSelected}
      partial={!allSelected && selected.size > 0}
      label={<span className={visibleLabel ? '' : 'clip'}>{intl.formatMessage({ id: 'admin/order-tracking.queue.selectAll' })}</span>}
      onChange={() => setSelected(allSelected ? new Set() : new Set(nodes.map(keyOf)))}
    />
  )
  const selectBox = (node: QueueNode) => (
    <Checkbox
      id={`order-tracking-queue-select-${keyOf(node).replace('\u0000', '-')}`}
      name="select"
      checked={selected.has(keyOf(node))}
      label={
        <span className="clip">
          {intl.formatMessage({ id: 'admin/order-tracking.queue.select' }, { orderId: node.orderId, invoiceNumber: node.invoiceNumber })}
        </span>
      }
      onChange={() => toggle(node)}
    />
  )
  const orderButton = (node: QueueNode) => (
    <button type="button" className="bn bg-transparent pa0 c-link pointer underline-hover t-body" onClick={() => onOpenOrder(node.orderId)}>
      {node.orderId}
    </button>
  )
  const problemTags = (problems: readonly TrackingProblem[]) => (
    <span className="flex flex-wrap">
      {problems.map(problem => (
        <span key={problem} className="mr2 mb1">
          <StatusBadge tone="neutral" size="small">
            {intl.formatMessage({ id: PROBLEM_LABEL_IDS[problem] })}
          </StatusBadge>
        </span>
      ))}
    </span>
  )
  const columns = [
    {
      id: 'select',
      width: 48,
      // extended: the renderer gets the whole row, not one field of it.
      extended: true,
      title: selectAllBox(false),
      cellRenderer: ({ data }: { data: unknown }) => selectBox(data as QueueNode),
    },
    {
      id: 'order',
      extended: true,
      title: columnTitle('admin/order-tracking.queue.column.order'),
      cellRenderer: ({ data }: { data: unknown }) => orderButton(data as QueueNode),
    },
    { id: 'invoiceNumber', title: columnTitle('admin/order-tracking.queue.column.invoice') },
    { id: 'courier', title: columnTitle('admin/order-tracking.queue.column.courier'), cellRenderer: ({ data }: { data: unknown }) => (data as string | null) ?? '—' },
    {
      id: 'trackingNumber',
      title: columnTitle('admin/order-tracking.queue.column.trackingNumber'),
      cellRenderer: ({ data }: { data: unknown }) => (data as string | null) ?? '—',
    },
    {
      id: 'status',
      title: columnTitle('admin/order-tracking.queue.column.status'),
      cellRenderer: ({ data }: { data: unknown }) => <TrackingStatusTag code={data as string | null} />,
    },
    {
      id: 'problems',
      title: columnTitle('admin/order-tracking.queue.column.problems'),
      cellRenderer: ({ data }: { data: unknown }) => problemTags(data as TrackingProblem[]),
    },
    { id: 'invoicedAt', title: columnTitle('admin/order-tracking.queue.column.invoicedAt'), cellRenderer: ({ data }: { data: unknown }) => date(data as string | null) },
    { id: 'lastEventAt', title: columnTitle('admin/order-tracking.queue.column.lastEventAt'), cellRenderer: ({ data }: { data: unknown }) => date(data as string | null) },
    {
      id: 'estimatedDeliveryAt',
      title: columnTitle('admin/order-tracking.queue.column.estimatedDeliveryAt'),
      cellRenderer: ({ data }: { data: unknown }) => date(data as string | null),
    },
  ]

  const tabLabel = (problem: TrackingProblem | null) => {
    const name = intl.formatMessage({ id: problem ? PROBLEM_LABEL_IDS[problem] : 'admin/order-tracking.queue.tab.all' })
    const count = problem ? countOf(problem) : undefined
    // On one line: the tabs scroll sideways on a phone rather than wrap into the filters.
    return <span className="nowrap">{count === undefined ? name : `${name} (${count})`}</span>
  }

  const tabs = [...TRACKING_PROBLEMS, null].map(problem =>
    React.createElement(Tab, {
      label: tabLabel(problem),
      active: url.problem === problem,
      onClick: () => {
        setPrevious([])
        update({ problem, after: '', page: 1 })
      },
    })
  )

  const error = queue.error ? apiErrorOf(queue.error) : null
  const selection = nodes.filter(node => selected.has(keyOf(node))).map(({ orderId, invoiceNumber }) => ({ orderId, invoiceNumber }))
  const firstItem = (url.page - 1) * PAGE_SIZE + 1

  const label = (id: string) => intl.formatMessage({ id: `admin/order-tracking.queue.column.${id}` })
  const field = (id: string, value: React.ReactNode) => (
    <div className="mb1">
      <dt className="di c-muted-1 mr2">{label(id)}</dt> <dd className="di ma0">{value}</dd>
    </div>
  )
  // The same rows on a phone, one block each: its checkbox beside the order, then each
  // column's name beside its value. Same controls in the same order as the table's rows.
  const list =
    queue.loading && !queue.data ? null : nodes.length === 0 ? (
      <p className="t-body">{intl.formatMessage({ id: 'admin/order-tracking.queue.empty' })}</p>
    ) : (
      <div>
        <div className="mb2">{selectAllBox(true)}</div>
        <ul className="list pl0 ma0 t-small" aria-label={intl.formatMessage({ id: 'admin/order-tracking.queue.list' })}>
          {nodes.map(node => (
            <li key={keyOf(node)} className="flex bt b--muted-4 pv3" style={{ overflowWrap: 'anywhere' }}>
              <div className="mr3">{selectBox(node)}</div>
              <div className="flex-auto" style={{ minWidth: 0 }}>
                <div className="mb2">
                  {orderButton(node)} <span className="c-muted-1">·</span> {label('invoice')} {node.invoiceNumber}
                </div>
                <dl className="ma0">
                  {field('courier', node.courier ?? '—')}
                  {field('trackingNumber', node.trackingNumber ?? '—')}
                  {field('status', <TrackingStatusTag code={node.status} />)}
                  <div className="mb1">
                    <dt className="clip">{label('problems')}</dt>
                    <dd className="ma0">{problemTags(node.problems)}</dd>
                  </div>
                  {field('invoicedAt', date(node.invoicedAt))}
                  {field('lastEventAt', date(node.lastEventAt))}
                  {field('estimatedDeliveryAt', date(node.estimatedDeliveryAt))}
                </dl>
              </div>
            </li>
          ))}
        </ul>
      </div>
    )

  return (
    <section aria-labelledby="order-tracking-queue-title">
      <h2 id="order-tracking-queue-title" className="t-heading-4 mt0 mb4">
        {intl.formatMessage({ id: 'admin/order-tracking.queue.title' })}
      </h2>
      {/* The styleguide's tab buttons are `outline-0` with no focus style of their own, so a
          keyboard user could not see which tab has focus: give them the browser's ring back. */}
      <style>{`.${TAB_STRIP} button:focus-visible { outline: 2px solid currentColor; outline-offset: -2px; }`}</style>
      {narrow ? (
        // The styleguide's Tabs keep one row; on a phone the same tab buttons wrap.
        <div className={`${TAB_STRIP} flex flex-wrap bb b--muted-4`}>{tabs.map((tab, i) => React.cloneElement(tab, { key: i }))}</div>
      ) : (
        // Children as arguments, not a keyed list: the styleguide's Tabs reads its tabs' `key` prop.
        <div className={`${TAB_STRIP} overflow-x-auto`}>{React.createElement(Tabs, {}, ...tabs)}</div>
      )}

      <form
        className="flex flex-wrap items-end mt5 mb3"
        aria-label={intl.formatMessage({ id: 'admin/order-tracking.queue.filters' })}
        onSubmit={event => {
          event.preventDefault()
          setPrevious([])
          update({ ...draft, after: '', page: 1 })
        }}
      >
        <div className="mr4 mb3">
          <Input
            id="order-tracking-queue-courier"
            label={intl.formatMessage({ id: 'admin/order-tracking.queue.filter.courier' })}
            value={draft.courier}
            maxLength={100}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, courier: e.target.value })}
          />
        </div>
        <div className="mr4 mb3">
          <Dropdown
            id="order-tracking-queue-status"
            label={intl.formatMessage({ id: 'admin/order-tracking.queue.filter.status' })}
            value={draft.status}
            options={[
              { value: '', label: intl.formatMessage({ id: 'admin/order-tracking.queue.filter.anyStatus' }) },
              ...TRACKING_STATUSES.map(status => ({ value: statusCodeOf(status), label: intl.formatMessage({ id: statusLabelId(status) }) })),
            ]}
            onChange={(_: unknown, value: string) => setDraft({ ...draft, status: value })}
          />
        </div>
        <div className="mr4 mb3">
          <Input
            id="order-tracking-queue-from"
            type="date"
            label={intl.formatMessage({ id: 'admin/order-tracking.queue.filter.from' })}
            value={draft.from}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, from: e.target.value })}
          />
        </div>
        <div className="mr4 mb3">
          <Input
            id="order-tracking-queue-to"
            type="date"
            label={intl.formatMessage({ id: 'admin/order-tracking.queue.filter.to' })}
            value={draft.to}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, to: e.target.value })}
          />
        </div>
        <div className="mb3">
          <Button type="submit" variation="secondary" size="small">
            {intl.formatMessage({ id: 'admin/order-tracking.queue.filter.apply' })}
          </Button>
        </div>
      </form>

      {error ? (
        <LoadError error={error} orderId="" onRetry={refresh} />
      ) : (
        <>
          <div className="flex flex-wrap items-center mb3">
            {/* A status, but not live: the page's one live region (useAnnounce) speaks. */}
            <span className="mr4 t-small c-muted-1" role="status" aria-live="off">
              {queue.loading && !queue.data
                ? intl.formatMessage({ id: 'admin/order-tracking.loading' })
                : intl.formatMessage(
                    { id: 'admin/order-tracking.queue.range' },
                    { from: total === 0 ? 0 : firstItem, to: firstItem - 1 + nodes.length, total }
                  )}
            </span>
            <span className="mr3">
              <Button variation="tertiary" size="small" onClick={refresh}>
                {intl.formatMessage({ id: 'admin/order-tracking.queue.refresh' })}
              </Button>
            </span>
            <BulkMarkDelivered selected={selection} onDone={refresh} />
          </div>
          {narrow ? (
            list
          ) : (
          <Table
            measures={measures}
            columns={columns}
            items={nodes}
            rowKey={({ rowData }: { rowData: QueueNode }) => keyOf(rowData)}
            loading={queue.loading && !queue.data}
            empty={!queue.loading && nodes.length === 0}
            emptyState={{ label: intl.formatMessage({ id: 'admin/order-tracking.queue.empty' }) }}
            highlightOnHover
          />
          )}
          <nav className="flex items-center mt4" aria-label={intl.formatMessage({ id: 'admin/order-tracking.queue.pages' })}>
            <span className="mr3">
              <Button
                variation="tertiary"
                size="small"
                disabled={url.page <= 1}
                onClick={() => {
                  // Opened from a link on a later page: back means the first page.
                  if (previous.length === 0) return update({ after: '', page: 1 })
                  const back = previous.slice(0, -1)
                  const cursor = previous[previous.length - 1] ?? ''
                  setPrevious(back)
                  update({ after: url.page - 1 <= 1 ? '' : cursor, page: url.page - 1 })
                }}
              >
                {intl.formatMessage({ id: 'admin/order-tracking.queue.previous' })}
              </Button>
            </span>
            <span className="mr3 t-small">{intl.formatMessage({ id: 'admin/order-tracking.queue.page' }, { page: url.page })}</span>
            <Button
              variation="tertiary"
              size="small"
              disabled={!queue.data?.trackingWorkQueue.pageInfo.hasNextPage}
              onClick={() => {
                setPrevious([...previous, url.after])
                update({ after: queue.data?.trackingWorkQueue.pageInfo.endCursor ?? '', page: url.page + 1 })
              }}
            >
              {intl.formatMessage({ id: 'admin/order-tracking.queue.next' })}
            </Button>
          </nav>
        </>
      )}
      <TrackingNumberCsvPanel />
    </section>
  )
}

export default WorkQueuePanel
