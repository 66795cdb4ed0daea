// Free text from carriers and merchants: trimmed, bounded in characters (code points, as a
// person counts them), and free of control characters and broken UTF-16 that would corrupt
// the JSON OMS stores or hide text in the Admin. Any script, RTL included, is welcome.
import { FieldError, fieldError } from './fieldErrors'

// C0 and C1 controls and DEL; tab and line breaks only where multi-line text makes sense.
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f]/
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

export interface TextRule {
  maxLength: number
  multiLine?: boolean
}

/** The trimmed text, or the errors that refuse it. */
export function validateText(
  value: unknown,
  field: string,
  rule: TextRule
): { value: string; errors: FieldError[] } {
  if (typeof value !== 'string' || value.trim().length === 0) {
    return { value: '', errors: [fieldError(field, 'REQUIRED', `${field} must not be empty.`)] }
  }
  const trimmed = value.trim()
  // Counted before the character checks so a huge string is refused without scanning it twice.
  if (trimmed.length > rule.maxLength * 2 || [...trimmed].length > rule.maxLength) {
    return {
      value: '',
      errors: [fieldError(field, 'TOO_LONG', `${field} must be at most ${rule.maxLength} characters.`)],
    }
  }
  const control = rule.multiLine ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE
  if (control.test(trimmed) || LONE_SURROGATE.test(trimmed)) {
    return {
      value: '',
      errors: [fieldError(field, 'INVALID_CHARACTERS', `${field} contains control or invalid characters.`)],
    }
  }
  return { value: trimmed, errors: [] }
}
