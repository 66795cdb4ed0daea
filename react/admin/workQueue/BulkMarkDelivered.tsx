// Marks the selected invoices delivered, with one date, through updateTrackingStatuses
// (MERGE, no events: the history stays), after a confirmation.
import React, { useState } from 'react'
import { useMutation } from 'react-apollo'
import { useIntl } from 'react-intl'
import { Alert, Button, Input, ModalDialog } from 'vtex.styleguide'

import { TrackingBatchItemResult, LIMITS, validateTrackingStatus } from '../../domain'
import UPDATE_TRACKING_STATUSES from '../../graphql/updateTrackingStatuses.gql'
import { ApiErrorCode, apiErrorOf } from '../apiErrors'
import ApiErrorAlert from '../components/ApiErrorAlert'
import { useFieldErrorText } from '../formErrors'
import { toDateTimeLocalValue, toIsoWithOffset } from '../localDateTime'
import { FieldError } from '../../domain'

export interface SelectedInvoice {
  orderId: string
  invoiceNumber: string
}

interface Props {
  selected: SelectedInvoice[]
  onDone: () => void
}

interface BatchData {
  updateTrackingStatuses: { results: TrackingBatchItemResult[]; succeeded: number; failed: number }
}

const OPENER_ID = 'order-tracking-queue-mark-delivered'
const TITLE_ID = 'order-tracking-queue-mark-delivered-title'

const BulkMarkDelivered: React.FC<Props> = ({ selected, onDone }) => {
  const intl = useIntl()
  const errorText = useFieldErrorText()
  const [isOpen, setOpen] = useState(false)
  const [date, setDate] = useState('')
  const [dateError, setDateError] = useState<FieldError | undefined>()
  const [alert, setAlert] = useState<ApiErrorCode | null>(null)
  const [outcome, setOutcome] = useState<{ ok: number; failed: number } | null>(null)
  const [send, { loading }] = useMutation<BatchData>(UPDATE_TRACKING_STATUSES)

  const close = () => {
    setOpen(false)
    document.getElementById(OPENER_ID)?.focus()
  }

  const confirm = async () => {
    setAlert(null)
    const input = { isDelivered: true, deliveredDate: toIsoWithOffset(date) ?? '', events: [] }
    const checked = validateTrackingStatus(input, Date.now())
    if (!checked.ok) {
      setDateError(checked.errors[0])
      return
    }
    setDateError(undefined)
    let ok = 0
    let failed = 0
    try {
      for (let start = 0; start < selected.length; start += LIMITS.batchSize) {
        const chunk = selected.slice(start, start + LIMITS.batchSize)
        const { data } = await send({ variables: { mode: 'MERGE', updates: chunk.map(item => ({ ...item, input })) } })
        ok += data?.updateTrackingStatuses.succeeded ?? 0
        failed += data?.updateTrackingStatuses.failed ?? 0
      }
    } catch (error) {
      setAlert(apiErrorOf(error).code)
      return
    }
    setOutcome({ ok, failed })
    close()
    onDone()
  }

  return (
    <>
      <Button
        id={OPENER_ID}
        variation="secondary"
        size="small"
        disabled={selected.length === 0}
        onClick={() => {
          setDate(toDateTimeLocalValue(new Date()))
          setDateError(undefined)
          setAlert(null)
          setOutcome(null)
          setOpen(true)
        }}
      >
        {intl.formatMessage({ id: 'admin/order-tracking.queue.markDelivered' }, { count: selected.length })}
      </Button>
      {outcome && (
        <div className="mt3" role="status">
          <Alert type={outcome.failed ? 'warning' : 'success'} onClose={() => setOutcome(null)}>
            {intl.formatMessage({ id: 'admin/order-tracking.queue.markDelivered.done' }, outcome)}
          </Alert>
        </div>
      )}
      <ModalDialog
        isOpen={isOpen}
        onClose={close}
        loading={loading}
        confirmation={{ label: intl.formatMessage({ id: 'admin/order-tracking.markDelivered.confirm' }), onClick: confirm }}
        cancelation={{ label: intl.formatMessage({ id: 'admin/order-tracking.cancel' }), onClick: close }}
      >
        <div role="dialog" aria-modal="true" aria-labelledby={TITLE_ID}>
          <h3 id={TITLE_ID} className="t-heading-5 mt0">
            {intl.formatMessage({ id: 'admin/order-tracking.queue.markDelivered.title' }, { count: selected.length })}
          </h3>
          {alert && <ApiErrorAlert code={alert} onClose={() => setAlert(null)} />}
          <Input
            id="order-tracking-queue-delivered-date"
            type="datetime-local"
            label={intl.formatMessage({ id: 'admin/order-tracking.markDelivered.date' })}
            helpText={intl.formatMessage({ id: 'admin/order-tracking.dateHelp' })}
            value={date}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDate(e.target.value)}
            errorMessage={errorText(dateError)}
            autoFocus
          />
        </div>
      </ModalDialog>
    </>
  )
}

export default BulkMarkDelivered
