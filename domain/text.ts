// Free text from carriers and merchants: trimmed, in Unicode's composed form (NFC), bounded in
// characters (code points, as a person counts them), and free of control characters and
// broken UTF-16 that would corrupt the JSON OMS stores or hide text in the Admin, and of the
// bidi controls that make text display differently from what is stored. Any script, RTL
// included, is welcome: the direction of each text comes from its own letters.
import { FieldError, fieldError } from './fieldErrors'

// C0 and C1 controls and DEL; tab and line breaks only where multi-line text makes sense.
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f]/
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/
// Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): an unclosed U+202E in a
// city reverses the page's own text after it, and a reversed description reads as another
// sentence than the one stored.
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/
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
  // Composed form, so that one text has one stored form however it was typed or exported.
  const trimmed = value.trim().normalize('NFC')
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
  if (BIDI_CONTROL.test(trimmed)) {
    return {
      value: '',
      errors: [
        fieldError(
          field,
          'INVALID_CHARACTERS',
          `${field} contains bidirectional control characters (U+202A–U+202E, U+2066–U+2069), which make text display differently from what is stored.`
        ),
      ],
    }
  }
  return { value: trimmed, errors: [] }
}

// Format characters (Unicode category Cf: zero-width space and joiners, word joiner, BOM,
// soft hyphen, tag characters...) are invisible; no-break and other spaces look like spaces.
const FORMAT_CHARACTERS = /\p{Cf}/gu
const SPACES = /[\s\p{Zs}]+/gu

/**
 * A text as a person reads it, for telling duplicates apart: NFC, without format characters,
 * every run of spaces (no-break ones included) as one space, trimmed. Only for comparing;
 * what is stored keeps the text as sent (in NFC).
 */
export function comparableText(text: string): string {
  return text.normalize('NFC').replace(FORMAT_CHARACTERS, '').replace(SPACES, ' ').trim()
}
