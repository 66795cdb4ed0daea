// The real OMS client, over the real @vtex/api HTTP stack, against a real local HTTP server.
import { createServer, IncomingHttpHeaders, Server } from 'http'
import { AddressInfo } from 'net'

import { IOContext, Logger } from '@vtex/api'

import { OrderTrackingOms } from '../clients/orderTrackingOms'
import { OmsTrackingUpdate } from '../typings/oms'
import { Clock } from '../upstream/retryPolicy'

const APP_TOKEN = 'test-app-token'

interface Seen {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

interface Answer {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

let server: Server
let baseUrl: string
const seen: Seen[] = []
let answers: Answer[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', chunk => chunks.push(chunk))
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
      const answer = answers.shift() ?? { status: 200, body: RECEIPT }
      res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers })
      res.end(JSON.stringify(answer.body ?? {}))
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise<void>(resolve => server.close(() => resolve()))
})

let logSpy: jest.SpyInstance
beforeEach(() => {
  seen.length = 0
  answers = []
  // The Logger writes JSON lines to the console; keep the test output clean.
  logSpy = jest.spyOn(console, 'log').mockImplementation(() => undefined)
})
afterEach(() => logSpy.mockRestore())

const RECEIPT = { date: '2017-03-29T18:04:31.0521233+00:00', orderId: 'v501245lspt-01', receipt: 'f67d33a8029c42ce9a8f07fc17f54449' }

function ioContext(): IOContext {
  const base = {
    account: 'localstore',
    workspace: 'master',
    requestId: 'test-request',
    operationId: 'test-operation',
    production: false,
  }
  return {
    ...base,
    authToken: APP_TOKEN,
    platform: 'vtex',
    product: '',
    region: 'local',
    route: { id: 'graphql', params: {}, type: 'private' },
    userAgent: 'order-tracking-unit-test',
    logger: new Logger(base),
    tracer: { isTraceSampled: false } as unknown as IOContext['tracer'],
  } as IOContext
}

/** The real client, with every request sent to the local server and the policy on a fake clock. */
function client() {
  const sleeps: number[] = []
  const clock: Clock = { now: () => Date.parse('2024-05-01T12:00:00Z') + sleeps.reduce((a, b) => a + b, 0), sleep: async ms => void sleeps.push(ms) }
  const oms = new OrderTrackingOms(ioContext(), {
    timeout: 5000,
    middlewares: [
      async (c: { config: { baseURL?: string } }, next: () => Promise<void>) => {
        c.config.baseURL = baseUrl
        await next()
      },
    ],
  })
  oms.retryOptions = {
    policy: { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 40, totalBudgetMs: 60_000 },
    clock,
    random: () => 1,
  }
  return { oms, sleeps }
}

const body: OmsTrackingUpdate = {
  isDelivered: false,
  deliveredDate: null,
  events: [{ city: 'Curitiba', state: 'PR', description: 'In transit', date: '2024-05-01T14:30:00-03:00' }],
}

const pathOf = (url: string) => url.split('?')[0]

