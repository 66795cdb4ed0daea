import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import React from 'react'

import TrackingAdmin from '../TrackingAdmin'
import { invoice, invoicePayload, orderTracking } from './support/fixtures'
import { renderWithApi } from './support/renderWithApi'

const ORDER_ID = 'v501245lspt-01'
const WITHOUT_NUMBER = { invoiceNumber: '24382', trackingNumber: null, trackingUrl: null, courier: null, canReceiveEvents: false }

describe('given an invoice without a tracking number', () => {
  it('sets the tracking number, then offers the add-event form', async () => {
    const { calls } = renderWithApi(<TrackingAdmin params={{ orderId: ORDER_ID }} />, call =>
      call.operationName === 'OrderTracking'
        ? orderTracking(ORDER_ID, [invoice(WITHOUT_NUMBER)])
        : invoicePayload(
            'setInvoiceTracking',
            invoice({ invoiceNumber: '24382', trackingNumber: 'LX1234', trackingUrl: 'https://carrier.example/LX1234', courier: 'Loggi' })
          )
    )
    const form = await screen.findByRole('form', { name: 'Set the tracking number' })
    expect(screen.queryByRole('form', { name: 'Add a tracking event' })).not.toBeInTheDocument()

    fireEvent.change(within(form).getByLabelText('Tracking number'), { target: { value: 'LX1234' } })
    fireEvent.change(within(form).getByLabelText('Tracking URL'), { target: { value: 'https://carrier.example/LX1234' } })
    fireEvent.change(within(form).getByLabelText('Courier'), { target: { value: 'Loggi' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Save tracking number' }))

    expect(await screen.findByRole('form', { name: 'Add a tracking event' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'LX1234' })).toHaveAttribute('href', 'https://carrier.example/LX1234')
    await waitFor(() =>
      expect(calls.find(c => c.operationName === 'SetInvoiceTracking')?.variables).toEqual({
        orderId: ORDER_ID,
        invoiceNumber: '24382',
        input: { trackingNumber: 'LX1234', trackingUrl: 'https://carrier.example/LX1234', courier: 'Loggi' },
      })
    )
  })

  it('refuses a non-web tracking URL before sending', async () => {
    const { calls } = renderWithApi(<TrackingAdmin params={{ orderId: ORDER_ID }} />, () =>
      orderTracking(ORDER_ID, [invoice(WITHOUT_NUMBER)])
    )
    const form = await screen.findByRole('form', { name: 'Set the tracking number' })
    fireEvent.change(within(form).getByLabelText('Tracking number'), { target: { value: 'LX1234' } })
    fireEvent.change(within(form).getByLabelText('Tracking URL'), { target: { value: 'javascript:alert(1)' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Save tracking number' }))

    expect(within(form).getByText('This value is not in a valid format.')).toBeInTheDocument()
    expect(calls.map(c => c.operationName)).toEqual(['OrderTracking'])
  })
})
