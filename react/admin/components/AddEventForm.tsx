import React, { useEffect, useRef, useState } from 'react'
import { useIntl } from 'react-intl'
import { Alert, Button, Dropdown, Input, Textarea } from 'vtex.styleguide'

import {
  FINAL_TRACKING_STATUSES,
  LIMITS,
  TRACKING_STATUSES,
  TrackingStatus,
  isTrackingStatus,
  statusCodeOf,
  validateTrackingStatus,
} from '../../domain'
import UPDATE_TRACKING_STATUS from '../../graphql/updateTrackingStatus.gql'
import { useFieldErrorText } from '../formErrors'
import { toDateTimeLocalValue, toIsoWithOffset } from '../localDateTime'
import { statusLabelId } from '../messageIds'
import { usePresetDescriptions } from '../shopperLanguage'
import { useInvoiceMutation } from '../useInvoiceMutation'
import { QUEUE_QUERIES } from '../workQueue/queueUrl'
import { WriteAccessNote, useWriteAccess } from '../writeAccess'
import ApiErrorAlert from './ApiErrorAlert'
import DateTimeField from './DateTimeField'

type Field = 'city' | 'state' | 'description' | 'date'

// The event goes first in the list, and a delivered preset sends its date as deliveredDate.
const FIELD_BY_PATH: Record<string, Field> = {
  'input.events[0].city': 'city',
  'input.events[0].state': 'state',
  'input.events[0].description': 'description',
  'input.events[0].date': 'date',
  'input.deliveredDate': 'date',
}

const DEFAULT_STATUS: TrackingStatus = 'inTransit'

interface Props {
  orderId: string
  invoiceNumber: string
}

const AddEventForm: React.FC<Props> = ({ orderId, invoiceNumber }) => {
  const intl = useIntl()
  const errorText = useFieldErrorText()
  const { canWrite } = useWriteAccess()
  // The preset is written in the shoppers' language (app settings): it lands on their timeline.
  // Until the settings answer, the status choice waits; without them, no text is suggested.
  const presets = usePresetDescriptions()
  const describe = presets.describe

  const [status, setStatus] = useState<TrackingStatus>(DEFAULT_STATUS)
  const [description, setDescription] = useState(() => describe(DEFAULT_STATUS))
  const [city, setCity] = useState('')
  const [state, setState] = useState('')
  const [date, setDate] = useState(() => toDateTimeLocalValue(new Date()))
  const [added, setAdded] = useState(false)
  // The settings arrive after the first render: an untouched preset follows their language.
  const preset = describe(status)
  const shownPreset = useRef(preset)
  useEffect(() => {
    if (description === shownPreset.current && description !== preset) setDescription(preset)
    shownPreset.current = preset
  }, [preset]) // eslint-disable-line react-hooks/exhaustive-deps

  const { send, loading, errors, alert, closeAlert } = useInvoiceMutation({
    mutation: UPDATE_TRACKING_STATUS,
    field: 'updateTrackingStatus',
    orderId,
    invoiceNumber,
    fieldByPath: FIELD_BY_PATH,
    // The work queue below shows the invoice's new state.
    refetchQueries: QUEUE_QUERIES,
  })

  const chooseStatus = (value: string) => {
    if (!isTrackingStatus(value)) return
    setStatus(value)
    // Without the shoppers' language, what the operator typed stays.
    if (presets.state !== 'ready') return
    shownPreset.current = describe(value)
    setDescription(describe(value))
  }

  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    if (!canWrite) return
    setAdded(false)
    const at = toIsoWithOffset(date) ?? ''
    const isDelivered = FINAL_TRACKING_STATUSES.includes(status)
    const input = {
      isDelivered,
      ...(isDelivered ? { deliveredDate: at } : {}),
      // The status goes with the event: OMS keeps only the text, the tracking index keeps it.
      events: [{ city, state, description, date: at, status: statusCodeOf(status) }],
    }
    const sent = await send(validateTrackingStatus(input, Date.now()), value => ({
      mode: 'MERGE',
      input: { ...input, events: value.events.map(e => ({ ...e, status: statusCodeOf(status) })) },
    }))
    if (!sent) return
    setAdded(true)
    setCity('')
    setState('')
    setDate(toDateTimeLocalValue(new Date()))
  }

  const id = (field: string) => `order-tracking-${invoiceNumber}-event-${field}`

  return (
    <form onSubmit={submit} noValidate aria-labelledby={id('title')}>
      <h4 id={id('title')} className="t-heading-6 mt0 mb4">{intl.formatMessage({ id: 'admin/order-tracking.addEvent.title' })}</h4>
      <WriteAccessNote />
      {alert && <ApiErrorAlert code={alert} onClose={closeAlert} />}
      {added && (
        <div className="mb4">
          <Alert type="success" onClose={() => setAdded(false)}>
            {intl.formatMessage({ id: 'admin/order-tracking.addEvent.added' })}
          </Alert>
        </div>
      )}
      <div className="mb4">
        <Dropdown
          id={id('status')}
          label={intl.formatMessage({ id: 'admin/order-tracking.addEvent.status' })}
          options={TRACKING_STATUSES.map(value => ({ value, label: intl.formatMessage({ id: statusLabelId(value) }) }))}
          value={status}
          disabled={!canWrite || presets.state === 'loading'}
          onChange={(_: unknown, value: string) => chooseStatus(value)}
        />
        {presets.state !== 'ready' && (
          <p id={id('presets')} className="t-small c-on-base mt2 mb0">
            {intl.formatMessage({
              id: presets.state === 'loading' ? 'admin/order-tracking.addEvent.presetsLoading' : 'admin/order-tracking.addEvent.presetsUnavailable',
            })}
          </p>
        )}
      </div>
      <div className="mb4">
        <Textarea
          id={id('description')}
          label={intl.formatMessage({ id: 'admin/order-tracking.addEvent.description' })}
          value={description}
          disabled={!canWrite}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setDescription(e.target.value)}
          errorMessage={errorText(errors.description)}
        />
      </div>
      <div className="flex flex-wrap">
        <div className="w-50 pr4 mb4">
          <Input
            id={id('city')}
            label={intl.formatMessage({ id: 'admin/order-tracking.addEvent.city' })}
            value={city}
            disabled={!canWrite}
            maxLength={LIMITS.cityMaxLength}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setCity(e.target.value)}
            errorMessage={errorText(errors.city)}
          />
        </div>
        <div className="w-50 mb4">
          <Input
            id={id('state')}
            label={intl.formatMessage({ id: 'admin/order-tracking.addEvent.state' })}
            value={state}
            disabled={!canWrite}
            maxLength={LIMITS.stateMaxLength}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setState(e.target.value)}
            errorMessage={errorText(errors.state)}
          />
        </div>
        <div className="w-100 mb4">
          <DateTimeField
            id={id('date')}
            label={intl.formatMessage({ id: 'admin/order-tracking.addEvent.date' })}
            value={date}
            disabled={!canWrite}
            onChange={setDate}
            errorMessage={errorText(errors.date)}
          />
        </div>
      </div>
      <Button type="submit" variation="primary" isLoading={loading} disabled={!canWrite}>
        {intl.formatMessage({ id: 'admin/order-tracking.addEvent.submit' })}
      </Button>
    </form>
  )
}

export default AddEventForm
