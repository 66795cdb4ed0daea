import { fireEvent, screen, waitFor } from '@testing-library/react'
import React from 'react'

import { parseIsoInstant } from '../domain'
import TrackingAdmin from '../TrackingAdmin'
import { invoice, invoicePayload, orderTracking } from './support/fixtures'
import { renderWithApi } from './support/renderWithApi'

const ORDER_ID = '1172452900788-01'

function openOrder() {
  return renderWithApi(<TrackingAdmin params={{ orderId: ORDER_ID }} />, call =>
    call.operationName === 'OrderTracking'
      ? orderTracking(ORDER_ID, [invoice()])
      : invoicePayload('updateTrackingStatus', invoice({ isDelivered: true, deliveredDate: '2024-05-03T17:00:00Z' }))
  )
}

describe('given an invoice in transit', () => {
  it('asks for confirmation and sends nothing when cancelled', async () => {
    const { calls } = openOrder()
    fireEvent.click(await screen.findByRole('button', { name: 'Mark as delivered' }))

    expect(screen.getByText('Mark invoice 000030711 as delivered?')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))

    await waitFor(() => expect(screen.queryByText('Mark invoice 000030711 as delivered?')).not.toBeInTheDocument())
    expect(calls.map(c => c.operationName)).toEqual(['OrderTracking'])
  })

  it('marks it delivered at the confirmed date, keeping its events (MERGE, no events)', async () => {
    const { calls } = openOrder()
    fireEvent.click(await screen.findByRole('button', { name: 'Mark as delivered' }))
    fireEvent.change(screen.getByLabelText(/^Delivered at/), { target: { value: '2024-05-03T14:00' } })
    const [, confirm] = screen.getAllByRole('button', { name: 'Mark as delivered' })
    fireEvent.click(confirm)

    expect(await screen.findByText('Delivered on May 3, 2024, 05:00 PM UTC')).toBeInTheDocument()
    const mutation = calls.find(c => c.operationName === 'UpdateTrackingStatus')!
    expect(mutation.variables).toEqual({
      orderId: ORDER_ID,
      invoiceNumber: '000030711',
      mode: 'MERGE',
      input: { isDelivered: true, deliveredDate: expect.stringMatching(/^2024-05-03T14:00:00[+-]\d{2}:\d{2}$/), events: [] },
    })
    expect(parseIsoInstant(mutation.variables.input.deliveredDate)).toBe(new Date(2024, 4, 3, 14, 0).getTime())
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Mark as delivered' })).not.toBeInTheDocument())
  })
})
