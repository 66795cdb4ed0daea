// Marks the selected invoices delivered, with one date, through updateTrackingStatuses
// (MERGE, no events: the history stays), after a confirmation.
import React, { useState } from 'react'
import { useMutation } from 'react-apollo'
import { useIntl } from 'react-intl'
import { Alert, Button, ModalDialog } from 'vtex.styleguide'

import { TrackingBatchItemResult, LIMITS, validateTrackingStatus } from '../../domain'
import UPDATE_TRACKING_STATUSES from '../../graphql/updateTrackingStatuses.gql'
import { ApiErrorCode, apiErrorOf } from '../apiErrors'
import ApiErrorAlert from '../components/ApiErrorAlert'
import DateTimeField from '../components/DateTimeField'
import { useFieldErrorText } from '../formErrors'
import { focusWhenShown, useAnnounce } from '../liveRegion'
import { toDateTimeLocalValue, toIsoWithOffset } from '../localDateTime'
import { WriteAccessNote, useWriteAccess } from '../writeAccess'
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
// Where focus goes once it is done: the count of what was marked.
const OUTCOME_ID = 'order-tracking-queue-mark-delivered-outcome'

const BulkMarkDelivered: React.FC<Props> = ({ selected, onDone }) => {
  const intl = useIntl()
  const errorText = useFieldErrorText()
  const announce = useAnnounce()
  const { canWrite } = useWriteAccess()
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
    // Not back to the opener: the refresh empties the selection, which disables it.
    setOpen(false)
    onDone()
    focusWhenShown(OUTCOME_ID)
    announce(intl.formatMessage({ id: 'admin/order-tracking.queue.markDelivered.done' }, { ok, failed }))
  }

  // Enter in the date field confirms, as in a one-field form.
  const confirmOnEnter = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || loading) return
    event.preventDefault()
    void confirm()
  }

  return (
    <>
      <Button
        id={OPENER_ID}
        variation="secondary"
        size="small"
        disabled={selected.length === 0 || !canWrite}
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
      <WriteAccessNote />
      {outcome && (
        <div id={OUTCOME_ID} tabIndex={-1} className="mt3">
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
          <DateTimeField
            id="order-tracking-queue-delivered-date"
            label={intl.formatMessage({ id: 'admin/order-tracking.markDelivered.date' })}
            value={date}
            onChange={setDate}
            onKeyDown={confirmOnEnter}
            errorMessage={errorText(dateError)}
            autoFocus
          />
        </div>
      </ModalDialog>
    </>
  )
}

export default BulkMarkDelivered
