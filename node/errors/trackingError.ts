// The one error type resolvers let out. Its only enumerable property is `extensions`, which
// graphql-js copies into the response: a code, the field at fault, and nothing from
// upstream (no URL, header, token or stack). The @trackingErrors directive
// (directives/trackingErrors.ts) turns anything else into one before it leaves.
import { ErrorCode, FieldError, Validated } from '../domain'

export interface TrackingErrorExtensions {
  code: ErrorCode
  field?: string
  fieldErrors?: FieldError[]
  /** For FORBIDDEN and APP_NOT_AUTHORIZED: the License Manager resource that is missing. */
  resource?: string
}

export class TrackingError extends Error {
  public readonly extensions: TrackingErrorExtensions

  constructor(message: string, extensions: TrackingErrorExtensions) {
    super(message)
    this.extensions = extensions
    // Not enumerable, and not a stack: the runtime copies enumerable fields and `stack` into
    // responses and log lines.
    Object.defineProperty(this, 'name', { value: 'TrackingError', enumerable: false })
    Object.defineProperty(this, 'stack', { value: undefined, enumerable: false, writable: true })
  }

  /** The valid value, or BAD_USER_INPUT naming every field at fault. */
  static unlessValid<T>(checked: Validated<T>): T {
    if (!checked.ok) throw TrackingError.badInput(checked.errors)
    return checked.value
  }

  static badInput(fieldErrors: FieldError[]): TrackingError {
    const [first] = fieldErrors
    return new TrackingError(first.message, {
      code: 'BAD_USER_INPUT',
      field: first.field,
      fieldErrors,
    })
  }
}
