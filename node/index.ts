// Wiring only: clients with their defaults, and the GraphQL resolvers. The logic lives in
// tracking/ (OMS workflows) and ../domain (rules shared with the admin page).
import { ClientsConfig, Service } from '@vtex/api'

import { Clients } from './clients'
import { TrackingErrors } from './directives/trackingErrors'
import { resolvers } from './resolvers'

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
})
