// Refusals that concern a whole request rather than one field, decided once per request by
// @trackingErrors on the first root field it wraps, before @auth or any upstream call.
// @vtex/api's GraphQL route has no hook for app middleware before it parses and validates
// (see docs/SECURITY.md), so the earliest place app code sees a request is here.
//
// - A mutation must come as a POST with a JSON body. The runtime executes mutations sent as
//   `GET ?query=…` and as text/plain, form-urlencoded and multipart bodies — all things a
//   page on another site can make a browser send with the Admin's cookie (CSRF). A JSON
//   POST from another origin needs a CORS preflight, which the IO router does not grant.
// - At most LIMITS.rootFieldsPerRequest root fields (each one runs @auth).
// - At most LIMITS.batchSize updates per request across all root fields: ten aliases of
//   updateTrackingStatuses with 200 updates each ran for minutes, past IO's 30 s limit.
import { GraphQLResolveInfo, SelectionSetNode } from 'graphql'
import { getArgumentValues } from 'graphql/execution/values'

import { LIMITS, fieldError } from './domain'
import { TrackingError } from './errors/trackingError'

/** What the gate reads from (and sets on) the runtime's Koa context. */
export interface GateContext {
  method?: string
  get?(header: string): string
  set?(header: string, value: string): void
  status?: number
  graphql?: { cacheControl?: { noCache: boolean; noStore: boolean; scope: string; maxAge: number } }
}

type RootInfo = Pick<GraphQLResolveInfo, 'operation' | 'fragments' | 'schema' | 'variableValues'>

const rootFieldsCache = new WeakMap<object, Map<string, any>>()

/** The operation's root fields by response key (aliases included), through fragments. */
function rootFields(info: Pick<GraphQLResolveInfo, 'operation' | 'fragments'>): Map<string, any> {
  const cached = rootFieldsCache.get(info.operation)
  if (cached) return cached
  const fields = new Map<string, any>()
  const seenFragments = new Set<string>()
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === 'Field') {
        const key = (selection.alias ?? selection.name).value
        if (!selection.name.value.startsWith('__') && !fields.has(key)) fields.set(key, selection)
      } else if (selection.kind === 'InlineFragment') {
        visit(selection.selectionSet)
      } else if (!seenFragments.has(selection.name.value) && info.fragments[selection.name.value]) {
        seenFragments.add(selection.name.value)
        visit(info.fragments[selection.name.value].selectionSet)
      }
    }
  }
  visit(info.operation.selectionSet)
  rootFieldsCache.set(info.operation, fields)
  return fields
}

/** Distinct response keys at the root of the operation, through fragments. */
export const countRootFields = (info: Pick<GraphQLResolveInfo, 'operation' | 'fragments'>) => rootFields(info).size

/** Updates the request carries: each single-invoice write is one, a batch (events or tracking numbers) is its length. */
export function countUpdates(info: RootInfo): { total: number; batchKeys: string[] } {
  if (info.operation.operation !== 'mutation') return { total: 0, batchKeys: [] }
  const mutationFields = info.schema.getMutationType()?.getFields() ?? {}
  let total = 0
  const batchKeys: string[] = []
  for (const [key, node] of rootFields(info)) {
    const name = node.name.value as string
    const definition = mutationFields[name]
    if (!definition) continue
    if (name !== 'updateTrackingStatuses' && name !== 'setInvoiceTrackings') {
      total += 1
      continue
    }
    batchKeys.push(key)
    try {
      const { updates } = getArgumentValues(definition, node, info.variableValues) as { updates?: unknown }
      total += Array.isArray(updates) ? updates.length : 1
    } catch {
      // Arguments graphql-js cannot coerce: execution refuses them with its own error.
    }
  }
  return { total, batchKeys }
}

const JSON_TYPE = /^application\/json\s*(;|$)/i

function transportRefusal(ctx: GateContext): TrackingError | null {
  const method = (ctx.method ?? '').toUpperCase()
  if (method !== 'POST') {
    ctx.status = 405
    ctx.set?.('Allow', 'POST')
    return new TrackingError(
      `Mutations are accepted only as POST with Content-Type application/json; this one came as ${method || 'an unknown method'}.`,
      { code: 'BAD_REQUEST', field: 'method' }
    )
  }
  const contentType = ctx.get?.('content-type') ?? ''
  if (!JSON_TYPE.test(contentType.trim())) {
    ctx.status = 415
    return new TrackingError(
      'Mutations are accepted only as POST with Content-Type application/json; send the request body as JSON.',
      { code: 'BAD_REQUEST', field: 'content-type' }
    )
  }
  return null
}

function decide(ctx: GateContext, info: RootInfo): TrackingError | null {
  if (info.operation.operation === 'mutation') {
    const refused = transportRefusal(ctx)
    if (refused) return refused
  }
  const rootCount = countRootFields(info)
  if (rootCount > LIMITS.rootFieldsPerRequest) {
    const message = `This request selects ${rootCount} root fields; at most ${LIMITS.rootFieldsPerRequest} are allowed in one request (send many updates with updateTrackingStatuses).`
    return TrackingError.badInput([fieldError('query', 'TOO_MANY', message)])
  }
  const updates = countUpdates(info)
  if (updates.total > LIMITS.batchSize) {
    const across = updates.batchKeys.length > 1 ? ` across ${updates.batchKeys.join(', ')}` : ''
    const message = `This request carries ${updates.total} updates${across}; at most ${LIMITS.batchSize} updates may be sent in one request, whatever the number of fields.`
    return TrackingError.badInput([fieldError('updates', 'TOO_MANY', message)])
  }
  return null
}

const decisions = new WeakMap<object, { refusal: TrackingError | null; reported: boolean }>()

/**
 * The refusal for this request, decided once. `first` is true for the first root field
 * that asks; later nullable root fields answer null without an error of their own.
 */
export function requestRefusal(ctx: unknown, info: RootInfo): { error: TrackingError; first: boolean } | null {
  const request = typeof ctx === 'object' && ctx !== null ? (ctx as GateContext) : null
  if (!request) {
    const error = decide({}, info)
    return error ? { error, first: true } : null
  }
  let decision = decisions.get(request)
  if (!decision) {
    decision = { refusal: decide(request, info), reported: false }
    decisions.set(request, decision)
  }
  if (!decision.refusal) return null
  const first = !decision.reported
  decision.reported = true
  return { error: decision.refusal, first }
}

/**
 * Every answer of this API holds a merchant's order data and depends on who asks: never
 * stored by a cache, nor shared. The runtime otherwise answers `public, max-age=86400` in a
 * production workspace.
 */
export function markPrivate(ctx: unknown): void {
  const cacheControl = (ctx as GateContext | null)?.graphql?.cacheControl
  if (!cacheControl) return
  cacheControl.scope = 'private'
  cacheControl.noCache = true
  cacheControl.noStore = true
  cacheControl.maxAge = 0
}
