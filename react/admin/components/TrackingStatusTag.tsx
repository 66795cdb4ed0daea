// A tracking status as a tag: the exceptions (delivery attempted, delayed, exception) stand
// out in red, delivered in green, the rest as progress.
import React from 'react'
import { useIntl } from 'react-intl'
import { EXCEPTION_STATUSES, statusOfCode } from '../../domain'
import { statusLabelId } from '../messageIds'
import StatusBadge from './StatusBadge'

const TrackingStatusTag: React.FC<{ code: string | null | undefined }> = ({ code }) => {
  const intl = useIntl()
  const status = statusOfCode(code)
  if (!status) return null
  const label = intl.formatMessage({ id: statusLabelId(status) })
  if (EXCEPTION_STATUSES.includes(status)) return <StatusBadge tone="danger">{label}</StatusBadge>
  if (status === 'delivered') return <StatusBadge tone="success">{label}</StatusBadge>
  return <StatusBadge tone="warning">{label}</StatusBadge>
}

export default TrackingStatusTag
