// The Order tracking admin page. Its landing is the work queue (the invoices that need
// attention); searching an order, or opening one from the queue, shows its timeline above
// it. Each tool of the page is one PageBlock under the header.
import React, { useEffect, useState } from 'react'
import { useQuery } from 'react-apollo'
import { useIntl } from 'react-intl'
import { useRuntime } from 'vtex.render-runtime'
import { Button, Layout, PageBlock, PageHeader } from 'vtex.styleguide'

import { isValidOrderId } from '../domain'
import TRACKING_SETTINGS from '../graphql/trackingSettings.gql'
import CsvImportPanel from './components/CsvImportPanel'
import OrderSearch from './components/OrderSearch'
import OrderTrackingPanel from './components/OrderTrackingPanel'
import { inPageMain } from './components/PageMain'
import { ShopperLanguageProvider } from './shopperLanguage'
import WorkQueuePanel from './workQueue/WorkQueuePanel'

interface Props {
  /** Route params from admin/routes.json: /admin/app/order-tracking/:orderId. */
  params?: { orderId?: string }
}

const BASE_PATH = '/admin/app/order-tracking'
// admin/routes.json's Integrations page (webhook addresses, secrets, deliveries).
export const INTEGRATIONS_PATH = '/admin/app/order-tracking-integrations'

const TrackingAdmin: React.FC<Props> = ({ params }) => {
  const intl = useIntl()
  const runtime = useRuntime()
  const routeOrderId = params?.orderId ?? ''
  const [orderId, setOrderId] = useState(isValidOrderId(routeOrderId) ? routeOrderId : null)
  const settings = useQuery<{ trackingSettings: { timeZone: string } | null }>(TRACKING_SETTINGS, { errorPolicy: 'ignore' })

  useEffect(() => {
    if (isValidOrderId(routeOrderId)) setOrderId(routeOrderId)
  }, [routeOrderId])

  const openOrder = (id: string) => {
    setOrderId(id)
    // The order's own address, keeping the queue's view in the query.
    const search = new URLSearchParams(
      Object.entries(runtime.query).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    ).toString()
    runtime.navigate({ to: `${BASE_PATH}/${encodeURIComponent(id)}`, query: search })
  }

  return (
    <ShopperLanguageProvider>
      <Layout
        pageHeader={
          <PageHeader
            title={
              // The styleguide renders the title as plain text; the page still needs its heading.
              <span role="heading" aria-level={1}>
                {intl.formatMessage({ id: 'admin/order-tracking.title' })}
              </span>
            }
            // The styleguide's subtitle grey on the Layout's grey is 4.35:1; the base text colour is not.
            subtitle={<span className="c-on-base">{intl.formatMessage({ id: 'admin/order-tracking.subtitle' })}</span>}
          >
            <Button variation="secondary" size="small" onClick={() => runtime.navigate({ to: INTEGRATIONS_PATH })}>
              {intl.formatMessage({ id: 'admin/order-tracking.integrations.title' })}
            </Button>
          </PageHeader>
        }
      >
        <PageBlock variation="full">
          <OrderSearch key={routeOrderId} initialOrderId={routeOrderId} onSearch={setOrderId} />
        </PageBlock>
        {orderId && <OrderTrackingPanel orderId={orderId} />}
        <PageBlock variation="full">
          <WorkQueuePanel timeZone={settings.data?.trackingSettings?.timeZone ?? 'UTC'} onOpenOrder={openOrder} />
        </PageBlock>
        <PageBlock variation="full">
          <CsvImportPanel />
        </PageBlock>
      </Layout>
    </ShopperLanguageProvider>
  )
}

export default inPageMain(TrackingAdmin)
