// The curl that adds an event on the local stack: printed by `npm start` and shown in the
// README (dev/__tests__/demoCurl.test.ts keeps the README's copy equal to this one).
import { IDENTITIES } from './oms-sandbox/identities'
import { LOCAL_ACCOUNT, LOCAL_WORKSPACE } from './io-runtime/environment'

export const LOCAL_GRAPHQL_URL = `http://127.0.0.1:5050/${LOCAL_ACCOUNT}/${LOCAL_WORKSPACE}/_v/graphql`

/** A fixed date-time with its offset: the API refuses offset-less times, and a fixed one prints the same everywhere. */
const EVENT = { city: 'Curitiba', state: 'PR', description: 'Em trânsito', date: '2026-11-27T10:00:00-03:00' }

export function demoCurl(graphqlUrl: string = LOCAL_GRAPHQL_URL): string {
  const query =
    'mutation($input: TrackingStatusInput!) { updateTrackingStatus(orderId: "1172452900788-01", invoiceNumber: "000030711", input: $input) { receipt invoice { events { date city description } } } }'
  const body = JSON.stringify({ query, variables: { input: { isDelivered: false, events: [EVENT] } } })
  return [
    `curl -s ${graphqlUrl} \\`,
    `  -H 'content-type: application/json' -H 'x-vtex-account: ${LOCAL_ACCOUNT}' -H 'x-vtex-workspace: ${LOCAL_WORKSPACE}' \\`,
    `  -H 'x-vtex-credential: ${IDENTITIES.localAppToken.token}' --cookie 'VtexIdclientAutCookie=${IDENTITIES.localAdmin.token}' \\`,
    `  --data '${body}'`,
  ].join('\n')
}
