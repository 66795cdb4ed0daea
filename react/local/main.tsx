// A stand-in for the IO admin shell, for the local stack only: it provides what IO would
// (messages for the locale, an Apollo client, the route params) and renders the page.
// ?locale=pt-BR|es-AR|en-US picks the language; ?as=viewer signs in as the demo user who
// lacks Notify invoice (the dev server maps that name to a token).
import 'vtex-tachyons/tachyons.min.css'

import { InMemoryCache } from 'apollo-cache-inmemory'
import ApolloClient from 'apollo-client'
import { HttpLink } from 'apollo-link-http'
import React from 'react'
import { ApolloProvider } from 'react-apollo'
import ReactDOM from 'react-dom'
import { IntlProvider } from 'react-intl'

import en from '../../messages/en.json'
import es from '../../messages/es.json'
import pt from '../../messages/pt.json'
import TrackingAdmin from '../TrackingAdmin'
import TrackingIntegrations from '../TrackingIntegrations'
import { useLocationChange } from './renderRuntime'

const MESSAGES: Record<string, Record<string, string>> = { 'en-US': en, 'pt-BR': pt, 'es-AR': es }
const ROUTE = /^\/admin\/app\/order-tracking\/([^/]+)\/?$/
// IO serves the Integrations page at /admin/app/order-tracking-integrations (admin/routes.json);
// this server only serves under /admin/app/order-tracking/, so it stands in at .../integrations.
const INTEGRATIONS = '/admin/app/order-tracking/integrations'
/** The sandbox's seeded orders (dev/oms-sandbox/seed.ts), put in by vite.config.ts. */
declare const __DEMO_ORDERS__: Array<{ orderId: string; description: string }>

const query = new URLSearchParams(window.location.search)
const locale = MESSAGES[query.get('locale') ?? ''] ? (query.get('locale') as string) : 'en-US'
const identity = query.get('as') === 'viewer' ? 'viewer' : 'admin'

const client = new ApolloClient({
  link: new HttpLink({ uri: '/graphql', headers: { 'x-local-identity': identity } }),
  cache: new InMemoryCache(),
})

// The route's params follow the address, as IO's router passes them (navigate, back, forward).
function useRouteOrderId(): string | undefined {
  useLocationChange()
  const routeMatch = ROUTE.exec(window.location.pathname)
  return routeMatch ? decodeURIComponent(routeMatch[1]) : undefined
}

const LocalShell = () => {
  const orderId = useRouteOrderId()
  const integrations = window.location.pathname.replace(/\/$/, '') === INTEGRATIONS
  return (
  <div className="pa5">
    {/* Stands for the Admin's own header, which IO draws outside the page's frame. */}
    <header className="t-small c-on-base mb3">
      Local admin as <strong>{identity}</strong> in {locale}. Demo orders:{' '}
      {__DEMO_ORDERS__.map(demo => (
        <a
          key={demo.orderId}
          className="c-link mr3"
          title={demo.description}
          href={`/admin/app/order-tracking/${demo.orderId}${window.location.search}`}
        >
          {demo.orderId}
        </a>
      ))}
    </header>
    {integrations ? <TrackingIntegrations /> : <TrackingAdmin params={{ orderId }} />}
  </div>
  )
}

document.documentElement.lang = locale
ReactDOM.render(
  <ApolloProvider client={client}>
    <IntlProvider locale={locale} messages={MESSAGES[locale]}>
      <LocalShell />
    </IntlProvider>
  </ApolloProvider>,
  document.getElementById('root')
)
