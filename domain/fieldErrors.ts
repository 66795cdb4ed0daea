// A refusal names the field at fault and why, so a form can show it next to that field
// and a batch report can say which cell of which row was wrong.

export type FieldErrorReason =
  | 'REQUIRED'
  | 'NOT_ALLOWED'
  | 'TOO_LONG'
  | 'TOO_MANY'
  | 'INVALID_FORMAT'
  | 'INVALID_CHARACTERS'
  | 'OUT_OF_RANGE'

export interface FieldError {
  /** Path of the offending value, e.g. `input.events[2].date`. */
  field: string
  reason: FieldErrorReason
  /** English text for logs and API callers; the admin page localizes by `reason`. */
  message: string
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] }

export const fieldError = (field: string, reason: FieldErrorReason, message: string): FieldError => ({
  field,
  reason,
  message,
})
