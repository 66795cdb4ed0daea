import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import React from 'react'

import { parseIsoInstant } from '../domain'
import TrackingAdmin from '../TrackingAdmin'
import { invoice, invoicePayload, orderTracking } from './support/fixtures'
import { ApiCall, apiError, renderWithApi } from './support/renderWithApi'

const ORDER_ID = '1172452900788-01'
const PICKED_UP = { city: 'São Paulo', state: 'SP', description: 'Picked up', date: '2024-05-01T12:00:00Z' }

async function openOrder(respondToMutation: (call: ApiCall) => any) {
  const api = renderWithApi(<TrackingAdmin params={{ orderId: ORDER_ID }} />, call =>
    call.operationName === 'OrderTracking'
      ? orderTracking(ORDER_ID, [invoice({ events: [PICKED_UP] })])
      : respondToMutation(call)
  )
  await screen.findByRole('heading', { name: 'Invoice 000030711' })
  const form = screen.getByRole('form', { name: 'Add a tracking event' })
  return { ...api, form }
}

function fillEvent(form: HTMLElement, values: { status?: string; city: string; state: string; date: string }) {
  if (values.status) fireEvent.change(within(form).getByLabelText(/^Status/), { target: { value: values.status } })
  fireEvent.change(within(form).getByLabelText('City'), { target: { value: values.city } })
  fireEvent.change(within(form).getByLabelText('State'), { target: { value: values.state } })
  fireEvent.change(within(form).getByLabelText(/^Date and time/), { target: { value: values.date } })
}

const mutations = (calls: ApiCall[]) => calls.filter(c => c.operationName === 'UpdateTrackingStatus')

describe('given an invoice that can receive events', () => {
  it('fills in the description from the chosen status preset', async () => {
    const { form } = await openOrder(() => apiError('INTERNAL_SERVER_ERROR'))
    const description = within(form).getByLabelText(/^Description/)
    expect(description).toHaveValue('The package is on its way.')

    fireEvent.change(within(form).getByLabelText(/^Status/), { target: { value: 'outForDelivery' } })
    expect(description).toHaveValue('The package is out for delivery today.')
  })

  it('merges the event with the local offset and shows it from the mutation payload', async () => {
    const { form, calls } = await openOrder(call =>
      invoicePayload(
        'updateTrackingStatus',
        invoice({ events: [PICKED_UP, { ...call.variables.input.events[0], date: '2024-05-02T09:30:00Z' }] })
      )
    )
    fillEvent(form, { city: ' Campinas ', state: 'SP', date: '2024-05-02T06:30' })
    fireEvent.click(within(form).getByRole('button', { name: 'Add event' }))

    await waitFor(() => expect(mutations(calls)).toHaveLength(1))
    const { variables } = mutations(calls)[0]
    expect(variables).toEqual({
      orderId: ORDER_ID,
      invoiceNumber: '000030711',
      mode: 'MERGE',
      input: {
        isDelivered: false,
        events: [{ city: 'Campinas', state: 'SP', description: 'The package is on its way.', date: expect.any(String), status: 'IN_TRANSIT' }],
      },
    })
    // Wall-clock time as typed, with the browser's offset written out.
    const { date } = variables.input.events[0]
    expect(date).toMatch(/^2024-05-02T06:30:00[+-]\d{2}:\d{2}$/)
    expect(parseIsoInstant(date)).toBe(new Date(2024, 4, 2, 6, 30).getTime())

    const timeline = screen.getByRole('list', { name: 'Tracking events of invoice 000030711' })
    await waitFor(() => expect(within(timeline).getAllByRole('listitem')).toHaveLength(2))
    expect(within(timeline).getAllByRole('listitem')[0]).toHaveTextContent('The package is on its way.Campinas, SP')
    expect(calls.filter(c => c.operationName === 'OrderTracking')).toHaveLength(1)
    expect(await screen.findByText('Event added.')).toBeInTheDocument()
  })

  it('marks the invoice delivered at the event date when the preset is "delivered"', async () => {
    const { form, calls } = await openOrder(() =>
      invoicePayload('updateTrackingStatus', invoice({ isDelivered: true, deliveredDate: '2024-05-03T17:00:00Z' }))
    )
    fillEvent(form, { status: 'delivered', city: 'Rio de Janeiro', state: 'RJ', date: '2024-05-03T14:00' })
    fireEvent.click(within(form).getByRole('button', { name: 'Add event' }))

    await waitFor(() => expect(mutations(calls)).toHaveLength(1))
    const { input } = mutations(calls)[0].variables
    expect(input.isDelivered).toBe(true)
    expect(input.deliveredDate).toBe(input.events[0].date)
    expect(input.events[0].description).toBe('The package was delivered.')
    expect(await screen.findByText('Delivered on May 3, 2024, 05:00 PM UTC')).toBeInTheDocument()
  })

  it('shows validation errors at their fields and sends nothing', async () => {
    const { form, calls } = await openOrder(() => apiError('INTERNAL_SERVER_ERROR'))
    fillEvent(form, { city: '', state: 'SP', date: '1999-12-31T23:00' })
    fireEvent.change(within(form).getByLabelText(/^Description/), { target: { value: '   ' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Add event' }))

    expect(within(form).getAllByText('Fill in this field.')).toHaveLength(2)
    expect(within(form).getByText('Enter a date after 2000 and not in the future.')).toBeInTheDocument()
    expect(mutations(calls)).toHaveLength(0)
  })

  it("shows the API's refusal at the field it names", async () => {
    const { form } = await openOrder(() =>
      apiError('BAD_USER_INPUT', {
        field: 'input.events[0].state',
        fieldErrors: [{ field: 'input.events[0].state', reason: 'INVALID_CHARACTERS', message: 'state contains…' }],
      })
    )
    fillEvent(form, { city: 'Campinas', state: 'SP', date: '2024-05-02T06:30' })
    fireEvent.click(within(form).getByRole('button', { name: 'Add event' }))

    expect(await within(form).findByText('Use only letters, digits and the symbols allowed here.')).toBeInTheDocument()
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument()
  })

  it('explains a refusal no field owns above the form', async () => {
    const { form } = await openOrder(() => apiError('TRACKING_NUMBER_MISSING'))
    fillEvent(form, { city: 'Campinas', state: 'SP', date: '2024-05-02T06:30' })
    fireEvent.click(within(form).getByRole('button', { name: 'Add event' }))

    expect(await within(form).findByRole('alert')).toHaveTextContent('This invoice has no tracking number yet.')
  })
})
