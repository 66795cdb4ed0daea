// Thin resolvers, one per root field and named after it: arguments in, the tracking/ workflow
// of the same name with the OMS client, its result out. `mode` arrives defaulted by the schema
// (graphql/schema.graphql). Authorization is the @auth directive on each root field, and
// errors leave through @trackingErrors.
import { ServiceContext } from '@vtex/api'

import { Clients } from '../clients'
import { TrackingWriteMode } from '../tracking/invoiceWrites'
import { orderTracking } from '../tracking/orderTracking'
import { setInvoiceTracking } from '../tracking/setInvoiceTracking'
import { updateTrackingStatus } from '../tracking/updateTrackingStatus'
import { updateTrackingStatuses } from '../tracking/updateTrackingStatuses'

type Context = ServiceContext<Clients>

interface InvoiceArgs {
  orderId: string
  invoiceNumber: string
  input: unknown
}

export const resolvers = {
  Query: {
    orderTracking: (_: unknown, args: { orderId: string }, ctx: Context) => orderTracking(ctx.clients.oms, args),
  },
  Mutation: {
    updateTrackingStatus: (_: unknown, args: InvoiceArgs & { mode: TrackingWriteMode }, ctx: Context) =>
      updateTrackingStatus(ctx.clients.oms, args, { logger: ctx.vtex.logger }),
    updateTrackingStatuses: (_: unknown, args: { updates: unknown; mode: TrackingWriteMode }, ctx: Context) =>
      updateTrackingStatuses(ctx.clients.oms, args, { logger: ctx.vtex.logger }),
    setInvoiceTracking: (_: unknown, args: InvoiceArgs, ctx: Context) => setInvoiceTracking(ctx.clients.oms, args),
  },
}
