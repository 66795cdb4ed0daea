// What both CSV previews (events, tracking numbers) share: a page of rows at a time (a
// 10,000-row table takes seconds to render, and 100 rows on a phone made a 26,000-pixel
// page), a filter to the rows with problems, and a table where it fits or a list of rows on
// a narrow screen. Each preview draws its own rows, as a table or a list.
import React, { useEffect, useMemo, useState } from 'react'
import { useIntl } from 'react-intl'
import { Button } from 'vtex.styleguide'

export const ROWS_PER_PAGE = 25
/** Up to this width rows are a list: a five-column table needs about 640 px. */
export const NARROW_SCREEN = '(max-width: 40em)'

/** Whether the window matches the media query, following its changes (false without matchMedia). */
export function useMediaQuery(query: string): boolean {
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

/** A row of the file and its place in it (outcomes are kept by that index). */
export interface PageRow<T> {
  row: T
  index: number
}

interface Props<T> {
  rows: readonly T[]
  hasProblem: (row: T, index: number) => boolean
  /** The shown page's rows as a table (narrow false) or a list (narrow true). */
  children: (pageRows: Array<PageRow<T>>, narrow: boolean) => React.ReactNode
}

function PagedRows<T>({ rows, hasProblem, children }: Props<T>): JSX.Element {
  const intl = useIntl()
  const narrow = useMediaQuery(NARROW_SCREEN)
  const [problemsOnly, setProblemsOnly] = useState(false)
  const [page, setPage] = useState(0)

  const shown = useMemo(
    () => rows.map((row, index) => ({ row, index })).filter(({ row, index }) => !problemsOnly || hasProblem(row, index)),
    [rows, hasProblem, problemsOnly]
  )
  const pages = Math.max(1, Math.ceil(shown.length / ROWS_PER_PAGE))
  const current = Math.min(page, pages - 1)
  const from = current * ROWS_PER_PAGE
  const pageRows = shown.slice(from, from + ROWS_PER_PAGE)

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
        {shown.length > ROWS_PER_PAGE && (
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
      {children(pageRows, narrow)}
    </div>
  )
}

/**
 * A page of rows as a table where it fits: focusable and named by its caption, so a keyboard
 * can scroll it when the window is just too narrow. `children` are its head and body.
 */
export function RowTable({
  captionId,
  caption,
  tableClassName,
  children,
}: {
  captionId: string
  caption: React.ReactNode
  tableClassName: string
  children: React.ReactNode
}): JSX.Element {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className={tableClassName}>
        <caption id={captionId} className="tl t-heading-6 pb3">
          {caption}
        </caption>
        {children}
      </table>
    </div>
  )
}

/**
 * A page of rows as a list, for a narrow screen: a heading naming it, then each row a block
 * with its row number over what `children` draws (each column's name beside its value).
 */
export function RowList<T extends { rowNumber: number }>({
  headingId,
  heading,
  rowLabel,
  pageRows,
  children,
}: {
  headingId: string
  heading: React.ReactNode
  rowLabel: string
  pageRows: Array<PageRow<T>>
  children: (pageRow: PageRow<T>) => React.ReactNode
}): JSX.Element {
  return (
    <div>
      <h4 id={headingId} className="t-heading-6 mt0 mb3">
        {heading}
      </h4>
      <ol className="list pl0 ma0 t-small" aria-labelledby={headingId}>
        {pageRows.map(pageRow => (
          <li key={pageRow.row.rowNumber} className="bt b--muted-4 pv3" style={{ overflowWrap: 'anywhere' }}>
            <div className="b mb2">
              {rowLabel} {pageRow.row.rowNumber}
            </div>
            <dl className="ma0">{children(pageRow)}</dl>
          </li>
        ))}
      </ol>
    </div>
  )
}

export default PagedRows
