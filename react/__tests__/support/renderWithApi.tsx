// Renders the page against a fake GraphQL API: each operation goes to `respond`, and every
// call is recorded so a test can check exactly what the page sent.
import { render } from '@testing-library/react'
import { InMemoryCache } from 'apollo-cache-inmemory'
import ApolloClient from 'apollo-client'
import { ApolloLink, FetchResult, Observable } from 'apollo-link'
import React from 'react'
import { ApolloProvider } from 'react-apollo'
import { IntlProvider } from 'react-intl'

import en from '../../../messages/en.json'

export interface ApiCall {
  operationName: string
  variables: Record<string, any>
}

/** A GraphQL answer, or an Error for a request that got no answer at all. */
export type Responder = (call: ApiCall) => FetchResult | Error

export function renderWithApi(ui: React.ReactElement, respond: Responder) {
  const calls: ApiCall[] = []
  const link = new ApolloLink(
    operation =>
      new Observable<FetchResult>(observer => {
        const call = { operationName: operation.operationName, variables: operation.variables }
        calls.push(call)
        // Answered asynchronously, as a real server would.
        setTimeout(() => {
          const result = respond(call)
          if (result instanceof Error) observer.error(result)
          else {
            observer.next(result)
            observer.complete()
          }
        }, 0)
      })
  )
  const client = new ApolloClient({ link, cache: new InMemoryCache() })
  const utils = render(
    <ApolloProvider client={client}>
      <IntlProvider locale="en-US" messages={en} timeZone="UTC">
        {ui}
      </IntlProvider>
    </ApolloProvider>
  )
  return { ...utils, calls, client }
}

/** An API error as the service sends it. */
export const apiError = (code: string, extensions: Record<string, unknown> = {}): FetchResult => ({
  data: null,
  errors: [{ message: code, path: ['orderTracking'], extensions: { code, ...extensions } } as any],
})
