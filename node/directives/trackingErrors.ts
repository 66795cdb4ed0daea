// The error boundary of the API. @trackingErrors stands after @auth on every root field, so
// graphql-tools makes it the outermost wrapper: it sees the resolver's failures and the
// platform's authentication and authorization failures alike, and lets only TrackingErrors
// out. The runtime logs and returns each error with its stack and, for HTTP failures, the
// request config (the app token among its headers); a TrackingError has neither.
import { GraphQLField, defaultFieldResolver, isNonNullType } from 'graphql'
import { SchemaDirectiveVisitor } from 'graphql-tools'

import { NOTIFY_INVOICE } from '../authorization'
import { TrackingError } from '../errors/trackingError'
import { markPrivate, requestRefusal } from '../requestGate'

interface LoggerLike {
  warn(message: unknown): void
  error(message: unknown): void
}

/** Only names, codes and statuses: never a message, URL or header of an upstream failure. */
export function describeFailure(error: unknown): Record<string, string | number | undefined> {
  const e = (error ?? {}) as { name?: unknown; code?: unknown; response?: { status?: unknown }; config?: { metric?: unknown } }
  return {
    name: typeof e.name === 'string' ? e.name : typeof error,
    code: typeof e.code === 'string' ? e.code : undefined,
    status: typeof e.response?.status === 'number' ? e.response.status : undefined,
    metric: typeof e.config?.metric === 'string' ? e.config.metric : undefined,
  }
}

function unauthenticated(): TrackingError {
  return new TrackingError(
    // No header names here (a response names none); the README's "Calling it" says where tokens go.
    "Sign in to VTEX: this call needs the token of a user or an app of this account, as the caller's own VTEX ID token.",
    { code: 'UNAUTHENTICATED' }
  )
}

function forbidden(): TrackingError {
  return new TrackingError(
    `You need the "${NOTIFY_INVOICE.label}" resource (License Manager: OMS > OMS access) to read or post tracking events.`,
    { code: 'FORBIDDEN', resource: NOTIFY_INVOICE.label }
  )
}

/** Whether a failed @auth call was the License Manager one (read from its URL, never logged). */
function isLicenseManagerCall(error: unknown): boolean {
  const url = (error as { config?: { url?: unknown } }).config?.url
  return typeof url === 'string' && url.includes('/api/license-manager/')
}

export function toTrackingError(error: unknown, field: string, logger?: LoggerLike): TrackingError {
  if (error instanceof TrackingError) {
    if (error.extensions.code === 'UPSTREAM_UNAVAILABLE' || error.extensions.code === 'APP_NOT_AUTHORIZED') {
      logger?.warn({ message: `${field}: ${error.extensions.code}`, field })
    }
    return error
  }
  const platformCode = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code
  if (platformCode === 'UNAUTHENTICATED') return unauthenticated()
  if (platformCode === 'FORBIDDEN') return forbidden()
  if ((error as { isAxiosError?: unknown } | null)?.isAxiosError) {
    // @auth's own calls to VTEX ID or License Manager failed. A 401 or 403 is a refused
    // identity, not an outage: VTEX ID or License Manager did answer.
    const status = describeFailure(error).status
    if (status === 401 || status === 403) {
      logger?.warn({ message: `${field}: authorization check refused`, field, ...describeFailure(error) })
      return status === 403 && isLicenseManagerCall(error) ? forbidden() : unauthenticated()
    }
    logger?.warn({ message: `${field}: authorization check failed`, field, ...describeFailure(error) })
    return new TrackingError('Your credentials could not be checked right now. Try again shortly.', {
      code: 'UPSTREAM_UNAVAILABLE',
    })
  }
  logger?.error({ message: `${field}: unexpected failure`, field, ...describeFailure(error) })
  return new TrackingError('Something went wrong. The failure was logged.', { code: 'INTERNAL_SERVER_ERROR' })
}

// Request-wide refusals (method and content type of a mutation, too many root fields, too
// many updates) come from ../requestGate before @auth runs, with one error: the first root
// field throws it, the others (nullable ones) answer null without an error of their own. A
// non-null root field throws too. Security fix (test/security/limits.test.ts): 1,000 aliases
// of one root field ran 1,000 @auth checks and made 1,000 errors, which the runtime
// de-duplicates in quadratic time (70 s of CPU).
export { countRootFields } from '../requestGate'

export class TrackingErrors extends SchemaDirectiveVisitor {
  public visitFieldDefinition(field: GraphQLField<any, any>) {
    const { resolve = defaultFieldResolver } = field
    field.resolve = async (root, args, ctx, info) => {
      markPrivate(ctx)
      const refusal = info?.operation ? requestRefusal(ctx, info) : null
      if (refusal) {
        if (!refusal.first && !isNonNullType(info.returnType)) return null
        throw refusal.error
      }
      try {
        return await resolve(root, args, ctx, info)
      } catch (error) {
        throw toTrackingError(error, field.name, ctx?.vtex?.logger)
      }
    }
  }
}
