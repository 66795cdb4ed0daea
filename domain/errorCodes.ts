// The `extensions.code` values the API answers with. Shared with the admin page, which
// shows a state per code, and with the batch report, which prints them per row.
export const ERROR_CODES = {
  /** A value the caller sent is refused; `extensions.field` names it. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /**
   * The request itself is refused, whatever its values: a mutation not sent as a POST with a
   * JSON body (`extensions.field`: `method` or `content-type`).
   */
  BAD_REQUEST: 'BAD_REQUEST',
  /** No (valid) VTEX ID token came with the call. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The caller lacks the Notify invoice resource. */
  FORBIDDEN: 'FORBIDDEN',
  /** Unknown order, or unknown invoice on that order. */
  NOT_FOUND: 'NOT_FOUND',
  /** OMS refuses tracking events on an invoice without a tracking number. */
  TRACKING_NUMBER_MISSING: 'TRACKING_NUMBER_MISSING',
  /** OMS refused the app's own token: the app's policies lack Notify invoice. */
  APP_NOT_AUTHORIZED: 'APP_NOT_AUTHORIZED',
  /** OMS rate-limited, failed or timed out, after retries. */
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  /** Another writer kept replacing the list; the events were not all kept. */
  CONFLICT: 'CONFLICT',
  /** Anything else: nothing of it is shown to the caller. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const

export type ErrorCode = keyof typeof ERROR_CODES
