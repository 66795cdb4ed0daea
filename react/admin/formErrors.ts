// One way for every form to show refusals: the domain's validation and the API's
// BAD_USER_INPUT both name fields by path (input.events[0].date), which each form maps to
// its own inputs; what no input owns is shown above the form.
import { useIntl } from 'react-intl'

import { FieldError } from '../domain'
import { ApiErrorCode, apiErrorOf } from './apiErrors'
import { FIELD_ERROR_MESSAGE_IDS } from './messageIds'

export type FormErrors<F extends string> = Partial<Record<F, FieldError>>

export interface FormFailure<F extends string> {
  fields: FormErrors<F>
  /** The code to show above the form, or null when every error sits at a field. */
  alert: ApiErrorCode | null
}

/** Each error at its field (the first one per field); `unplaced` tells if any had no field. */
export function placeFieldErrors<F extends string>(
  errors: readonly FieldError[],
  fieldByPath: Readonly<Record<string, F>>
): { fields: FormErrors<F>; unplaced: boolean } {
  const fields: FormErrors<F> = {}
  let unplaced = false
  for (const error of errors) {
    const field = fieldByPath[error.field]
    if (field === undefined) unplaced = true
    else if (!fields[field]) fields[field] = error
  }
  return { fields, unplaced }
}

/** Where a failed mutation's error goes in a form. */
export function formFailureOf<F extends string>(
  error: unknown,
  fieldByPath: Readonly<Record<string, F>>
): FormFailure<F> {
  const apiError = apiErrorOf(error)
  const { fields, unplaced } = placeFieldErrors(apiError.fieldErrors, fieldByPath)
  const placedAll = apiError.code === 'BAD_USER_INPUT' && !unplaced && Object.keys(fields).length > 0
  return { fields, alert: placedAll ? null : apiError.code }
}

/** The localized text for a refusal, by its reason (the API's English message is for logs). */
export function useFieldErrorText(): (error: FieldError | undefined) => string | undefined {
  const intl = useIntl()
  return error =>
    error &&
    intl.formatMessage({
      id: FIELD_ERROR_MESSAGE_IDS[error.reason] ?? FIELD_ERROR_MESSAGE_IDS.INVALID_FORMAT,
    })
}
