import React, { useEffect, useRef, useState } from 'react'
import { useIntl } from 'react-intl'
import { Button, ModalDialog } from 'vtex.styleguide'

import { validateTrackingStatus } from '../../domain'
import UPDATE_TRACKING_STATUS from '../../graphql/updateTrackingStatus.gql'
import { useFieldErrorText } from '../formErrors'
import { QUEUE_QUERIES } from '../workQueue/queueUrl'
import { toDateTimeLocalValue, toIsoWithOffset } from '../localDateTime'
import { focusWhenShown, invoiceCardId, useAnnounce } from '../liveRegion'
import { useInvoiceMutation } from '../useInvoiceMutation'
import { useWriteAccess } from '../writeAccess'
import ApiErrorAlert from './ApiErrorAlert'
import DateTimeField from './DateTimeField'

type Field = 'deliveredDate'

const FIELD_BY_PATH: Record<string, Field> = { 'input.deliveredDate': 'deliveredDate' }

interface Props {
  orderId: string
  invoiceNumber: string
}

/** Marks the invoice delivered, after the merchant confirms the date in a dialog. */
const MarkDelivered: React.FC<Props> = ({ orderId, invoiceNumber }) => {
  const intl = useIntl()
  const errorText = useFieldErrorText()
  const announce = useAnnounce()
  const { canWrite } = useWriteAccess()
  const [isOpen, setOpen] = useState(false)
  const [date, setDate] = useState('')
  // A successful write makes the invoice delivered, and the card drops this component before
  // the mutation's promise settles: then there is no dialog left to close.
  const mounted = useRef(true)
  useEffect(() => () => void (mounted.current = false), [])

  const { send, loading, errors, alert, closeAlert, reset } = useInvoiceMutation({
    mutation: UPDATE_TRACKING_STATUS,
    field: 'updateTrackingStatus',
    orderId,
    invoiceNumber,
    fieldByPath: FIELD_BY_PATH,
    // The work queue below shows the invoice's new state.
    refetchQueries: QUEUE_QUERIES,
  })

  const titleId = `order-tracking-${invoiceNumber}-delivered-title`
  const openerId = `order-tracking-${invoiceNumber}-mark-delivered`
  // The styleguide's modal neither names itself nor moves focus: the content does both, and
  // focus goes back to the button that opened it.
  const close = () => {
    setOpen(false)
    document.getElementById(openerId)?.focus()
  }

  const open = () => {
    setDate(toDateTimeLocalValue(new Date()))
    reset()
    setOpen(true)
  }

  const confirm = async () => {
    // No events: in MERGE mode the service keeps the ones the invoice already has.
    const input = { isDelivered: true, deliveredDate: toIsoWithOffset(date) ?? '', events: [] }
    const sent = await send(validateTrackingStatus(input, Date.now()), () => ({ mode: 'MERGE', input }))
    if (!sent) return
    // The delivered invoice drops this button: focus goes to the invoice, not to <body>.
    if (mounted.current) setOpen(false)
    focusWhenShown(invoiceCardId(invoiceNumber))
    announce(intl.formatMessage({ id: 'admin/order-tracking.announce.delivered' }, { invoiceNumber }))
  }

  // Enter in the date field confirms, as in a one-field form.
  const confirmOnEnter = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || loading) return
    event.preventDefault()
    void confirm()
  }

  return (
    <>
      {/* Without write access the event form above says why (WriteAccessNote). */}
      <Button id={openerId} variation="secondary" onClick={open} disabled={!canWrite}>
        {intl.formatMessage({ id: 'admin/order-tracking.markDelivered.open' })}
      </Button>
      <ModalDialog
        isOpen={isOpen}
        onClose={close}
        loading={loading}
        confirmation={{
          label: intl.formatMessage({ id: 'admin/order-tracking.markDelivered.confirm' }),
          onClick: confirm,
        }}
        cancelation={{
          label: intl.formatMessage({ id: 'admin/order-tracking.cancel' }),
          onClick: close,
        }}
      >
        <div role="dialog" aria-modal="true" aria-labelledby={titleId}>
          <h3 id={titleId} className="t-heading-5 mt0">
            {intl.formatMessage({ id: 'admin/order-tracking.markDelivered.title' }, { invoiceNumber })}
          </h3>
          <p>{intl.formatMessage({ id: 'admin/order-tracking.markDelivered.text' })}</p>
          {alert && <ApiErrorAlert code={alert} onClose={closeAlert} />}
          <DateTimeField
            id={`order-tracking-${invoiceNumber}-delivered-date`}
            label={intl.formatMessage({ id: 'admin/order-tracking.markDelivered.date' })}
            value={date}
            onChange={setDate}
            onKeyDown={confirmOnEnter}
            errorMessage={errorText(errors.deliveredDate)}
            autoFocus
          />
        </div>
      </ModalDialog>
    </>
  )
}

export default MarkDelivered
