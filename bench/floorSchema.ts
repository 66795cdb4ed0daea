// The schema of the bench-only floor field (benchService.ts): under the same @auth and
// @trackingErrors as every real root field.
import { NOTIFY_INVOICE } from '../node/authorization'

export const FLOOR_SCHEMA = `
extend type Query {
  "Bench only: answers true, calling nothing."
  benchFloor: Boolean
    @auth(scope: PRIVATE, productCode: "${NOTIFY_INVOICE.productCode}", resourceCode: "${NOTIFY_INVOICE.resourceCode}")
    @trackingErrors
}
`
