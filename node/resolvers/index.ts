// Thin resolvers: arguments in, a tracking/ function with the OMS client, its result out.
// Authorization is the @auth directive on each root field, and errors leave through
// @trackingErrors (graphql/schema.graphql).
import { ServiceContext } from '@vtex/api'

import { Clients } from '../clients'
import { updateTrackingStatuses } from '../tracking/batchUpdate'
import { readOrderTracking } from '../tracking/readTracking'
import { setInvoiceTracking } from '../tracking/setInvoiceTracking'
import { TrackingWriteMode, updateTracking } from '../tracking/updateTracking'

type Context = ServiceContext<Clients>

interface InvoiceArgs {
  orderId: string
  invoiceNumber: string
  input: unknown
}

export const resolvers = {
  Query: {
    orderTracking: (_: unknown, args: { orderId: string }, ctx: Context) =>
      readOrderTracking(ctx.clients.oms, args.orderId),
  },
  Mutation: {
    updateTrackingStatus: (_: unknown, args: InvoiceArgs & { mode?: TrackingWriteMode }, ctx: Context) =>
      updateTracking(ctx.clients.oms, args, { logger: ctx.vtex.logger }),
    updateTrackingStatuses: (_: unknown, args: { updates: unknown; mode?: TrackingWriteMode }, ctx: Context) =>
      updateTrackingStatuses(ctx.clients.oms, args.updates, args.mode, { logger: ctx.vtex.logger }),
    setInvoiceTracking: (_: unknown, args: InvoiceArgs, ctx: Context) => setInvoiceTracking(ctx.clients.oms, args),
  },
}
