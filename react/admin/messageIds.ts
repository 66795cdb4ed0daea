// Message ids chosen by a value (error code, refusal reason, status preset). Typed as
// records so a code or reason added to the domain fails the type check until it has a text.
import { FieldErrorReason, TrackingProblem, TrackingStatus } from '../domain'
import { ApiErrorCode } from './apiErrors'

export const ERROR_MESSAGE_IDS: Record<ApiErrorCode, string> = {
  BAD_USER_INPUT: 'admin/order-tracking.error.badUserInput',
  BAD_REQUEST: 'admin/order-tracking.error.badRequest',
  UNAUTHENTICATED: 'admin/order-tracking.error.unauthenticated',
  FORBIDDEN: 'admin/order-tracking.error.forbidden',
  NOT_FOUND: 'admin/order-tracking.error.notFound',
  TRACKING_NUMBER_MISSING: 'admin/order-tracking.error.trackingNumberMissing',
  APP_NOT_AUTHORIZED: 'admin/order-tracking.error.appNotAuthorized',
  UPSTREAM_UNAVAILABLE: 'admin/order-tracking.error.upstreamUnavailable',
  CONFLICT: 'admin/order-tracking.error.conflict',
  INTERNAL_SERVER_ERROR: 'admin/order-tracking.error.internal',
  UNREACHABLE: 'admin/order-tracking.error.unreachable',
}

export const FIELD_ERROR_MESSAGE_IDS: Record<FieldErrorReason, string> = {
  REQUIRED: 'admin/order-tracking.fieldError.required',
  NOT_ALLOWED: 'admin/order-tracking.fieldError.notAllowed',
  TOO_LONG: 'admin/order-tracking.fieldError.tooLong',
  TOO_MANY: 'admin/order-tracking.fieldError.tooMany',
  INVALID_FORMAT: 'admin/order-tracking.fieldError.invalidFormat',
  INVALID_CHARACTERS: 'admin/order-tracking.fieldError.invalidCharacters',
  OUT_OF_RANGE: 'admin/order-tracking.fieldError.outOfRange',
}

/** The preset's name, e.g. "Out for delivery". */
export const statusLabelId = (status: TrackingStatus) => `admin/order-tracking.status.${status}`

/** The description the preset fills in, which the merchant may edit. */
export const statusDescriptionId = (status: TrackingStatus) =>
  `admin/order-tracking.status.${status}.description`

/** A work-queue tab's name: the problem, e.g. "No tracking number". */
export const PROBLEM_LABEL_IDS: Record<TrackingProblem, string> = {
  NO_TRACKING_NUMBER: 'admin/order-tracking.problem.noTrackingNumber',
  NO_EVENTS: 'admin/order-tracking.problem.noEvents',
  STALE: 'admin/order-tracking.problem.stale',
  LATE: 'admin/order-tracking.problem.late',
  EXCEPTION: 'admin/order-tracking.problem.exception',
}
