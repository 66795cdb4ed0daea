// Thin resolvers, one per root field and named after it: arguments in, the tracking/ workflow
// of the same name with the OMS client, its result out. `mode` arrives defaulted by the schema
// (graphql/schema.graphql). Authorization is the @auth directive on each root field, and
// errors leave through @trackingErrors. Every successful write also updates the tracking
// index (resolvers/trackingIndex.ts).
import { ServiceContext } from '@vtex/api'

import { Clients } from '../clients'
import { storeTimeZoneFor } from '../settings'
import { TrackingWriteMode } from '../tracking/invoiceWrites'
import { orderTracking } from '../tracking/orderTracking'
import { setInvoiceTracking } from '../tracking/setInvoiceTracking'
import { updateTrackingStatus } from '../tracking/updateTrackingStatus'
import { updateTrackingStatuses } from '../tracking/updateTrackingStatuses'
import { setWebhookSecret, webhookIntegrations } from '../webhooks/integrations'
import { replayUnmatchedWebhooks } from '../webhooks/replay'
import { indexAfterWrite, statusHints, trackingIndexResolvers, writtenState } from './trackingIndex'

type Context = ServiceContext<Clients>

interface InvoiceArgs {
  orderId: string
  invoiceNumber: string
  input: unknown
}

export const resolvers = {
  Query: {
    orderTracking: (_: unknown, args: { orderId: string }, ctx: Context) => orderTracking(ctx.clients.oms, args),
    ...trackingIndexResolvers.Query,
    webhookIntegrations: (_: unknown, __: unknown, ctx: Context) => webhookIntegrations(ctx),
    // Reaching the resolver is the answer: @auth let the caller through (no OMS call).
    trackingWriteAccess: () => true,
  },
  Mutation: {
    updateTrackingStatus: async (_: unknown, args: InvoiceArgs & { mode: TrackingWriteMode }, ctx: Context) => {
      const { verifiedOrder, replaced, ...payload } = await updateTrackingStatus(ctx.clients.oms, args, { logger: ctx.vtex.logger, timeZone: await storeTimeZoneFor(ctx, args) })
      await indexAfterWrite(ctx, [args.orderId], statusHints(args.input), writtenState([{ verifiedOrder, replaced }]))
      return payload
    },
    updateTrackingStatuses: async (_: unknown, args: { updates: unknown; mode: TrackingWriteMode }, ctx: Context) => {
      const { written, ...payload } = await updateTrackingStatuses(ctx.clients.oms, args, { logger: ctx.vtex.logger, timeZone: await storeTimeZoneFor(ctx, args) })
      const updates = args.updates as Array<{ input?: unknown }>
      const hints = new Map(payload.results.filter(r => r.ok).flatMap(r => [...statusHints(updates[r.index]?.input)]))
      await indexAfterWrite(ctx, payload.results.filter(r => r.ok).map(r => r.orderId), hints, writtenState(written))
      return payload
    },
    setInvoiceTracking: async (_: unknown, args: InvoiceArgs, ctx: Context) => {
      const result = await setInvoiceTracking(ctx.clients.oms, args, Date.now(), await storeTimeZoneFor(ctx, args))
      await indexAfterWrite(ctx, [args.orderId])
      return result
    },
    ...trackingIndexResolvers.Mutation,
    setWebhookSecret: (_: unknown, args: { source?: unknown; secret?: unknown; keepPreviousHours?: unknown }, ctx: Context) =>
      setWebhookSecret(ctx, args),
    replayUnmatchedWebhooks: (_: unknown, args: { trackingNumber?: unknown }, ctx: Context) => replayUnmatchedWebhooks(ctx, args),
  },
  TrackingEvent: trackingIndexResolvers.TrackingEvent,
  InvoiceTracking: trackingIndexResolvers.InvoiceTracking,
}
