// The Integrations page's data: each route's URL for this account, whether its secret is set,
// the delivery log, and setting or rotating a secret through the Apps client. Secrets go in,
// never out.
import { ServiceContext } from '@vtex/api'

import { Clients } from '../clients'
import { fieldError } from '../domain'
import { TrackingError } from '../errors/trackingError'
import { WebhookSourceName, forgetSettings, getRawSettings } from '../settings'
import { masterDataDeliveryLog } from './deliveryLog'

type Context = ServiceContext<Clients>

const PATHS: Record<WebhookSourceName, string> = {
  aftership: '/_v/order-tracking/webhooks/aftership',
  generic: '/_v/order-tracking/webhooks/generic',
}
const toGraphQL = (source: string) => source.toUpperCase()
const fromGraphQL = (source: unknown): WebhookSourceName | null =>
  source === 'AFTERSHIP' ? 'aftership' : source === 'GENERIC' ? 'generic' : null

function routeOf(ctx: Context, source: WebhookSourceName, raw: Record<string, unknown>, now: number) {
  const until = raw[`${source}WebhookPreviousSecretUntil`]
  const untilAt = typeof until === 'string' ? Date.parse(until) : NaN
  const previousActive = typeof raw[`${source}WebhookPreviousSecret`] === 'string' && Number.isFinite(untilAt) && untilAt > now
  return {
    source: toGraphQL(source),
    url: `https://${ctx.vtex.workspace}--${ctx.vtex.account}.myvtex.com${PATHS[source]}`,
    secretSet: typeof raw[`${source}WebhookSecret`] === 'string' && (raw[`${source}WebhookSecret`] as string).length > 0,
    previousSecretUntil: previousActive ? new Date(untilAt).toISOString() : null,
  }
}

async function settingsOrFail(ctx: Context, now: number) {
  const raw = await getRawSettings(ctx.clients.apps, ctx.vtex.account, now)
  if (!raw) throw new TrackingError('The app settings cannot be read right now. Try again shortly.', { code: 'UPSTREAM_UNAVAILABLE' })
  return raw
}

export async function webhookIntegrations(ctx: Context) {
  const now = Date.now()
  const raw = await settingsOrFail(ctx, now)
  const log = masterDataDeliveryLog(ctx.clients.deliveryLog)
  let deliveries: Awaited<ReturnType<typeof log.search>> = []
  let unmatched: Awaited<ReturnType<typeof log.search>> = []
  try {
    ;[deliveries, unmatched] = await Promise.all([log.search(undefined, 50), log.search('outcome=UNMATCHED', 100)])
  } catch {
    throw new TrackingError('The delivery log is unavailable right now. Try again shortly.', { code: 'UPSTREAM_UNAVAILABLE' })
  }
  return {
    routes: (['aftership', 'generic'] as const).map(source => routeOf(ctx, source, raw, now)),
    deliveries: deliveries.map(d => ({ ...d, source: toGraphQL(d.source), eventsAdded: d.eventsAdded ?? 0 })),
    unmatchedTrackingNumbers: [...new Set(unmatched.map(d => d.trackingNumber).filter((n): n is string => !!n))],
  }
}

export async function setWebhookSecret(ctx: Context, args: { source?: unknown; secret?: unknown; keepPreviousHours?: unknown }) {
  const source = fromGraphQL(args.source)
  const errors = []
  if (!source) errors.push(fieldError('source', 'INVALID_FORMAT', 'source must be AFTERSHIP or GENERIC.'))
  const secret = args.secret
  if (typeof secret !== 'string' || secret.length < 16) errors.push(fieldError('secret', 'REQUIRED', 'secret must have at least 16 characters.'))
  else if (secret.length > 200) errors.push(fieldError('secret', 'TOO_LONG', 'secret must have at most 200 characters.'))
  else if (!/^[\x21-\x7e]+$/.test(secret)) errors.push(fieldError('secret', 'INVALID_CHARACTERS', 'secret may only hold printable ASCII without spaces.'))
  const hours = args.keepPreviousHours ?? 24
  if (typeof hours !== 'number' || !Number.isInteger(hours) || hours < 0 || hours > 168) {
    errors.push(fieldError('keepPreviousHours', 'OUT_OF_RANGE', 'keepPreviousHours must be 0 to 168.'))
  }
  if (errors.length > 0 || !source) throw TrackingError.badInput(errors)
  const now = Date.now()
  const raw = await settingsOrFail(ctx, now)
  const current = raw[`${source}WebhookSecret`]
  const next: Record<string, unknown> = { ...raw, [`${source}WebhookSecret`]: secret }
  if (typeof current === 'string' && current && current !== secret && (hours as number) > 0) {
    next[`${source}WebhookPreviousSecret`] = current
    next[`${source}WebhookPreviousSecretUntil`] = new Date(now + (hours as number) * 3600_000).toISOString()
  } else if (current !== secret) {
    delete next[`${source}WebhookPreviousSecret`]
    delete next[`${source}WebhookPreviousSecretUntil`]
  }
  const appId = process.env.VTEX_APP_ID ?? 'vtex.order-tracking'
  try {
    await ctx.clients.apps.saveAppSettings(appId, next)
  } catch {
    throw new TrackingError('The app settings could not be saved. Try again shortly.', { code: 'UPSTREAM_UNAVAILABLE' })
  }
  forgetSettings(ctx.vtex.account)
  return { route: routeOf(ctx, source, next, now) }
}
