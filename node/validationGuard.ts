// A cap on the query document, checked before graphql-js validates it.
//
// @vtex/api's GraphQL route parses and validates every query before any code of the app runs,
// and answers each validation error with the whole query text attached, then de-duplicates
// those errors in quadratic time: `{ n0 n1 … n3999 }` (23 KB, no token) held the worker for
// about a minute of CPU and answered 93 MB (bench/abuse.ts, docs/SECURITY.md). The route has no
// hook for app middleware, validation rules or a body limit; but it calls graphql's `validate`
// through the module's exports at each request (`graphql_1.validate(schema, document)` in
// lib/service/worker/runtime/graphql/middlewares/query.js), so the app wraps that export:
//
// - a document over LIMITS.queryMaxCharacters, queryMaxSelections selections (fields, fragment
//   spreads, inline fragments) or queryMaxFragments fragment definitions is refused with one
//   error, HTTP 400, `extensions.code` BAD_REQUEST, without running validation;
// - otherwise validation runs as before, stopping after queryMaxValidationErrors errors.
//
// If graphql's module layout ever differs, nothing is wrapped and a warning says so (the test
// `test/security/queryShape.test.ts` fails then).
import { ASTNode, DocumentNode, GraphQLError, GraphQLSchema } from 'graphql'

import { LIMITS } from './domain'

type Validate = (schema: GraphQLSchema, document: DocumentNode, ...rest: any[]) => ReadonlyArray<GraphQLError>

/** The reason to refuse the document, or null. Stops counting at the first cap reached. */
export function documentRefusal(document: DocumentNode): string | null {
  const length = document.loc?.source.body.length ?? 0
  if (length > LIMITS.queryMaxCharacters) {
    return `The query text is ${length} characters long; at most ${LIMITS.queryMaxCharacters} are accepted.`
  }
  let fragments = 0
  let selections = 0
  // Iterative walk: a deeply nested document must not overflow the stack either.
  const stack: ASTNode[] = [...document.definitions]
  while (stack.length > 0) {
    const node = stack.pop() as ASTNode
    if (node.kind === 'FragmentDefinition' && ++fragments > LIMITS.queryMaxFragments) {
      return `The query defines more than ${LIMITS.queryMaxFragments} fragments.`
    }
    if (node.kind === 'Field' || node.kind === 'FragmentSpread' || node.kind === 'InlineFragment') {
      if (++selections > LIMITS.queryMaxSelections) {
        return `The query has more than ${LIMITS.queryMaxSelections} selections (fields and fragments); at most ${LIMITS.queryMaxSelections} are accepted.`
      }
    }
    const selectionSet = (node as { selectionSet?: { selections: readonly ASTNode[] } }).selectionSet
    if (selectionSet) for (const selection of selectionSet.selections) stack.push(selection)
  }
  return null
}

function refusal(message: string): GraphQLError[] {
  const errors: GraphQLError[] & { statusCode?: number } = [
    new GraphQLError(message, undefined, undefined, undefined, undefined, undefined, { code: 'BAD_REQUEST', field: 'query' }),
  ]
  // The runtime throws the array it gets back and answers with its statusCode (500 without).
  errors.statusCode = 400
  return errors
}

const GUARDED = Symbol.for('vtex.order-tracking.validationGuard')

export function guardValidation(warn: (message: string) => void = console.warn): boolean {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const module = require('graphql/validation/validate') as { validate?: Validate & { [GUARDED]?: true } }
  const original = module.validate
  const descriptor = Object.getOwnPropertyDescriptor(module, 'validate')
  if (typeof original !== 'function' || !descriptor?.writable) {
    warn('order-tracking: graphql validate could not be wrapped; query size caps are off')
    return false
  }
  if (original[GUARDED]) return true
  const guarded: Validate & { [GUARDED]?: true } = (schema, document, rules, typeInfo, options) => {
    const reason = documentRefusal(document)
    if (reason) return refusal(reason)
    return original(schema, document, rules, typeInfo, { maxErrors: LIMITS.queryMaxValidationErrors, ...options })
  }
  guarded[GUARDED] = true
  module.validate = guarded
  return true
}