describe('given the real OrderTrackingOms client and a local server', () => {
  describe('when it puts tracking events', () => {
    test('then it PUTs the JSON body to the tracking path, with the account and the app token', async () => {
      const { oms } = client()
      await expect(oms.putTracking('v501245lspt-01', 'NF-9', body)).resolves.toEqual(RECEIPT)
      expect(seen).toHaveLength(1)
      const [request] = seen
      expect(request.method).toBe('PUT')
      expect(pathOf(request.url)).toBe('/api/oms/pvt/orders/v501245lspt-01/invoice/NF-9/tracking')
      expect(new URL(request.url, baseUrl).searchParams.get('an')).toBe('localstore')
      expect(request.headers.vtexidclientautcookie).toBe(APP_TOKEN)
      expect(request.headers['content-type']).toMatch(/^application\/json/)
      expect(request.headers.accept).toMatch(/application\/json/)
      expect(JSON.parse(request.body)).toEqual(body)
    })

    test.each([
      ['a space and a slash', 'a b/c', 'NF 9/1', '/api/oms/pvt/orders/a%20b%2Fc/invoice/NF%209%2F1/tracking'],
      ['a hash and a question mark', 'x#y', 'NF?9&z=1', '/api/oms/pvt/orders/x%23y/invoice/NF%3F9%26z%3D1/tracking'],
      ['a percent sign and unicode', '100%', 'n\u00ba1', '/api/oms/pvt/orders/100%25/invoice/n%C2%BA1/tracking'],
    ])('then identifiers with %s are percent-encoded, one segment each', async (_name, orderId, invoice, expected) => {
      const { oms } = client()
      await oms.putTracking(orderId, invoice, body)
      expect(seen).toHaveLength(1)
      expect(pathOf(seen[0].url)).toBe(expected)
      expect(pathOf(seen[0].url).split('/')).toHaveLength(9)
    })

    test.each([
      ['..', 'NF-9'],
      ['.', 'NF-9'],
      ['', 'NF-9'],
      ['v501245lspt-01', '..'],
    ])('then a dot or empty segment (%j, %j) never reaches the server', async (orderId, invoice) => {
      const { oms } = client()
      await expect(oms.putTracking(orderId, invoice, body)).rejects.toThrow()
      expect(seen).toHaveLength(0)
    })

    test('then 503, 503, 200 succeeds on the third try with the backoff between', async () => {
      const { oms, sleeps } = client()
      answers = [{ status: 503 }, { status: 503 }, { status: 200, body: RECEIPT }]
      await expect(oms.putTracking('v501245lspt-01', 'NF-9', body)).resolves.toEqual(RECEIPT)
      expect(seen.map(r => r.method)).toEqual(['PUT', 'PUT', 'PUT'])
      expect(seen.every(r => r.body === seen[0].body)).toBe(true)
      expect(sleeps).toEqual([10, 20])
    })

    test('then a 400 is not retried and reaches the caller translated', async () => {
      const { oms, sleeps } = client()
      answers = [{ status: 400, body: { error: { code: '1', message: 'Invalid tracking number' } } }]
      await expect(oms.putTracking('v501245lspt-01', 'NF-9', body)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } })
      expect(seen).toHaveLength(1)
      expect(sleeps).toEqual([])
    })

    test('then a 429 with Retry-After is retried after the time OMS asked for', async () => {
      const { oms, sleeps } = client()
      answers = [{ status: 429, headers: { 'Retry-After': '2' } }, { status: 200, body: RECEIPT }]
      await expect(oms.putTracking('v501245lspt-01', 'NF-9', body)).resolves.toEqual(RECEIPT)
      expect(seen).toHaveLength(2)
      expect(sleeps).toEqual([2000])
    })

    test('then it gives up after maxAttempts on a lasting 500', async () => {
      const { oms } = client()
      answers = Array(10).fill({ status: 500 })
      await expect(oms.putTracking('v501245lspt-01', 'NF-9', body)).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_UNAVAILABLE' } })
      expect(seen).toHaveLength(4)
    })
  })

  describe('when it reads an order', () => {
    test('then it GETs the order path with the app token, and reads again after a write (no memoization)', async () => {
      const { oms } = client()
      const order = { orderId: 'v501245lspt-01', packageAttachment: { packages: [] } }
      answers = [{ status: 200, body: order }, { status: 200, body: { ...order, orderId: 'second' } }]
      await expect(oms.getOrder('v501245lspt-01')).resolves.toEqual(order)
      await expect(oms.getOrder('v501245lspt-01')).resolves.toMatchObject({ orderId: 'second' })
      expect(seen.map(r => [r.method, pathOf(r.url)])).toEqual([
        ['GET', '/api/oms/pvt/orders/v501245lspt-01'],
        ['GET', '/api/oms/pvt/orders/v501245lspt-01'],
      ])
      expect(seen[0].headers.vtexidclientautcookie).toBe(APP_TOKEN)
    })

    test('then a 404 is not retried', async () => {
      const { oms } = client()
      answers = [{ status: 404, body: { error: { message: 'Order not found' } } }]
      await expect(oms.getOrder('v501245lspt-01')).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'orderId' } })
      expect(seen).toHaveLength(1)
    })
  })

  describe('when it sets the invoice tracking number', () => {
    test('then it PATCHes the invoice path with the body', async () => {
      const { oms } = client()
      const patch = { trackingNumber: 'BR123', trackingUrl: 'https://t.example/BR123', courier: 'Correios' }
      await oms.patchInvoiceTracking('1172452900788-01', '000030711', patch)
      expect(seen.map(r => [r.method, pathOf(r.url)])).toEqual([['PATCH', '/api/oms/pvt/orders/1172452900788-01/invoice/000030711']])
      expect(JSON.parse(seen[0].body)).toEqual(patch)
      expect(seen[0].headers.vtexidclientautcookie).toBe(APP_TOKEN)
    })
  })
})
