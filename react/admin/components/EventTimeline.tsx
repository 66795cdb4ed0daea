import React from 'react'
import { useIntl } from 'react-intl'

import { TrackingEvent, eventInstant } from '../../domain'
import { useFormatInstant } from '../useFormatInstant'

interface Props {
  invoiceNumber: string
  events: readonly TrackingEvent[]
}

/** Newest first; events whose date cannot be read go last, in the order OMS keeps them. */
function newestFirst(events: readonly TrackingEvent[]): TrackingEvent[] {
  return events
    .map((event, index) => ({ event, index, at: eventInstant(event) }))
    .sort((a, b) => {
      const byTime = (Number.isNaN(b.at) ? -Infinity : b.at) - (Number.isNaN(a.at) ? -Infinity : a.at)
      return byTime !== 0 && !Number.isNaN(byTime) ? byTime : a.index - b.index
    })
    .map(({ event }) => event)
}

const EventTimeline: React.FC<Props> = ({ invoiceNumber, events }) => {
  const intl = useIntl()
  const formatInstant = useFormatInstant()
  const label = intl.formatMessage({ id: 'admin/order-tracking.timeline.title' }, { invoiceNumber })

  if (events.length === 0) {
    return <p className="c-muted-1 t-small">{intl.formatMessage({ id: 'admin/order-tracking.timeline.empty' })}</p>
  }

  return (
    <ol aria-label={label} className="list pl0 mv0">
      {newestFirst(events).map((event, index) => (
        <li key={index} className="bl bw1 b--muted-4 pl4 pb4 relative">
          {/* Carrier text is isolated, so its direction (or a stray bidi control stored by
              another writer) cannot reorder the page's own text around it. */}
          <div className="t-body c-on-base" dir="auto">
            {event.description}
          </div>
          <div className="t-small c-muted-1">
            {intl.formatMessage(
              { id: 'admin/order-tracking.timeline.placeAndDate' },
              { city: <bdi key="city">{event.city}</bdi>, state: <bdi key="state">{event.state}</bdi>, date: formatInstant(event.date) }
            )}
          </div>
        </li>
      ))}
    </ol>
  )
}

export default EventTimeline
