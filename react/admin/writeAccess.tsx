// Whether this user may write, asked once per page load (trackingWriteAccess, under the same
// @auth as every mutation, no OMS call), so the page disables its write controls and says
// why before anyone fills a form or chooses a file. A FORBIDDEN or UNAUTHENTICATED answer is
// an answer, not a failure of the page; an outage (or no answer yet) leaves the controls
// enabled: the write then reports its own error, and a passing outage blocks nothing.
import React, { createContext, useContext, useEffect, useState } from 'react'
import { useApolloClient } from 'react-apollo'
import { useIntl } from 'react-intl'
import { Alert } from 'vtex.styleguide'

import TRACKING_WRITE_ACCESS from '../graphql/trackingWriteAccess.gql'
import { apiErrorOf } from './apiErrors'

export type WriteAccess = 'checking' | 'allowed' | 'forbidden' | 'unauthenticated' | 'unknown'

// Outside a provider (a component rendered on its own) nothing is known: controls stay on.
const WriteAccessContext = createContext<WriteAccess>('unknown')

export function writeAccessOf(answer: { loading: boolean; error?: unknown; data?: { trackingWriteAccess?: boolean | null } }): WriteAccess {
  if (answer.data?.trackingWriteAccess === true) return 'allowed'
  if (answer.error) {
    const { code } = apiErrorOf(answer.error)
    if (code === 'FORBIDDEN') return 'forbidden'
    if (code === 'UNAUTHENTICATED') return 'unauthenticated'
    return 'unknown'
  }
  return answer.loading ? 'checking' : 'unknown'
}

export const WriteAccessProvider: React.FC = ({ children }) => {
  const client = useApolloClient()
  const [access, setAccess] = useState<WriteAccess>('checking')
  // One query, not a watched one: an import's reFetchObservableQueries() must not ask again.
  useEffect(() => {
    let current = true
    client
      .query<{ trackingWriteAccess: boolean }>({ query: TRACKING_WRITE_ACCESS })
      .then(({ data }) => current && setAccess(writeAccessOf({ loading: false, data })))
      .catch((error: unknown) => current && setAccess(writeAccessOf({ loading: false, error })))
    return () => {
      current = false
    }
  }, [client])
  return <WriteAccessContext.Provider value={access}>{children}</WriteAccessContext.Provider>
}

const NOTE_IDS: Partial<Record<WriteAccess, string>> = {
  forbidden: 'admin/order-tracking.writeAccess.note.forbidden',
  unauthenticated: 'admin/order-tracking.writeAccess.note.unauthenticated',
}

const BANNER_IDS: Partial<Record<WriteAccess, string>> = {
  forbidden: 'admin/order-tracking.writeAccess.forbidden',
  unauthenticated: 'admin/order-tracking.writeAccess.unauthenticated',
}

/** `canWrite` is false only when the API said so; `state` tells which refusal it was. */
export function useWriteAccess(): { state: WriteAccess; canWrite: boolean } {
  const state = useContext(WriteAccessContext)
  return { state, canWrite: state !== 'forbidden' && state !== 'unauthenticated' }
}

/** Next to each group of disabled write controls: why they are disabled, in words. */
export const WriteAccessNote: React.FC<{ id?: string }> = ({ id }) => {
  const intl = useIntl()
  const noteId = NOTE_IDS[useWriteAccess().state]
  if (!noteId) return null
  return (
    <p id={id} className="t-small c-on-base mt0 mb3" data-write-access-note="">
      {intl.formatMessage({ id: noteId })}
    </p>
  )
}

/** Once at the top of a page: what the user cannot do and what to ask for. */
export const WriteAccessBanner: React.FC = () => {
  const intl = useIntl()
  const bannerId = BANNER_IDS[useWriteAccess().state]
  if (!bannerId) return null
  return (
    <div className="mb5">
      <Alert type="warning">{intl.formatMessage({ id: bannerId })}</Alert>
    </div>
  )
}
