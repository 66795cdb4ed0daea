// Preset descriptions land on the shopper's timeline, so they are written in the store's
// language (trackingSettings), never in the operator's: an English-speaking operator of a
// Brazilian store waits for the settings, and when they cannot be read, types the text.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { InMemoryCache } from 'apollo-cache-inmemory'
import ApolloClient from 'apollo-client'
import { ApolloLink, FetchResult, Observable } from 'apollo-link'
import React from 'react'
import { ApolloProvider } from 'react-apollo'
import { IntlProvider } from 'react-intl'

import en from '../../messages/en.json'
import TrackingAdmin from '../TrackingAdmin'
import { BACKGROUND, ApiCall, apiError } from './support/renderWithApi'
import { invoice, invoicePayload, orderTracking } from './support/fixtures'

const ORDER_ID = '1172452900788-01'
const SETTINGS_PT: FetchResult = {
  data: { trackingSettings: { __typename: 'TrackingSettings', timeZone: 'America/Sao_Paulo', shopperLanguage: 'pt-BR' } },
}

/** The admin page in English, its settings answered only when the test calls `answerSettings`. */
function renderWithHeldSettings() {
  const calls: ApiCall[] = []
  const held: Array<(result: FetchResult | Error) => void> = []
  const link = new ApolloLink(
    operation =>
      new Observable<FetchResult>(observer => {
        const call = { operationName: operation.operationName, variables: operation.variables }
        const answer = (result: FetchResult | Error) => {
          if (result instanceof Error) observer.error(result)
          else {
            observer.next(result)
            observer.complete()
          }
        }
        if (call.operationName === 'TrackingSettings') return void held.push(answer)
        calls.push(call)
        let result: FetchResult
        if (call.operationName === 'OrderTracking') result = orderTracking(ORDER_ID, [invoice()])
        else if (call.operationName === 'UpdateTrackingStatus') result = invoicePayload('updateTrackingStatus', invoice())
        else result = BACKGROUND[call.operationName] ?? apiError('INTERNAL_SERVER_ERROR')
        setTimeout(() => answer(result), 0)
      })
  )
  render(
    <ApolloProvider client={new ApolloClient({ link, cache: new InMemoryCache() })}>
      <IntlProvider locale="en-US" messages={en} timeZone="UTC">
        <TrackingAdmin params={{ orderId: ORDER_ID }} />
      </IntlProvider>
    </ApolloProvider>
  )
  const answerSettings = (result: FetchResult | Error) =>
    act(async () => {
      // Every query of the settings (the page asks for its time zone too).
      while (held.length) held.shift()!(result)
    })
  return { calls, answerSettings }
}

async function form() {
  await screen.findByRole('heading', { name: 'Invoice 000030711' })
  return screen.getByRole('form', { name: 'Add a tracking event' })
}

it('offers no preset in the operator\'s language while the settings load, then fills the store\'s', async () => {
  const { answerSettings } = renderWithHeldSettings()
  const addEvent = await form()
  const status = within(addEvent).getByLabelText(/^Status/)
  const description = within(addEvent).getByLabelText(/^Description/)

  // Loading: the choice waits, and no English text stands in.
  expect(status).toBeDisabled()
  expect(description).toHaveValue('')
  expect(within(addEvent).getByText("Reading the shoppers' language for the status texts…")).toBeInTheDocument()

  await answerSettings(SETTINGS_PT)
  await waitFor(() => expect(description).toHaveValue('O pacote está a caminho.'))
  expect(status).toBeEnabled()
  expect(within(addEvent).queryByText("Reading the shoppers' language for the status texts…")).toBeNull()
  fireEvent.change(status, { target: { value: 'outForDelivery' } })
  expect(description).toHaveValue('O pacote saiu para entrega hoje.')
})

it.each([
  ['answer with an error', apiError('INTERNAL_SERVER_ERROR')],
  ['no answer at all', new Error('network down')],
])('when the settings cannot be read (%s), says so beside the presets and sends what the operator types', async (_, failure) => {
  const { calls, answerSettings } = renderWithHeldSettings()
  const addEvent = await form()
  const status = within(addEvent).getByLabelText(/^Status/)
  const description = within(addEvent).getByLabelText(/^Description/)

  await answerSettings(failure)
  await within(addEvent).findByText(/^The shoppers' language could not be read, so no text is suggested/)
  expect(status).toBeEnabled()
  expect(description).toHaveValue('')

  // Choosing a status neither fills in English nor wipes what was typed.
  fireEvent.change(description, { target: { value: 'Pedido em rota de entrega.' } })
  fireEvent.change(status, { target: { value: 'outForDelivery' } })
  expect(description).toHaveValue('Pedido em rota de entrega.')

  fireEvent.change(within(addEvent).getByLabelText('City'), { target: { value: 'Recife' } })
  fireEvent.change(within(addEvent).getByLabelText('State'), { target: { value: 'PE' } })
  fireEvent.click(within(addEvent).getByRole('button', { name: 'Add event' }))
  await waitFor(() => expect(calls.filter(c => c.operationName === 'UpdateTrackingStatus')).toHaveLength(1))
  const [sent] = calls.filter(c => c.operationName === 'UpdateTrackingStatus')
  expect(sent.variables.input.events[0]).toMatchObject({ description: 'Pedido em rota de entrega.', status: 'OUT_FOR_DELIVERY' })
})
