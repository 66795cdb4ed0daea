import React from 'react'
import { useIntl } from 'react-intl'
import { Tag } from 'vtex.styleguide'

import { InvoiceTracking, statusOfCode } from '../../domain'
import { useFormatInstant } from '../useFormatInstant'
import TrackingStatusTag from './TrackingStatusTag'

const InvoiceStatusTag: React.FC<{ invoice: InvoiceTracking }> = ({ invoice }) => {
  const intl = useIntl()
  const formatInstant = useFormatInstant()

  if (invoice.isDelivered) {
    return (
      <Tag type="success">
        {invoice.deliveredDate
          ? intl.formatMessage(
              { id: 'admin/order-tracking.invoice.status.deliveredOn' },
              { date: formatInstant(invoice.deliveredDate) }
            )
          : intl.formatMessage({ id: 'admin/order-tracking.invoice.status.delivered' })}
      </Tag>
    )
  }
  if (!invoice.canReceiveEvents) {
    return <Tag variation="low">{intl.formatMessage({ id: 'admin/order-tracking.invoice.status.noTrackingNumber' })}</Tag>
  }
  // The latest event's status, when the API recognized one; else the generic "In transit".
  if (statusOfCode(invoice.status)) return <TrackingStatusTag code={invoice.status} />
  return (
    <Tag type="warning" variation="low">
      {intl.formatMessage({ id: 'admin/order-tracking.invoice.status.inTransit' })}
    </Tag>
  )
}

export default InvoiceStatusTag
