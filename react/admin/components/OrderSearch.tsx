import React, { useState } from 'react'
import { useIntl } from 'react-intl'
import { Button, Input } from 'vtex.styleguide'

import { FieldError, LIMITS, validateOrderId } from '../../domain'
import { useFieldErrorText } from '../formErrors'

interface Props {
  /** From the URL; an invalid one is shown with its error instead of being searched. */
  initialOrderId: string
  onSearch: (orderId: string) => void
}

const OrderSearch: React.FC<Props> = ({ initialOrderId, onSearch }) => {
  const intl = useIntl()
  const errorText = useFieldErrorText()
  const [value, setValue] = useState(initialOrderId)
  const [error, setError] = useState<FieldError | undefined>(
    () => (initialOrderId ? validateOrderId(initialOrderId)[0] : undefined)
  )

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    const orderId = value.trim()
    const [invalid] = validateOrderId(orderId)
    setError(invalid)
    if (!invalid) onSearch(orderId)
  }

  return (
    <form className="flex flex-wrap items-end" onSubmit={submit} role="search">
      <div className="flex-auto mr4 mb3">
        <Input
          id="order-tracking-order-id"
          name="orderId"
          label={intl.formatMessage({ id: 'admin/order-tracking.search.orderId' })}
          placeholder={intl.formatMessage({ id: 'admin/order-tracking.search.placeholder' })}
          value={value}
          maxLength={LIMITS.orderIdMaxLength}
          autoComplete="off"
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setValue(e.target.value)}
          errorMessage={errorText(error)}
        />
      </div>
      <div className="mb3">
        <Button type="submit" variation="primary">
          {intl.formatMessage({ id: 'admin/order-tracking.search.submit' })}
        </Button>
      </div>
    </form>
  )
}

export default OrderSearch
