// Turns what Apollo hands back for a failed call into one code and the fields at fault, so
// every component shows API errors the same way. The service's errors carry
// `extensions: { code, field?, fieldErrors? }` (see domain/errorCodes.ts).
import { ERROR_CODES, ErrorCode, FieldError } from '../domain'

/** A code from the API, or UNREACHABLE when no answer came back at all. */
export type ApiErrorCode = ErrorCode | 'UNREACHABLE'

export interface ApiError {
  code: ApiErrorCode
  fieldErrors: FieldError[]
}

interface GraphQLErrorLike {
  extensions?: { code?: unknown; field?: unknown; fieldErrors?: unknown }
}

interface ApolloErrorLike {
  graphQLErrors?: readonly GraphQLErrorLike[]
  networkError?: { statusCode?: number; result?: { errors?: GraphQLErrorLike[] } } | null
}

const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, value)

function fieldErrorsOf(extensions: NonNullable<GraphQLErrorLike['extensions']>): FieldError[] {
  if (Array.isArray(extensions.fieldErrors)) {
    return extensions.fieldErrors.filter(
      (e): e is FieldError => typeof e === 'object' && e !== null && typeof e.field === 'string'
    )
  }
  // An error that names only its field: the page still shows it there, with a generic text.
  if (typeof extensions.field === 'string') {
    return [{ field: extensions.field, reason: 'INVALID_FORMAT', message: '' }]
  }
  return []
}

export function apiErrorOf(error: unknown): ApiError {
  const { graphQLErrors = [], networkError } = (error ?? {}) as ApolloErrorLike
  // A non-2xx answer still carries the GraphQL errors, in the network error's body.
  const first = graphQLErrors[0] ?? networkError?.result?.errors?.[0]
  if (first) {
    const extensions = first.extensions ?? {}
    return {
      code: isErrorCode(extensions.code) ? extensions.code : 'INTERNAL_SERVER_ERROR',
      fieldErrors: fieldErrorsOf(extensions),
    }
  }
  if (networkError?.statusCode === 401) return { code: 'UNAUTHENTICATED', fieldErrors: [] }
  if (networkError?.statusCode === 403) return { code: 'FORBIDDEN', fieldErrors: [] }
  if (networkError?.statusCode !== undefined) return { code: 'INTERNAL_SERVER_ERROR', fieldErrors: [] }
  return { code: 'UNREACHABLE', fieldErrors: [] }
}
