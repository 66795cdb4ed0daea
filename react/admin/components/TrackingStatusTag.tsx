// A tracking status as a tag: the exceptions (delivery attempted, delayed, exception) stand
// out in red, delivered in green, the rest as progress.
import React from 'react'
import { useIntl } from 'react-intl'
import { Tag } from 'vtex.styleguide'

import { EXCEPTION_STATUSES, statusOfCode } from '../../domain'
import { statusLabelId } from '../messageIds'

const TrackingStatusTag: React.FC<{ code: string | null | undefined }> = ({ code }) => {
  const intl = useIntl()
  const status = statusOfCode(code)
  if (!status) return null
  const label = intl.formatMessage({ id: statusLabelId(status) })
  if (EXCEPTION_STATUSES.includes(status)) return <Tag type="error">{label}</Tag>
  if (status === 'delivered') return <Tag type="success">{label}</Tag>
  return (
    <Tag type="warning" variation="low">
      {label}
    </Tag>
  )
}

export default TrackingStatusTag
