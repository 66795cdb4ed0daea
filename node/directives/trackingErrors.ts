// The error boundary of the API. @trackingErrors stands after @auth on every root field, so
// graphql-tools makes it the outermost wrapper: it sees the resolver's failures and the
// platform's authentication and authorization failures alike, and lets only TrackingErrors
// out. The runtime logs and returns each error with its stack and, for HTTP failures, the
// request config (the app token among its headers); a TrackingError has neither.
import { GraphQLField, GraphQLResolveInfo, SelectionSetNode, defaultFieldResolver, isNonNullType } from 'graphql'
import { SchemaDirectiveVisitor } from 'graphql-tools'

import { NOTIFY_INVOICE } from '../authorization'
import { LIMITS, fieldError } from '../domain'
import { TrackingError } from '../errors/trackingError'

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

// Security fix (test/security/limits.test.ts): a request of 1,000 aliases of one root field
// ran 1,000 @auth checks (2,000 calls to VTEX ID and License Manager, even with no token) and
// made 1,000 errors, which the runtime de-duplicates in quadratic time: 70 s of CPU and a
// 60 MB answer for a 60 kB request. So a request selecting more root fields than
// LIMITS.rootFieldsPerRequest is refused before @auth runs, with one error: the first root
// field throws it, the others (nullable ones) answer null without an error of their own. A
// non-null (mutation) root field throws too; graphql-js stops a mutation at its first error.
const rootFieldCounts = new WeakMap<object, number>()
const refusedRequests = new WeakSet<object>()

/** Distinct response keys at the root of the operation, through fragments; cached per document. */
export function countRootFields(info: Pick<GraphQLResolveInfo, 'operation' | 'fragments'>): number {
  const cached = rootFieldCounts.get(info.operation)
  if (cached !== undefined) return cached
  const keys = new Set<string>()
  const seenFragments = new Set<string>()
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === 'Field') {
        if (!selection.name.value.startsWith('__')) keys.add((selection.alias ?? selection.name).value)
      } else if (selection.kind === 'InlineFragment') {
        visit(selection.selectionSet)
      } else if (!seenFragments.has(selection.name.value) && info.fragments[selection.name.value]) {
        seenFragments.add(selection.name.value)
        visit(info.fragments[selection.name.value].selectionSet)
      }
    }
  }
  visit(info.operation.selectionSet)
  rootFieldCounts.set(info.operation, keys.size)
  return keys.size
}

function tooManyRootFields(count: number): TrackingError {
  const message = `This request selects ${count} root fields; at most ${LIMITS.rootFieldsPerRequest} are allowed in one request (send many updates with updateTrackingStatuses).`
  return TrackingError.badInput([fieldError('query', 'TOO_MANY', message)])
}

export class TrackingErrors extends SchemaDirectiveVisitor {
  public visitFieldDefinition(field: GraphQLField<any, any>) {
    const { resolve = defaultFieldResolver } = field
    field.resolve = async (root, args, ctx, info) => {
      const rootFields = info?.operation ? countRootFields(info) : 0
      if (rootFields > LIMITS.rootFieldsPerRequest) {
        const request = typeof ctx === 'object' && ctx !== null ? ctx : null
        if (request && refusedRequests.has(request) && !isNonNullType(info.returnType)) return null
        if (request) refusedRequests.add(request)
        throw tooManyRootFields(rootFields)
      }
      try {
        return await resolve(root, args, ctx, info)
      } catch (error) {
        throw toTrackingError(error, field.name, ctx?.vtex?.logger)
      }
    }
  }
}
