// The Order tracking admin page: find an order, see each invoice's tracking, post events.
// Each tool of the page is one PageBlock under the header, so another one (the CSV import)
// sits beside the order search without touching it.
import React, { useEffect, useState } from 'react'
import { useIntl } from 'react-intl'
import { Layout, PageBlock, PageHeader } from 'vtex.styleguide'

import { isValidOrderId } from '../domain'
import CsvImportPanel from './components/CsvImportPanel'
import OrderSearch from './components/OrderSearch'
import OrderTrackingPanel from './components/OrderTrackingPanel'

interface Props {
  /** Route params from admin/routes.json: /admin/app/order-tracking/:orderId. */
  params?: { orderId?: string }
}

const TrackingAdmin: React.FC<Props> = ({ params }) => {
  const intl = useIntl()
  const routeOrderId = params?.orderId ?? ''
  const [orderId, setOrderId] = useState(isValidOrderId(routeOrderId) ? routeOrderId : null)

  useEffect(() => {
    if (isValidOrderId(routeOrderId)) setOrderId(routeOrderId)
  }, [routeOrderId])

  return (
    <Layout
      pageHeader={
        <PageHeader
          title={
            // The styleguide renders the title as plain text; the page still needs its heading.
            <span role="heading" aria-level={1}>
              {intl.formatMessage({ id: 'admin/order-tracking.title' })}
            </span>
          }
          subtitle={intl.formatMessage({ id: 'admin/order-tracking.subtitle' })}
        />
      }
    >
      <PageBlock variation="full">
        <OrderSearch key={routeOrderId} initialOrderId={routeOrderId} onSearch={setOrderId} />
      </PageBlock>
      {orderId && <OrderTrackingPanel orderId={orderId} />}
      <PageBlock variation="full">
        <CsvImportPanel />
      </PageBlock>
    </Layout>
  )
}

export default TrackingAdmin
