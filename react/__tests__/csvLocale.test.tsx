// The CSV panels in a pt-BR page (issue 13): `;` files with a BOM are read, and the results
// and sample files are written as a Brazilian Excel expects them (`;`, BOM, Portuguese).
import { act, fireEvent, render, screen } from '@testing-library/react'
import { InMemoryCache } from 'apollo-cache-inmemory'
import ApolloClient from 'apollo-client'
import { ApolloLink, FetchResult, Observable } from 'apollo-link'
import React from 'react'
import { ApolloProvider } from 'react-apollo'
import { IntlProvider } from 'react-intl'

import pt from '../../messages/pt.json'
import CsvImportPanel from '../admin/components/CsvImportPanel'
import TrackingNumberCsvPanel from '../admin/workQueue/TrackingNumberCsvPanel'

type Call = { operationName: string; variables: Record<string, any> }

function renderPt(ui: React.ReactElement, respond: (call: Call) => FetchResult) {
  const calls: Call[] = []
  const link = new ApolloLink(
    operation =>
      new Observable<FetchResult>(observer => {
        const call = { operationName: operation.operationName, variables: operation.variables }
        calls.push(call)
        setTimeout(() => {
          observer.next(respond(call))
          observer.complete()
        }, 0)
      })
  )
  render(
    <ApolloProvider client={new ApolloClient({ link, cache: new InMemoryCache() })}>
      <IntlProvider locale="pt-BR" messages={pt} timeZone="America/Sao_Paulo">
        {ui}
      </IntlProvider>
    </ApolloProvider>
  )
  return calls
}

const SETTINGS: FetchResult = {
  data: { trackingSettings: { __typename: 'TrackingSettings', timeZone: 'America/Sao_Paulo', shopperLanguage: 'pt-BR' } },
}

function captureDownloads() {
  const blobs: Blob[] = []
  const names: string[] = []
  Object.assign(URL, {
    createObjectURL: jest.fn((blob: Blob) => (blobs.push(blob), `blob:${blobs.length}`)),
    revokeObjectURL: jest.fn(),
  })
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download)
  })
  // The bytes, BOM included (readAsText would drop it).
  const bytes = (i: number) =>
    new Promise<Uint8Array>(resolve => {
      const reader = new FileReader()
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer))
      reader.readAsArrayBuffer(blobs[i])
    })
  const text = async (i: number) => Buffer.from(await bytes(i)).toString('utf-8')
  return { names, text, restore: () => click.mockRestore() }
}

async function choose(label: string, text: string) {
  await act(async () => {
    fireEvent.change(screen.getByLabelText(label), { target: { files: [new File([text], 'codigos.csv', { type: 'text/csv' })] } })
  })
}

afterEach(() => jest.restoreAllMocks())

test('the tracking-number CSV: a ; file with a BOM is read, and its results file is ;-separated and in Portuguese', async () => {
  const downloads = captureDownloads()
  const calls = renderPt(<TrackingNumberCsvPanel />, call => {
    if (call.operationName === 'TrackingSettings') return SETTINGS
    return {
      data: {
        setInvoiceTrackings: {
          __typename: 'InvoiceTrackingBatchPayload',
          results: [{ __typename: 'InvoiceTrackingBatchItemResult', index: 0, orderId: 'v501245lspt-01', invoiceNumber: '24382', ok: false, receipt: null, error: { __typename: 'TrackingItemError', code: 'NOT_FOUND', message: 'Order not found.', field: null } }],
          succeeded: 0,
          failed: 1,
        },
      },
    }
  })
  await choose(pt['admin/order-tracking.trackingCsv.file'], '\ufefforderId;invoiceNumber;trackingNumber\r\nv501245lspt-01;24382;BR1\r\nv501245lspt-01;24382;BR 1\r\n')
  expect(await screen.findByText('2 linhas: 1 prontas, 1 com problemas.')).toBeInTheDocument()

  fireEvent.click(screen.getByText(pt['admin/order-tracking.trackingCsv.import']))
  await screen.findByText('Importação concluída: 0 definidos, 1 com falha.')
  expect(calls.filter(c => c.operationName === 'SetInvoiceTrackings')[0].variables.updates).toEqual([
    { orderId: 'v501245lspt-01', invoiceNumber: '24382', input: { trackingNumber: 'BR1' } },
  ])

  fireEvent.click(screen.getByText(pt['admin/order-tracking.trackingCsv.downloadResults']))
  const text = await downloads.text(0)
  expect(text.startsWith('\ufeff')).toBe(true)
  expect(text.slice(1).split('\r\n')).toEqual([
    'row;orderId;invoiceNumber;trackingNumber;trackingUrl;courier;result;errorCode;errorMessage;receipt',
    // Messages holding `;` or `,` are quoted.
    `2;v501245lspt-01;24382;BR1;;;erro;NOT_FOUND;"${pt['admin/order-tracking.error.notFound']}";`,
    `3;v501245lspt-01;24382;BR 1;;;inválida;BAD_USER_INPUT;"trackingNumber: ${pt['admin/order-tracking.fieldError.invalidCharacters']}";`,
    '',
  ])

  fireEvent.click(screen.getByText(pt['admin/order-tracking.trackingCsv.sample']))
  expect((await downloads.text(1)).slice(1).split('\r\n')[0]).toBe('orderId;invoiceNumber;trackingNumber;trackingUrl;courier')
  downloads.restore()
})

test('the events CSV: a pt-BR page offers a ;-separated sample with a BOM, and previews day-first dates in the store zone', async () => {
  const downloads = captureDownloads()
  renderPt(<CsvImportPanel />, () => SETTINGS)
  fireEvent.click(screen.getByText(pt['admin/order-tracking.csv.sample']))
  const sample = await downloads.text(0)
  expect(sample.startsWith('\ufeff')).toBe(true)
  expect(sample.slice(1).split('\r\n')[0]).toBe('orderId;invoiceNumber;date;city;state;description;isDelivered;deliveredDate')

  await choose(pt['admin/order-tracking.csv.file'], 'orderId;invoiceNumber;date;city;state;description\n1172452900788-01;000030711;20/11/2026 14:30;Curitiba;PR;Em trânsito\n')
  expect(await screen.findByText('20/11/2026 14:30 (gravada como 2026-11-20T14:30:00-03:00)')).toBeInTheDocument()
  downloads.restore()
})
