// Wiring only: clients with their defaults, the GraphQL resolvers and the order events. The logic lives in
// tracking/ (OMS workflows) and ../domain (rules shared with the admin page).
import { ClientsConfig, Service } from '@vtex/api'

import { Clients } from './clients'
import { TrackingErrors } from './directives/trackingErrors'
import { onOrderStateChange } from './events/orderEvents'
import { resolvers } from './resolvers'
import { guardValidation } from './validationGuard'
import { webhookRoute } from './webhooks/handler'

// Some failures happen in the runtime before any code of ours runs (malformed JSON, a query
// that fails validation, a body over 3 MB), and the runtime puts the error's stack, with its
// file paths, into the response and the log line. Without frames a stack is only
// "Name: message". A linked (development) workspace keeps them for debugging.
if (!process.env.VTEX_APP_LINK) Error.stackTraceLimit = 0

// Caps on the query document before the runtime validates it (see validationGuard.ts).
guardValidation()

const clients: ClientsConfig<Clients> = {
  implementation: Clients,
  options: {
    default: {
      // Retries are the client's own policy (upstream/retryPolicy.ts); this bounds one attempt.
      timeout: 5000,
    },
  },
}

export default new Service({
  clients,
  graphql: {
    resolvers,
    schemaDirectives: { trackingErrors: TrackingErrors },
  },
  // node/service.json subscribes it to vtex.orders-broadcast (invoiced, canceled).
  events: { orderStateChange: onOrderStateChange },
  // Public routes (node/service.json): each checks its sender's signature itself.
  routes: {
    aftershipWebhook: webhookRoute('aftership'),
    genericWebhook: webhookRoute('generic'),
  },
})
