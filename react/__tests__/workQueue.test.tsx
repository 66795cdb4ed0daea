import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import React from 'react'

import TrackingAdmin from '../TrackingAdmin'
import { ApiCall, renderWithApi } from './support/renderWithApi'

const node = (orderId: string, overrides: Record<string, unknown> = {}) => ({
  __typename: 'TrackingWorkQueueItem',
  orderId,
  invoiceNumber: '1',
  courier: 'Jadlog',
  trackingNumber: null,
  status: null,
  problems: ['NO_TRACKING_NUMBER'],
  invoicedAt: '2026-11-28T10:00:00.000Z',
  lastEventAt: null,
  estimatedDeliveryAt: null,
  ...overrides,
})

function answer(call: ApiCall) {
  if (call.operationName === 'TrackingSettings') {
    return { data: { trackingSettings: { __typename: 'TrackingSettings', timeZone: 'America/Sao_Paulo', shopperLanguage: 'pt-BR' } } }
  }
  if (call.operationName === 'TrackingWorkQueueCounts') {
    return {
      data: {
        trackingWorkQueueCounts: ['NO_TRACKING_NUMBER', 'NO_EVENTS', 'STALE', 'LATE', 'EXCEPTION'].map((problem, i) => ({
          __typename: 'TrackingProblemCount',
          problem,
          count: [2, 0, 4, 1, 3][i],
        })),
      },
    }
  }
  const exception = call.variables.filter?.problems?.[0] === 'EXCEPTION'
  return {
    data: {
      trackingWorkQueue: {
        __typename: 'TrackingWorkQueueConnection',
        totalCount: exception ? 1 : 2,
        pageInfo: { __typename: 'TrackingPageInfo', hasNextPage: false, endCursor: 'bzoy' },
        nodes: exception
          ? [node('1172452900300-01', { status: 'EXCEPTION', problems: ['EXCEPTION'], trackingNumber: 'QA1BR' })]
          : [node('1172452900100-01'), node('1172452900200-01')],
      },
    },
  }
}

describe('the work queue on the landing page', () => {
  beforeEach(() => window.history.replaceState(null, '', '/admin/app/order-tracking/'))

  it('shows each problem with its count, one page of rows, and keeps the tab in the URL', async () => {
    const { calls } = renderWithApi(<TrackingAdmin />, answer, { background: 'respond' })
    await screen.findByRole('button', { name: 'No tracking number (2)' })
    expect(screen.getByRole('button', { name: 'Exception (3)' })).toBeInTheDocument()
    const queue = screen.getByRole('region', { name: 'Shipments that need attention' })
    await within(queue).findByRole('button', { name: '1172452900100-01' })
    expect(within(queue).getAllByRole('row')).toHaveLength(3) // header + 2
    expect(calls.find(c => c.operationName === 'TrackingWorkQueue')?.variables).toEqual({ filter: { problems: ['NO_TRACKING_NUMBER'] }, first: 50 })

    fireEvent.click(screen.getByRole('button', { name: 'Exception (3)' }))
    await within(queue).findByRole('button', { name: '1172452900300-01' })
    expect(within(queue).getByText('QA1BR')).toBeInTheDocument()
    expect(new URLSearchParams(window.location.search).get('problem')).toBe('EXCEPTION')
  })

  it("turns the date filter into the store's days", async () => {
    const { calls } = renderWithApi(<TrackingAdmin />, answer, { background: 'respond' })
    await screen.findByRole('button', { name: 'No tracking number (2)' })
    fireEvent.change(screen.getByLabelText('Invoiced from'), { target: { value: '2026-11-28' } })
    fireEvent.change(screen.getByLabelText('Courier'), { target: { value: 'Jadlog' } })
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }))
    await waitFor(() =>
      expect(calls.filter(c => c.operationName === 'TrackingWorkQueue').pop()?.variables.filter).toEqual({
        courier: 'Jadlog',
        invoicedFrom: '2026-11-28T03:00:00.000Z',
        problems: ['NO_TRACKING_NUMBER'],
      })
    )
    expect(new URLSearchParams(window.location.search).get('from')).toBe('2026-11-28')
  })
})
