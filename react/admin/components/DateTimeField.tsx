// A date-time typed in one text field (see localDateTime.ts for why not datetime-local). It
// holds what is typed; the form gets the datetime-local value, or '' while the text is no
// date-time (the form's check then names the field). A new value from the form (reset to
// now after a write) replaces the text.
import React, { useEffect, useRef, useState } from 'react'
import { useIntl } from 'react-intl'
import { Input } from 'vtex.styleguide'

import { TypedDateOrder, fromTypedDateTime, toTypedDateTime, typedDateOrderOf } from '../localDateTime'

const PATTERN_IDS: Record<TypedDateOrder, string> = {
  iso: 'admin/order-tracking.dateTime.pattern.iso',
  dayFirst: 'admin/order-tracking.dateTime.pattern.dayFirst',
}
const FORMAT_IDS: Record<TypedDateOrder, string> = {
  iso: 'admin/order-tracking.dateTime.format.iso',
  dayFirst: 'admin/order-tracking.dateTime.format.dayFirst',
}

interface Props {
  id: string
  label: string
  /** A datetime-local value (yyyy-mm-ddThh:mm), or ''. */
  value: string
  onChange: (value: string) => void
  errorMessage?: string
  disabled?: boolean
  autoFocus?: boolean
  onKeyDown?: (event: React.KeyboardEvent<HTMLInputElement>) => void
}

const DateTimeField: React.FC<Props> = ({ id, label, value, onChange, errorMessage, disabled, autoFocus, onKeyDown }) => {
  const intl = useIntl()
  const order = typedDateOrderOf(intl.locale)
  const [text, setText] = useState(() => toTypedDateTime(value, order))
  // The value this field last handed up: any other one comes from the form.
  const handedUp = useRef(value)
  useEffect(() => {
    if (value === handedUp.current) return
    handedUp.current = value
    setText(toTypedDateTime(value, order))
  }, [value, order])

  const change = (typed: string) => {
    setText(typed)
    handedUp.current = fromTypedDateTime(typed, order) ?? ''
    onChange(handedUp.current)
  }

  return (
    <Input
      id={id}
      type="text"
      autoComplete="off"
      label={label}
      placeholder={intl.formatMessage({ id: PATTERN_IDS[order] })}
      helpText={`${intl.formatMessage({ id: FORMAT_IDS[order] })} ${intl.formatMessage({ id: 'admin/order-tracking.dateHelp' })}`}
      value={text}
      disabled={disabled}
      autoFocus={autoFocus}
      onKeyDown={onKeyDown}
      onChange={(e: React.ChangeEvent<HTMLInputElement>) => change(e.target.value)}
      errorMessage={errorMessage}
    />
  )
}

export default DateTimeField
