import React from 'react'
import { useIntl } from 'react-intl'
import { Button, EmptyState } from 'vtex.styleguide'

import { ApiError, ApiErrorCode } from '../apiErrors'
import { ERROR_MESSAGE_IDS } from '../messageIds'

interface Props {
  error: ApiError
  orderId: string
  onRetry: () => void
}

const TITLE_IDS: Partial<Record<ApiErrorCode, string>> = {
  NOT_FOUND: 'admin/order-tracking.state.notFound',
  FORBIDDEN: 'admin/order-tracking.state.forbidden',
  UNAUTHENTICATED: 'admin/order-tracking.state.unauthenticated',
  APP_NOT_AUTHORIZED: 'admin/order-tracking.state.appNotAuthorized',
}

// Failures that may pass on their own; the others need someone to act first.
const RETRYABLE: readonly ApiErrorCode[] = ['UPSTREAM_UNAVAILABLE', 'UNREACHABLE', 'INTERNAL_SERVER_ERROR', 'CONFLICT']

/** Why the order could not be shown, and what to do about it. */
const LoadError: React.FC<Props> = ({ error, orderId, onRetry }) => {
  const intl = useIntl()
  const title = intl.formatMessage({ id: TITLE_IDS[error.code] ?? 'admin/order-tracking.state.failed' })
  const text =
    error.code === 'NOT_FOUND'
      ? intl.formatMessage({ id: 'admin/order-tracking.state.notFound.text' }, { orderId })
      : intl.formatMessage({ id: ERROR_MESSAGE_IDS[error.code] })

  return (
    <EmptyState title={title}>
      <p role="alert">{text}</p>
      {RETRYABLE.includes(error.code) && (
        <div className="pt5">
          <Button variation="secondary" onClick={onRetry}>
            {intl.formatMessage({ id: 'admin/order-tracking.retry' })}
          </Button>
        </div>
      )}
    </EmptyState>
  )
}

export default LoadError
