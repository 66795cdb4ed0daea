// VTEX ID: GET /api/vtexid/pub/authenticated/user?authToken=T. For an unknown,
// malformed or missing token VTEX ID answers 200 with the body `null`.
import { findByToken } from '../identities'
import { fingerprint } from '../journal'
import type { Handler } from '../reply'

export const authenticatedUser: Handler = (ctx) => {
  const token = ctx.parsed.query.authToken
  if (!token) return { status: 200, body: null }
  ctx.auth = fingerprint(token)
  const id = findByToken(token)
  if (!id || !id.knownToVtexId) return { status: 200, body: null }
  return { status: 200, body: { userId: id.userId, user: id.user, userType: id.userType, account: id.account } }
}
