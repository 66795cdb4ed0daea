import React from 'react'
import { useIntl } from 'react-intl'
import { Alert } from 'vtex.styleguide'

import { ApiErrorCode } from '../apiErrors'
import { ERROR_MESSAGE_IDS } from '../messageIds'

interface Props {
  code: ApiErrorCode
  onClose: () => void
}

/** A write that failed for a reason no single input owns. */
const ApiErrorAlert: React.FC<Props> = ({ code, onClose }) => {
  const intl = useIntl()
  return (
    <div className="mb4">
      <Alert type="error" onClose={onClose}>
        {intl.formatMessage({ id: ERROR_MESSAGE_IDS[code] })}
      </Alert>
    </div>
  )
}

export default ApiErrorAlert
