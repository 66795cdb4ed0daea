// What every form that writes one invoice does, once: check the input with the domain's
// rules before sending, place each refusal at its field (the domain's and the API's name
// fields by the same paths), send the mutation, and put the invoice it answers into the
// cached order so the page shows it without a reload.
import { DocumentNode } from 'graphql'
import { useState } from 'react'
import { useMutation } from 'react-apollo'

import { Validated } from '../domain'
import { ApiErrorCode } from './apiErrors'
import { FormErrors, formFailureOf, placeFieldErrors } from './formErrors'
import { writeInvoiceToOrder } from './invoiceCache'
import { InvoicePayload } from './types'

interface Options<F extends string> {
  mutation: DocumentNode
  /** The root field the mutation calls; its payload carries `invoice`. */
  field: 'updateTrackingStatus' | 'setInvoiceTracking'
  orderId: string
  invoiceNumber: string
  /** Which input shows an error, by the error's field path (e.g. input.events[0].date). */
  fieldByPath: Readonly<Record<string, F>>
  /** Queries to read again after the write (names of queries on screen). */
  refetchQueries?: string[]
}

export function useInvoiceMutation<F extends string>({ mutation, field, orderId, invoiceNumber, fieldByPath, refetchQueries }: Options<F>) {
  const [errors, setErrors] = useState<FormErrors<F>>({})
  const [alert, setAlert] = useState<ApiErrorCode | null>(null)
  // A payload is null when its field failed (each mutation payload is nullable on its own).
  const [mutate, { loading }] = useMutation<Record<string, InvoicePayload | null>>(mutation, {
    update: (cache, { data }) => {
      const payload = data?.[field]
      if (payload) writeInvoiceToOrder(cache, orderId, payload.invoice)
    },
    refetchQueries,
  })

  /** Sends `variables(value)` if `checked` passed; true once the API took it. */
  const send = async <T>(checked: Validated<T>, variables: (value: T) => Record<string, unknown>): Promise<boolean> => {
    setAlert(null)
    if (!checked.ok) {
      setErrors(placeFieldErrors(checked.errors, fieldByPath).fields)
      return false
    }
    setErrors({})
    try {
      await mutate({ variables: { orderId, invoiceNumber, ...variables(checked.value) } })
    } catch (error) {
      const failure = formFailureOf(error, fieldByPath)
      setErrors(failure.fields)
      setAlert(failure.alert)
      return false
    }
    return true
  }

  const reset = () => {
    setErrors({})
    setAlert(null)
  }

  return { send, loading, errors, alert, closeAlert: () => setAlert(null), reset }
}
