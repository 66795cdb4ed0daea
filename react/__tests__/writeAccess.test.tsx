// The page asks trackingWriteAccess once and, on a refusal, disables every write control
// with the reason in words; an outage is not a refusal and leaves them on.
import { screen, waitFor } from '@testing-library/react'
import { FetchResult } from 'apollo-link'
import React from 'react'

import IntegrationsPage from '../admin/integrations/IntegrationsPage'
import TrackingAdmin from '../TrackingAdmin'
import { invoice, orderTracking } from './support/fixtures'
import { BACKGROUND, apiError, renderWithApi } from './support/renderWithApi'

const ORDER_ID = '1172452900788-01'
const IN_TRANSIT = invoice()
const WITHOUT_NUMBER = invoice({ invoiceNumber: '24382', trackingNumber: null, trackingUrl: null, courier: null, canReceiveEvents: false })

function openOrder(access: FetchResult | Error) {
  return renderWithApi(
    <TrackingAdmin params={{ orderId: ORDER_ID }} />,
    call => {
      if (call.operationName === 'TrackingWriteAccess') return access
      if (call.operationName === 'OrderTracking') return orderTracking(ORDER_ID, [IN_TRANSIT, WITHOUT_NUMBER])
      return BACKGROUND[call.operationName] ?? new Error(`unexpected ${call.operationName}`)
    },
    { background: 'respond' }
  )
}

const writeControls = () => [
  screen.getByRole('button', { name: 'Add event' }),
  screen.getByLabelText('City'),
  screen.getByLabelText(/^Date and time/),
  screen.getByRole('button', { name: 'Mark as delivered' }),
  screen.getByRole('button', { name: 'Save tracking number' }),
  screen.getByLabelText('Tracking number'),
  screen.getByLabelText('CSV file'),
  screen.getByLabelText('Tracking numbers CSV file'),
]

describe('a user without Notify invoice', () => {
  it('sees every write control disabled, with the reason next to them and once at the top', async () => {
    const { calls } = openOrder(apiError('FORBIDDEN', { resource: 'Notify invoice' }))
    await screen.findByRole('button', { name: 'Add event' })
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add event' })).toBeDisabled())
    for (const control of writeControls()) expect(control).toBeDisabled()
    expect(screen.getAllByText('Disabled without the "Notify invoice" resource.').length).toBeGreaterThanOrEqual(4)
    expect(screen.getByText(/^Read only: changing tracking needs the "Notify invoice" resource/)).toBeVisible()
    // Asked once for the page; nothing was sent.
    expect(calls.filter(c => c.operationName === 'TrackingWriteAccess')).toHaveLength(1)
    expect(calls.map(c => c.operationName).filter(name => /^(Update|Set)/.test(name))).toEqual([])
  })
})

describe('a user whose session expired', () => {
  it('is told to sign in again, not that a permission is missing', async () => {
    openOrder(apiError('UNAUTHENTICATED'))
    await screen.findByText(/^Your session has expired: sign in to the Admin again/)
    for (const control of writeControls()) expect(control).toBeDisabled()
    expect(screen.queryByText(/Notify invoice/)).not.toBeInTheDocument()
  })
})

describe('when the question cannot be answered', () => {
  it.each([
    ['an identity outage', apiError('UPSTREAM_UNAVAILABLE')],
    ['no answer at all', new Error('offline')],
  ])('after %s the controls stay enabled: the write will say what went wrong', async (_what, answer) => {
    const { calls } = openOrder(answer)
    await screen.findByRole('button', { name: 'Add event' })
    await waitFor(() => expect(calls.some(c => c.operationName === 'TrackingWriteAccess')).toBe(true))
    await new Promise(resolve => setTimeout(resolve, 20))
    for (const control of writeControls()) expect(control).toBeEnabled()
    expect(screen.queryByText(/^Disabled/)).not.toBeInTheDocument()
    expect(screen.queryByText(/^Read only:/)).not.toBeInTheDocument()
  })
})

describe('the Integrations page', () => {
  it('disables setting a webhook secret for a user without Notify invoice', async () => {
    renderWithApi(<IntegrationsPage />, call =>
      call.operationName === 'TrackingWriteAccess'
        ? apiError('FORBIDDEN')
        : {
            data: {
              webhookIntegrations: {
                __typename: 'WebhookIntegrations',
                routes: [{ __typename: 'WebhookRoute', source: 'GENERIC', url: 'https://example/webhook', secretSet: false, previousSecretUntil: null }],
                deliveries: [],
                unmatchedTrackingNumbers: [],
              },
            },
          },
      { background: 'respond' }
    )
    await screen.findByText(/^Read only:/)
    expect(screen.getByLabelText('Set the secret')).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled()
    expect(screen.getByText('Disabled without the "Notify invoice" resource.')).toBeVisible()
  })
})
