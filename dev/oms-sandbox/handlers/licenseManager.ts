// License Manager: .../accounts/{account}/products/{p}/logins/{login}/resources/{r}/granted.
// @vtex/api's @auth directive calls it with `Authorization: <app token>` and reads the
// body as a boolean. Callers that are not an app token of that account get 401.
import { findByToken, isGranted } from '../identities'
import { fingerprint } from '../journal'
import { omsError, type Handler } from '../reply'

export const granted: Handler = (ctx) => {
  const [account, productCode, login, resourceCode] = ctx.params
  const raw = ctx.req.headers.authorization
  const token = typeof raw === 'string' ? raw.replace(/^bearer\s+/i, '') : ''
  if (token) ctx.auth = fingerprint(token)
  const caller = token ? findByToken(token) : undefined
  if (!caller || !caller.licenseManagerCaller.includes(account)) return omsError(401, '1', 'Unauthorized')
  return { status: 200, body: isGranted(account, login, productCode, resourceCode) }
}
