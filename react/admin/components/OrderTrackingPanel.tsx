import React from 'react'
import { useQuery } from 'react-apollo'
import { useIntl } from 'react-intl'
import { EmptyState, PageBlock, Spinner } from 'vtex.styleguide'

import ORDER_TRACKING from '../../graphql/orderTracking.gql'
import { apiErrorOf } from '../apiErrors'
import { OrderTrackingData } from '../types'
import InvoiceCard from './InvoiceCard'
import LoadError from './LoadError'

interface Props {
  orderId: string
}

const OrderTrackingPanel: React.FC<Props> = ({ orderId }) => {
  const intl = useIntl()
  const { data, loading, error, refetch } = useQuery<OrderTrackingData>(ORDER_TRACKING, {
    variables: { orderId },
    // Shows the spinner again while "Try again" refetches.
    notifyOnNetworkStatusChange: true,
  })

  // The failure is shown from the hook's `error`; the promise must not go unhandled.
  const retry = () => refetch().catch(() => undefined)

  let content: React.ReactNode
  if (loading) {
    content = (
      <div className="flex justify-center pa6" role="status">
        <Spinner />
        <span className="ml4 c-muted-1">{intl.formatMessage({ id: 'admin/order-tracking.loading' })}</span>
      </div>
    )
  } else if (error) {
    content = <LoadError error={apiErrorOf(error)} orderId={orderId} onRetry={retry} />
  } else if (!data?.orderTracking) {
    content = <LoadError error={{ code: 'NOT_FOUND', fieldErrors: [] }} orderId={orderId} onRetry={retry} />
  } else if (data.orderTracking.invoices.length === 0) {
    content = (
      <EmptyState title={intl.formatMessage({ id: 'admin/order-tracking.order.noInvoices.title' })}>
        <p>{intl.formatMessage({ id: 'admin/order-tracking.order.noInvoices.text' })}</p>
      </EmptyState>
    )
  } else {
    content = data.orderTracking.invoices.map(invoice => (
      <div className="mb5" key={invoice.invoiceNumber}>
        <InvoiceCard orderId={orderId} invoice={invoice} />
      </div>
    ))
  }

  return (
    <PageBlock title={intl.formatMessage({ id: 'admin/order-tracking.order.title' }, { orderId })} variation="full">
      {/* Not a live region: a write's result is announced once by the page's (liveRegion.tsx),
          not by reading the whole re-rendered order out. */}
      <div aria-busy={loading}>
        {content}
      </div>
    </PageBlock>
  )
}

export default OrderTrackingPanel
