// The API's error boundary: whatever fails, only a TrackingError gets out, and nothing of it
// (message, extensions, JSON, log line) carries the token an upstream failure held.
import { createServer, Server } from 'http'
import { AddressInfo } from 'net'

import axios from 'axios'
import { graphql } from 'graphql'
import { makeExecutableSchema } from 'graphql-tools'

import { NOTIFY_INVOICE } from '../authorization'
import { TrackingErrors, describeFailure, toTrackingError } from '../directives/trackingErrors'
import { TrackingError } from '../errors/trackingError'

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { AuthenticationError, ForbiddenError } = require('apollo-server-errors')

const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.secret-app-token'

function recordingLogger() {
  const lines: Array<{ level: 'warn' | 'error'; message: unknown }> = []
  return {
    lines,
    logger: {
      warn: (message: unknown) => lines.push({ level: 'warn' as const, message }),
      error: (message: unknown) => lines.push({ level: 'error' as const, message }),
    },
  }
}

/** An axios-like failure as @vtex/api rejects with: the request config carries the token. */
function axiosLikeError(status?: number, service: 'vtexid' | 'license-manager' = 'license-manager') {
  const error = new Error(status ? `Request failed with status code ${status}` : 'socket hang up') as Error & Record<string, unknown>
  error.isAxiosError = true
  if (!status) error.code = 'ECONNRESET'
  error.config = {
    url:
      service === 'vtexid'
        ? `http://vtexid.vtex.com.br/api/vtexid/pub/authenticated/user?authToken=${TOKEN}`
        : `/api/license-manager/pvt/accounts/x/products/2/logins/resources?token=${TOKEN}`,
    metric: 'lm-check',
    headers: { VtexIdclientAutCookie: TOKEN, 'Proxy-Authorization': TOKEN, Authorization: `Bearer ${TOKEN}` },
  }
  if (status) {
    error.response = { status, headers: { 'set-cookie': `VtexIdclientAutCookie=${TOKEN}` }, data: { token: TOKEN }, config: error.config }
  }
  error.toJSON = () => ({ message: error.message, config: error.config })
  return error
}

function expectNoLeak(error: TrackingError, logged: unknown) {
  expect(error).toBeInstanceOf(TrackingError)
  expect(error.stack).toBeUndefined()
  expect(Object.keys(error)).toEqual(['extensions'])
  const serialized = [JSON.stringify(error), JSON.stringify(error.extensions), error.message, String(error), JSON.stringify(logged)]
  for (const text of serialized) expect(text).not.toContain(TOKEN)
  for (const text of serialized) expect(text).not.toContain('secret-app-token')
}

