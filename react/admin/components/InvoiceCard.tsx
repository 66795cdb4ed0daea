import React from 'react'
import { useIntl } from 'react-intl'
import { Card } from 'vtex.styleguide'

import { InvoiceTracking } from '../../domain'
import { invoiceCardId } from '../liveRegion'
import { useFormatInstant } from '../useFormatInstant'
import AddEventForm from './AddEventForm'
import EventTimeline from './EventTimeline'
import InvoiceStatusTag from './InvoiceStatusTag'
import MarkDelivered from './MarkDelivered'
import SetTrackingNumberForm from './SetTrackingNumberForm'
import TrackingNumber from './TrackingNumber'

interface Props {
  orderId: string
  invoice: InvoiceTracking
}

const InvoiceCard: React.FC<Props> = ({ orderId, invoice }) => {
  const intl = useIntl()
  const formatInstant = useFormatInstant()
  const { invoiceNumber } = invoice
  const detail = (labelId: string, value: React.ReactNode) => (
    <div className="mr6 mb3">
      <dt className="t-mini c-muted-1">{intl.formatMessage({ id: labelId })}</dt>
      <dd className="ml0 t-body">{value}</dd>
    </div>
  )

  return (
    <Card>
      {/* Focus comes here after a write to this invoice (tabIndex -1: not a Tab stop). */}
      <section id={invoiceCardId(invoiceNumber)} tabIndex={-1} aria-labelledby={`order-tracking-${invoiceNumber}-heading`}>
        <div className="flex flex-wrap items-center justify-between mb4">
          <h3 id={`order-tracking-${invoiceNumber}-heading`} className="t-heading-5 mv0 mr4">
            {intl.formatMessage({ id: 'admin/order-tracking.invoice.title' }, { invoiceNumber })}
          </h3>
          <InvoiceStatusTag invoice={invoice} />
        </div>
        <dl className="flex flex-wrap mt0 mb4">
          {detail(
            'admin/order-tracking.invoice.type',
            intl.formatMessage({
              id: invoice.type === 'INPUT' ? 'admin/order-tracking.invoice.type.input' : 'admin/order-tracking.invoice.type.output',
            })
          )}
          {invoice.issuanceDate && detail('admin/order-tracking.invoice.issuanceDate', formatInstant(invoice.issuanceDate))}
          {detail('admin/order-tracking.invoice.courier', invoice.courier ? <bdi>{invoice.courier}</bdi> : '—')}
          {detail(
            'admin/order-tracking.invoice.trackingNumber',
            invoice.trackingNumber ? (
              <TrackingNumber trackingNumber={invoice.trackingNumber} trackingUrl={invoice.trackingUrl} />
            ) : (
              '—'
            )
          )}
        </dl>

        <div className="flex-l">
          <div className="w-100 w-50-l pr6-l mb5">
            {invoice.canReceiveEvents ? (
              <>
                <AddEventForm orderId={orderId} invoiceNumber={invoiceNumber} />
                {!invoice.isDelivered && (
                  <div className="mt5">
                    <MarkDelivered orderId={orderId} invoiceNumber={invoiceNumber} />
                  </div>
                )}
              </>
            ) : (
              <SetTrackingNumberForm orderId={orderId} invoiceNumber={invoiceNumber} courier={invoice.courier} />
            )}
          </div>
          <div className="w-100 w-50-l">
            <h4 className="t-heading-6 mt0 mb4">{intl.formatMessage({ id: 'admin/order-tracking.timeline.heading' })}</h4>
            <EventTimeline invoiceNumber={invoiceNumber} events={invoice.events} />
          </div>
        </div>
      </section>
    </Card>
  )
}

export default InvoiceCard
