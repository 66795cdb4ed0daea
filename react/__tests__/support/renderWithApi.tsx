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

// What the page asks in the background on every view (the app settings, and the work queue
// on the landing page): answered empty and not recorded, unless a test asks to see them.
export const BACKGROUND: Record<string, FetchResult> = {
  TrackingSettings: {
    data: { trackingSettings: { __typename: 'TrackingSettings', timeZone: 'UTC', shopperLanguage: 'en-US' } },
  },
  TrackingWorkQueue: {
    data: {
      trackingWorkQueue: {
        __typename: 'TrackingWorkQueueConnection',
        totalCount: 0,
        pageInfo: { __typename: 'TrackingPageInfo', hasNextPage: false, endCursor: null },
        nodes: [],
      },
    },
  },
  TrackingWorkQueueCounts: { data: { trackingWorkQueueCounts: [] } },
  TrackingWriteAccess: { data: { trackingWriteAccess: true } },
}

export function renderWithApi(ui: React.ReactElement, respond: Responder, options: { background?: 'empty' | 'respond' } = {}) {
  const calls: ApiCall[] = []
  const link = new ApolloLink(
    operation =>
      new Observable<FetchResult>(observer => {
        const call = { operationName: operation.operationName, variables: operation.variables }
        const background = options.background !== 'respond' ? BACKGROUND[call.operationName] : undefined
        if (background) {
          setTimeout(() => {
            observer.next(background)
            observer.complete()
          }, 0)
          return
        }
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