describe('given toTrackingError', () => {
  describe('when the platform refuses authentication', () => {
    test('then UNAUTHENTICATED, with none of the original message', () => {
      const { logger, lines } = recordingLogger()
      const error = toTrackingError(new AuthenticationError(`Invalid token ${TOKEN}`), 'updateTrackingStatus', logger)
      expect(error.extensions).toEqual({ code: 'UNAUTHENTICATED' })
      expect(error.message).not.toMatch(/Invalid token/)
      expectNoLeak(error, lines)
    })
  })

  describe('when the platform refuses authorization', () => {
    test('then FORBIDDEN naming the missing resource', () => {
      const { logger, lines } = recordingLogger()
      const error = toTrackingError(new ForbiddenError(`User with token ${TOKEN} lacks access`), 'orderTracking', logger)
      expect(error.extensions).toEqual({ code: 'FORBIDDEN', resource: NOTIFY_INVOICE.label })
      expect(error.message).toContain(NOTIFY_INVOICE.label)
      expectNoLeak(error, lines)
    })
  })

  describe.each([
    ['an HTTP 503 from VTEX ID', 503],
    ['an HTTP 500 from License Manager', 500],
    ['a reset connection', undefined],
  ])('when an axios failure (%s) carries the token in its config', (_name, status) => {
    test('then UPSTREAM_UNAVAILABLE, and neither the error nor the log line holds the token', () => {
      const { logger, lines } = recordingLogger()
      const error = toTrackingError(axiosLikeError(status), 'updateTrackingStatus', logger)
      expect(error.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE' })
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatchObject({
        level: 'warn',
        message: { field: 'updateTrackingStatus', status, metric: 'lm-check', name: 'Error' },
      })
      expectNoLeak(error, lines)
    })
  })

  describe.each([
    ['VTEX ID answers 401', 401, 'vtexid', 'UNAUTHENTICATED'],
    ['VTEX ID answers 403', 403, 'vtexid', 'UNAUTHENTICATED'],
    ["License Manager refuses the app's credential (401)", 401, 'license-manager', 'UNAUTHENTICATED'],
    ['License Manager answers 403', 403, 'license-manager', 'FORBIDDEN'],
  ] as const)('when @auth\'s call is refused (%s)', (_name, status, service, code) => {
    test(`then ${code}, never "unavailable", and nothing of the failure gets out`, () => {
      const { logger, lines } = recordingLogger()
      const error = toTrackingError(axiosLikeError(status, service), 'updateTrackingStatus', logger)
      expect(error.extensions.code).toBe(code)
      expect(error.message).not.toMatch(/try again/i)
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatchObject({ level: 'warn', message: { field: 'updateTrackingStatus', status } })
      expectNoLeak(error, lines)
    })
  })

  describe('when a real axios request with the token in its headers fails', () => {
    let server: Server
    let url: string
    beforeAll(async () => {
      server = createServer((_req, res) => {
        res.writeHead(503, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify({ echoed: TOKEN }))
      })
      await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/vtexid/pub/authenticated/user`
    })
    afterAll(() => new Promise<void>(resolve => server.close(() => resolve())))

    test('then the TrackingError and the log line hold nothing of it', async () => {
      const failure = await axios
        .get(url, { headers: { VtexIdclientAutCookie: TOKEN } })
        .then(() => null, (error: unknown) => error)
      // The failure itself does carry the token: that is what must not get out.
      expect(JSON.stringify((failure as { config: unknown }).config)).toContain(TOKEN)
      const { logger, lines } = recordingLogger()
      const error = toTrackingError(failure, 'orderTracking', logger)
      expect(error.extensions.code).toBe('UPSTREAM_UNAVAILABLE')
      expect(lines[0].message).toMatchObject({ status: 503 })
      expectNoLeak(error, lines)
    })
  })

  describe('when anything else fails (a bug)', () => {
    test.each([
      ['a plain Error', new Error(`boom with ${TOKEN}`)],
      ['a TypeError', new TypeError(`Cannot read properties of undefined (reading '${TOKEN}')`)],
      ['a string', `thrown ${TOKEN}`],
      ['null', null],
      ['an object with a token field', { token: TOKEN, extensions: { code: 'SOMETHING', token: TOKEN } }],
    ])('then %s becomes INTERNAL_SERVER_ERROR and is logged by name only', (_name, thrown) => {
      const { logger, lines } = recordingLogger()
      const error = toTrackingError(thrown, 'orderTracking', logger)
      expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' })
      expect(lines).toHaveLength(1)
      expect(lines[0].level).toBe('error')
      expectNoLeak(error, lines)
    })
  })

  describe('when the failure is already a TrackingError', () => {
    test('then it passes through as is, and upstream trouble is logged as a warning', () => {
      const { logger, lines } = recordingLogger()
      const original = new TrackingError('OMS is unavailable', { code: 'UPSTREAM_UNAVAILABLE' })
      expect(toTrackingError(original, 'updateTrackingStatus', logger)).toBe(original)
      expect(lines).toEqual([{ level: 'warn', message: expect.objectContaining({ field: 'updateTrackingStatus' }) }])
    })

    test('then a caller error is not logged', () => {
      const { logger, lines } = recordingLogger()
      const original = new TrackingError('bad', { code: 'BAD_USER_INPUT', field: 'orderId' })
      expect(toTrackingError(original, 'x', logger)).toBe(original)
      expect(lines).toEqual([])
    })

    test('then no logger is needed', () => {
      expect(toTrackingError(new Error('x'), 'x').extensions.code).toBe('INTERNAL_SERVER_ERROR')
    })
  })
})

describe('given describeFailure', () => {
  test('when given an axios failure, then only name, code, status and metric are kept', () => {
    const described = describeFailure(axiosLikeError(503))
    expect(described).toEqual({ name: 'Error', code: undefined, status: 503, metric: 'lm-check' })
  })
})

describe('given a schema whose field carries @trackingErrors', () => {
  const typeDefs = `
    directive @trackingErrors on FIELD_DEFINITION
    type Query {
      upstream: String @trackingErrors
      forbidden: String @trackingErrors
      fine: String @trackingErrors
    }
  `
  const schema = makeExecutableSchema({
    typeDefs,
    resolvers: {
      Query: {
        upstream: () => {
          throw axiosLikeError(503)
        },
        forbidden: () => {
          throw new ForbiddenError('nope')
        },
        fine: () => 'ok',
      },
    },
    schemaDirectives: { trackingErrors: TrackingErrors },
  })

  test('when the resolvers fail, then the response carries only TrackingErrors, with no token', async () => {
    const { logger, lines } = recordingLogger()
    const result = await graphql(schema, '{ upstream forbidden fine }', null, { vtex: { logger } })
    expect(result.data).toEqual({ upstream: null, forbidden: null, fine: 'ok' })
    const errors = (result.errors ?? []).map(e => ({ path: e.path, code: e.extensions?.code, original: e.originalError }))
    expect(errors).toEqual([
      { path: ['upstream'], code: 'UPSTREAM_UNAVAILABLE', original: expect.any(TrackingError) },
      { path: ['forbidden'], code: 'FORBIDDEN', original: expect.any(TrackingError) },
    ])
    expect(JSON.stringify(result)).not.toContain(TOKEN)
    expect(JSON.stringify(lines)).not.toContain(TOKEN)
    expect(lines).toHaveLength(1)
  })
})
