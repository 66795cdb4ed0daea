import React from 'react'
import { useIntl } from 'react-intl'

import { InvoiceTracking, statusOfCode } from '../../domain'
import { useFormatInstant } from '../useFormatInstant'
import StatusBadge from './StatusBadge'
import TrackingStatusTag from './TrackingStatusTag'

const InvoiceStatusTag: React.FC<{ invoice: InvoiceTracking }> = ({ invoice }) => {
  const intl = useIntl()
  const formatInstant = useFormatInstant()

  if (invoice.isDelivered) {
    return (
      <StatusBadge tone="success">
        {invoice.deliveredDate
          ? intl.formatMessage(
              { id: 'admin/order-tracking.invoice.status.deliveredOn' },
              { date: formatInstant(invoice.deliveredDate) }
            )
          : intl.formatMessage({ id: 'admin/order-tracking.invoice.status.delivered' })}
      </StatusBadge>
    )
  }
  if (!invoice.canReceiveEvents) {
    return <StatusBadge tone="neutral">{intl.formatMessage({ id: 'admin/order-tracking.invoice.status.noTrackingNumber' })}</StatusBadge>
  }
  // The latest event's status, when the API recognized one; else the generic "In transit".
  if (statusOfCode(invoice.status)) return <TrackingStatusTag code={invoice.status} />
  return (
    <StatusBadge tone="warning">{intl.formatMessage({ id: 'admin/order-tracking.invoice.status.inTransit' })}</StatusBadge>
  )
}

export default InvoiceStatusTag
