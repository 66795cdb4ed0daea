import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import React from 'react'

import TrackingIntegrations from '../TrackingIntegrations'
import { renderWithApi } from './support/renderWithApi'

const route = (source: string, secretSet: boolean, previousSecretUntil: string | null = null) => ({
  __typename: 'WebhookRoute',
  source,
  url: `https://master--localstore.myvtex.com/_v/order-tracking/webhooks/${source.toLowerCase()}`,
  secretSet,
  previousSecretUntil,
})

const integrations = (aftershipSet: boolean) => ({
  data: {
    webhookIntegrations: {
      __typename: 'WebhookIntegrations',
      routes: [route('AFTERSHIP', aftershipSet), route('GENERIC', false)],
      deliveries: [
        {
          __typename: 'WebhookDelivery',
          receivedAt: '2026-12-01T12:00:00.000Z',
          source: 'AFTERSHIP',
          trackingNumber: 'BR123456789BR',
          orderId: '1172452900788-01',
          invoiceNumber: '000030711',
          outcome: 'WRITTEN',
          eventsAdded: 2,
        },
      ],
      unmatchedTrackingNumbers: ['XX000000000BR'],
    },
  },
})

it('shows each route\'s URL and secret state, the deliveries and the unmatched numbers; sets a secret', async () => {
  let saved = false
  const { calls } = renderWithApi(<TrackingIntegrations />, call =>
    call.operationName === 'SetWebhookSecret'
      ? ((saved = true), { data: { setWebhookSecret: { __typename: 'WebhookSecretPayload', route: route('GENERIC', true) } } })
      : integrations(saved)
  )
  const aftership = await screen.findByTestId('route-AFTERSHIP')
  expect(within(aftership).getByText('https://master--localstore.myvtex.com/_v/order-tracking/webhooks/aftership')).toBeInTheDocument()
  expect(within(aftership).getByText('No secret: webhooks are refused')).toBeInTheDocument()
  expect(within(screen.getByTestId('unmatched')).getByText('XX000000000BR')).toBeInTheDocument()
  expect(within(screen.getByTestId('deliveries')).getByText('Events added', { selector: 'td' })).toBeInTheDocument()

  const input = within(screen.getByTestId('route-GENERIC')).getByLabelText('Set the secret')
  fireEvent.change(input, { target: { value: 'short' } })
  expect(within(screen.getByTestId('route-GENERIC')).getByText('At least 16 characters.')).toBeInTheDocument()
  fireEvent.change(input, { target: { value: 'a-long-enough-secret-123' } })
  fireEvent.click(within(screen.getByTestId('route-GENERIC')).getByRole('button', { name: 'Save' }))
  await waitFor(() =>
    expect(calls.find(c => c.operationName === 'SetWebhookSecret')?.variables).toEqual({
      source: 'GENERIC',
      secret: 'a-long-enough-secret-123',
      keepPreviousHours: 24,
    })
  )
  // Saved: the page reads the routes again (AfterShip's answer now says set).
  expect(await within(await screen.findByTestId('route-AFTERSHIP')).findByText('Secret set')).toBeInTheDocument()
  expect(document.body.textContent).not.toContain('a-long-enough-secret-123')
})
