// The Apps client's app settings (what the Admin's app settings form saves, per account and
// workspace): GET and PUT /{account}/{workspace}/apps/{app}/settings on infra.io.vtex.com/apps/v0.
import { findByToken } from '../identities'
import { fingerprint } from '../journal'
import { parseJson, type Handler, type HandlerContext, type Reply } from '../reply'

const vendorAndName = (app: string) => app.split('@')[0]

function denied(ctx: HandlerContext): Reply | null {
  const header = ctx.req.headers.authorization
  const token = typeof header === 'string' ? header.replace(/^bearer\s+/i, '') : ''
  if (!token) return { status: 401, body: { message: 'Unauthorized' } }
  ctx.auth = fingerprint(token)
  const identity = findByToken(token)
  if (!identity || !identity.omsRead.includes(ctx.params[0])) return { status: 403, body: { message: 'Forbidden' } }
  return null
}

export const getAppSettings: Handler = ctx =>
  denied(ctx) ?? { status: 200, body: ctx.appSettings.get(ctx.params[0], vendorAndName(ctx.params[2])) }

export const putAppSettings: Handler = ctx => {
  const refused = denied(ctx)
  if (refused) return refused
  const json = parseJson(ctx.bodyText)
  if (!json.ok || !json.value || typeof json.value !== 'object') return { status: 400, body: { message: 'settings must be an object' } }
  ctx.appSettings.set(ctx.params[0], vendorAndName(ctx.params[2]), json.value as Record<string, unknown>)
  return { status: 200, body: json.value }
}
