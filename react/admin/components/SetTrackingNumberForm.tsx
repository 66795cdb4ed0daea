import React, { useState } from 'react'
import { useIntl } from 'react-intl'
import { Button, Input } from 'vtex.styleguide'

import { LIMITS, validateInvoiceTracking } from '../../domain'
import SET_INVOICE_TRACKING from '../../graphql/setInvoiceTracking.gql'
import { useFieldErrorText } from '../formErrors'
import { focusWhenShown, invoiceCardId, useAnnounce } from '../liveRegion'
import { useInvoiceMutation } from '../useInvoiceMutation'
import { QUEUE_QUERIES } from '../workQueue/queueUrl'
import { WriteAccessNote, useWriteAccess } from '../writeAccess'
import ApiErrorAlert from './ApiErrorAlert'

type Field = 'trackingNumber' | 'trackingUrl' | 'courier'

const FIELD_BY_PATH: Record<string, Field> = {
  'input.trackingNumber': 'trackingNumber',
  'input.trackingUrl': 'trackingUrl',
  'input.courier': 'courier',
}

interface Props {
  orderId: string
  invoiceNumber: string
  courier: string | null
}

/** OMS takes no tracking events before the invoice has a tracking number: this sets it. */
const SetTrackingNumberForm: React.FC<Props> = ({ orderId, invoiceNumber, courier: currentCourier }) => {
  const intl = useIntl()
  const errorText = useFieldErrorText()
  const announce = useAnnounce()
  const { canWrite } = useWriteAccess()
  const [trackingNumber, setTrackingNumber] = useState('')
  const [trackingUrl, setTrackingUrl] = useState('')
  const [courier, setCourier] = useState(currentCourier ?? '')
  const { send, loading, errors, alert, closeAlert } = useInvoiceMutation({
    mutation: SET_INVOICE_TRACKING,
    field: 'setInvoiceTracking',
    orderId,
    invoiceNumber,
    fieldByPath: FIELD_BY_PATH,
    // The work queue below shows the invoice's new state.
    refetchQueries: QUEUE_QUERIES,
  })

  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    if (!canWrite) return
    const checked = validateInvoiceTracking({ trackingNumber, trackingUrl, courier }, Date.now())
    const sent = await send(checked, value => ({
      input: {
        trackingNumber: value.trackingNumber,
        ...(value.trackingUrl ? { trackingUrl: value.trackingUrl } : {}),
        ...(value.courier ? { courier: value.courier } : {}),
      },
    }))
    if (!sent || !checked.ok) return
    // The card swaps this form for the event form: focus goes to the invoice, not to <body>.
    focusWhenShown(invoiceCardId(invoiceNumber))
    announce(intl.formatMessage({ id: 'admin/order-tracking.announce.trackingNumberSaved' }, { trackingNumber: checked.value.trackingNumber, invoiceNumber }))
  }

  const id = (field: string) => `order-tracking-${invoiceNumber}-${field}`

  return (
    <form onSubmit={submit} noValidate aria-labelledby={id('tracking-title')}>
      <h4 id={id('tracking-title')} className="t-heading-6 mt0 mb2">
        {intl.formatMessage({ id: 'admin/order-tracking.setTracking.title' })}
      </h4>
      <p className="t-small c-muted-1 mt0 mb4">{intl.formatMessage({ id: 'admin/order-tracking.setTracking.text' })}</p>
      <WriteAccessNote />
      {alert && <ApiErrorAlert code={alert} onClose={closeAlert} />}
      <div className="flex flex-wrap">
        <div className="w-100 w-third-l pr4-l mb4">
          <Input
            id={id('tracking-number')}
            label={intl.formatMessage({ id: 'admin/order-tracking.setTracking.trackingNumber' })}
            value={trackingNumber}
            disabled={!canWrite}
            maxLength={LIMITS.trackingNumberMaxLength}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTrackingNumber(e.target.value)}
            errorMessage={errorText(errors.trackingNumber)}
          />
        </div>
        <div className="w-100 w-third-l pr4-l mb4">
          <Input
            id={id('tracking-url')}
            type="url"
            label={intl.formatMessage({ id: 'admin/order-tracking.setTracking.trackingUrl' })}
            placeholder="https://"
            value={trackingUrl}
            disabled={!canWrite}
            maxLength={LIMITS.trackingUrlMaxLength}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTrackingUrl(e.target.value)}
            errorMessage={errorText(errors.trackingUrl)}
          />
        </div>
        <div className="w-100 w-third-l mb4">
          <Input
            id={id('courier')}
            label={intl.formatMessage({ id: 'admin/order-tracking.setTracking.courier' })}
            value={courier}
            disabled={!canWrite}
            maxLength={LIMITS.courierMaxLength}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setCourier(e.target.value)}
            errorMessage={errorText(errors.courier)}
          />
        </div>
      </div>
      <Button type="submit" variation="primary" isLoading={loading} disabled={!canWrite}>
        {intl.formatMessage({ id: 'admin/order-tracking.setTracking.submit' })}
      </Button>
    </form>
  )
}

export default SetTrackingNumberForm
