// The schema of the bench-only floor field (floorService.ts): under the same @auth and
// @trackingErrors as every real root field. Kept apart from floorService.ts, which loads the
// runtime, and the runtime reads its layout when it is loaded.
import { NOTIFY_INVOICE } from '../node/authorization'

export const FLOOR_SCHEMA = `
extend type Query {
  "Bench only: answers true, calling nothing."
  benchFloor: Boolean
    @auth(scope: PRIVATE, productCode: "${NOTIFY_INVOICE.productCode}", resourceCode: "${NOTIFY_INVOICE.resourceCode}")
    @trackingErrors
}
`
