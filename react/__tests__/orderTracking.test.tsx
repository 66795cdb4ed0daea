import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import React from 'react'

import TrackingAdmin from '../TrackingAdmin'
import { invoice, orderTracking } from './support/fixtures'
import { apiError, renderWithApi } from './support/renderWithApi'

const ORDER_ID = '1172452900788-01'

describe('given an order with invoices', () => {
  const answer = () =>
    orderTracking(ORDER_ID, [
      invoice({
        events: [
          { city: 'São Paulo', state: 'SP', description: 'Picked up', date: '2024-05-01T12:00:00Z' },
          { city: 'Rio de Janeiro', state: 'RJ', description: 'Out for delivery', date: '2024-05-03T09:15:00Z' },
          { city: 'Campinas', state: 'SP', description: 'In transit', date: '2024-05-02T18:40:00Z' },
        ],
      }),
      invoice({
        invoiceNumber: '24382',
        type: 'INPUT',
        courier: null,
        trackingNumber: null,
        trackingUrl: null,
        canReceiveEvents: false,
      }),
      invoice({
        invoiceNumber: 'NF-9',
        trackingUrl: 'javascript:alert(1)',
        isDelivered: true,
        deliveredDate: '2024-05-04T17:05:00Z',
      }),
    ])

  it('opens the order from the route param and shows each invoice with its status', async () => {
    const { calls } = renderWithApi(<TrackingAdmin params={{ orderId: ORDER_ID }} />, answer)

    expect(await screen.findByRole('heading', { name: 'Invoice 000030711' })).toBeInTheDocument()
    expect(calls).toEqual([{ operationName: 'OrderTracking', variables: { orderId: ORDER_ID } }])
    expect(screen.getByLabelText('Order ID')).toHaveValue(ORDER_ID)

    const first = screen.getByRole('region', { name: 'Invoice 000030711' })
    expect(within(first).getByText('Sale (outgoing)')).toBeInTheDocument()
    expect(within(first).getByText('Transportadora Rápida')).toBeInTheDocument()
    expect(within(first).getByRole('link', { name: 'BR123456789' })).toHaveAttribute(
      'href',
      'https://tracking.example/BR123456789'
    )
    expect(within(first).getByText('In transit', { selector: '.order-tracking-status' })).toBeInTheDocument()

    const second = screen.getByRole('region', { name: 'Invoice 24382' })
    expect(within(second).getByText('Return (incoming)')).toBeInTheDocument()
    expect(within(second).getByText('No tracking number')).toBeInTheDocument()

    const third = screen.getByRole('region', { name: 'Invoice NF-9' })
    expect(within(third).getByText('Delivered on May 4, 2024, 05:05 PM UTC')).toBeInTheDocument()
    // Not an http(s) URL: the number is shown, never as a link.
    expect(within(third).getByText('BR123456789')).toBeInTheDocument()
    expect(within(third).queryByRole('link')).not.toBeInTheDocument()
  })

  it('lists the events newest first, in the merchant locale and time zone', async () => {
    renderWithApi(<TrackingAdmin params={{ orderId: ORDER_ID }} />, answer)

    const timeline = await screen.findByRole('list', { name: 'Tracking events of invoice 000030711' })
    const items = within(timeline).getAllByRole('listitem').map(item => item.textContent)
    expect(items).toEqual([
      'Out for deliveryRio de Janeiro, RJ · May 3, 2024, 09:15 AM UTC',
      'In transitCampinas, SP · May 2, 2024, 06:40 PM UTC',
      'Picked upSão Paulo, SP · May 1, 2024, 12:00 PM UTC',
    ])
  })

  it('isolates carrier text, so a stray bidi control in it cannot reorder the page around it', async () => {
    const stored = () =>
      orderTracking(ORDER_ID, [
        invoice({
          courier: 'Correios\u202e',
          events: [{ city: 'Curitiba\u202e', state: 'PR', description: '\u202eEntregue', date: '2024-05-01T12:00:00Z' }],
        }),
      ])
    renderWithApi(<TrackingAdmin params={{ orderId: ORDER_ID }} />, stored)

    const timeline = await screen.findByRole('list', { name: 'Tracking events of invoice 000030711' })
    const [item] = within(timeline).getAllByRole('listitem')
    expect(within(item).getByText('\u202eEntregue')).toHaveAttribute('dir', 'auto')
    const city = within(item).getByText('Curitiba\u202e')
    expect(city.tagName).toBe('BDI')
    // The date, the page's own text, stays outside the isolate.
    expect(city.textContent).not.toMatch(/2024/)
    expect(screen.getByText('Correios\u202e').tagName).toBe('BDI')
  })

  it('searches an order typed by the merchant', async () => {
    const { calls } = renderWithApi(<TrackingAdmin />, answer)

    fireEvent.change(screen.getByLabelText('Order ID'), { target: { value: ` ${ORDER_ID} ` } })
    fireEvent.click(screen.getByRole('button', { name: 'Search' }))

    expect(await screen.findByRole('heading', { name: 'Invoice 000030711' })).toBeInTheDocument()
    expect(calls[0].variables).toEqual({ orderId: ORDER_ID })
  })

  it('refuses an order id with characters OMS cannot route, without calling the API', () => {
    const { calls } = renderWithApi(<TrackingAdmin />, answer)

    fireEvent.change(screen.getByLabelText('Order ID'), { target: { value: '1172/../01' } })
    fireEvent.click(screen.getByRole('button', { name: 'Search' }))

    expect(screen.getByText('Use only letters, digits and the symbols allowed here.')).toBeInTheDocument()
    expect(calls).toHaveLength(0)
  })
})

describe('given the order cannot be shown', () => {
  it('says so when the order does not exist', async () => {
    renderWithApi(<TrackingAdmin params={{ orderId: 'v0000000-01' }} />, () => apiError('NOT_FOUND'))

    expect(await screen.findByText('Order not found')).toBeInTheDocument()
    expect(screen.getByText('There is no order v0000000-01 in this account. Check the id and try again.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument()
  })

  it('names the Notify invoice resource the user lacks', async () => {
    renderWithApi(<TrackingAdmin params={{ orderId: ORDER_ID }} />, () => apiError('FORBIDDEN'))

    expect(await screen.findByText('You do not have permission to track orders')).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('"Notify invoice"')
  })

  it('asks to sign in again when the session is gone', async () => {
    renderWithApi(<TrackingAdmin params={{ orderId: ORDER_ID }} />, () => apiError('UNAUTHENTICATED'))

    expect(await screen.findByText('Your session has expired')).toBeInTheDocument()
  })

  it('offers a retry when OMS is unavailable, and shows the order once it answers', async () => {
    let down = true
    const { calls } = renderWithApi(<TrackingAdmin params={{ orderId: ORDER_ID }} />, () =>
      down ? apiError('UPSTREAM_UNAVAILABLE') : orderTracking(ORDER_ID, [invoice()])
    )

    expect(await screen.findByText('The order service is not responding right now. Try again in a moment.')).toBeInTheDocument()
    down = false
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))

    expect(await screen.findByRole('heading', { name: 'Invoice 000030711' })).toBeInTheDocument()
    expect(calls).toHaveLength(2)
  })

  it('reads the error of a non-2xx answer from its body', async () => {
    const serverError = Object.assign(new Error('Response not successful'), {
      statusCode: 500,
      result: { errors: [{ message: 'x', extensions: { code: 'FORBIDDEN' } }] },
    })
    renderWithApi(<TrackingAdmin params={{ orderId: ORDER_ID }} />, () => serverError)
    expect(await screen.findByText('You do not have permission to track orders')).toBeInTheDocument()
  })

  it('offers a retry when the service cannot be reached', async () => {
    renderWithApi(<TrackingAdmin params={{ orderId: ORDER_ID }} />, () => new TypeError('Failed to fetch'))

    expect(await screen.findByText('Could not reach the tracking service. Check your connection and try again.')).toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument())
  })
})
