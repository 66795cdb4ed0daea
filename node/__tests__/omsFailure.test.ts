import { NOTIFY_INVOICE } from '../authorization'
import { fromOmsFailure, isTrackingNumberMissingAnswer, trackingNumberMissing } from '../errors/omsFailure'
import { TrackingError } from '../errors/trackingError'

const SUBJECT = { orderId: 'v501245lspt-01', invoiceNumber: 'NF-9' }
const TOKEN = 'secret-app-token'

const answer = (status: number, data: unknown = {}) =>
  Object.assign(new Error(`Request failed with status code ${status}`), {
    isAxiosError: true,
    config: { url: `https://x.vtexcommercestable.com.br/api/oms?token=${TOKEN}`, headers: { VtexIdclientAutCookie: TOKEN } },
    response: { status, data, headers: { 'x-secret': TOKEN } },
  })

function expectClean(error: TrackingError) {
  expect(error).toBeInstanceOf(TrackingError)
  expect(error.stack).toBeUndefined()
  expect(JSON.stringify(error)).not.toContain(TOKEN)
  expect(error.message).not.toContain(TOKEN)
  expect(error.message).not.toContain('vtexcommercestable')
}

describe('given fromOmsFailure', () => {
  describe('when OMS answers 404', () => {
    test.each([
      ['"Invoice Not Found" as JSON', { error: { code: '1', message: 'Invoice Not Found' } }],
      ['"Invoice Not Found" as text', 'Invoice Not Found'],
      ['an invoice message in other words', { error: { message: 'invoice NF-9 does not exist' } }],
    ])('then %s is NOT_FOUND on invoiceNumber', (_name, data) => {
      const error = fromOmsFailure(answer(404, data), SUBJECT)
      expect(error.extensions).toEqual({ code: 'NOT_FOUND', field: 'invoiceNumber' })
      expect(error.message).toContain('NF-9')
      expectClean(error)
    })

    test.each([
      ['an order message', { error: { message: 'Order Not Found' } }],
      ['no body', undefined],
      ['an empty body', ''],
      ['an HTML page', '<html>404</html>'],
    ])('then %s is NOT_FOUND on orderId', (_name, data) => {
      const error = fromOmsFailure(answer(404, data), SUBJECT)
      expect(error.extensions).toEqual({ code: 'NOT_FOUND', field: 'orderId' })
      expect(error.message).toContain('v501245lspt-01')
      expectClean(error)
    })

    test('then an invoice message on an order read (no invoice in the subject) is about the order', () => {
      const error = fromOmsFailure(answer(404, 'Invoice Not Found'), { orderId: 'v501245lspt-01' })
      expect(error.extensions).toEqual({ code: 'NOT_FOUND', field: 'orderId' })
    })
  })

  describe('when OMS answers 400', () => {
    test.each([
      { error: { message: 'The invoice does not have a tracking number' } },
      { error: { message: 'trackingNumber is required to update tracking' } },
      'Tracking Number not informed',
    ])('then a tracking-number message (%j) is TRACKING_NUMBER_MISSING', data => {
      const error = fromOmsFailure(answer(400, data), SUBJECT)
      expect(error.extensions).toEqual({ code: 'TRACKING_NUMBER_MISSING', field: 'invoiceNumber' })
      expect(error.message).toContain('NF-9')
      expectClean(error)
    })

    test.each([{ error: { message: 'Invalid date' } }, { error: { message: 'Invalid tracking number' } }, undefined, `token ${TOKEN}`])(
      'then any other 400 (%j) is BAD_USER_INPUT without the upstream text',
      data => {
        const error = fromOmsFailure(answer(400, data), SUBJECT)
        expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT' })
        expect(error.message).not.toContain('Invalid date')
        expectClean(error)
      }
    )
  })

  describe.each([401, 403])('when OMS answers %d', status => {
    test("then it is APP_NOT_AUTHORIZED (the app's own token), naming the resource", () => {
      const error = fromOmsFailure(answer(status, { error: { message: `forbidden for ${TOKEN}` } }), SUBJECT)
      expect(error.extensions).toEqual({ code: 'APP_NOT_AUTHORIZED', resource: NOTIFY_INVOICE.label })
      expect(error.message).toContain(NOTIFY_INVOICE.label)
      expectClean(error)
    })
  })

  describe.each([
    ['429', answer(429)],
    ['500', answer(500, 'An error has occurred')],
    ['502', answer(502)],
    ['503', answer(503)],
    ['504', answer(504)],
    ['ECONNRESET', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
    ['a timeout', Object.assign(new Error('timeout of 10000ms exceeded'), { code: 'ECONNABORTED', isAxiosError: true })],
    ['an axios error without response or code', Object.assign(new Error('Network Error'), { isAxiosError: true })],
  ])('when the failure is %s', (_name, failure) => {
    test('then it is UPSTREAM_UNAVAILABLE', () => {
      const error = fromOmsFailure(failure, SUBJECT)
      expect(error.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE' })
      expectClean(error)
    })
  })

  describe.each([
    ['a TypeError (a bug)', new TypeError(`x is undefined ${TOKEN}`)],
    ['a plain Error', new Error('something')],
    ['undefined', undefined],
    ['a string', 'oops'],
    ['an unexpected 409', answer(409)],
  ])('when the failure is %s', (_name, failure) => {
    test('then it is INTERNAL_SERVER_ERROR with nothing of the original', () => {
      const error = fromOmsFailure(failure, SUBJECT)
      expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' })
      expectClean(error)
    })
  })

  describe('when the failure is already a TrackingError', () => {
    test('then it is returned unchanged', () => {
      const original = new TrackingError('conflict', { code: 'CONFLICT' })
      expect(fromOmsFailure(original, SUBJECT)).toBe(original)
    })
  })
})

describe('given the helpers', () => {
  test('when OMS data mentions a tracking number, then it is recognised', () => {
    expect(isTrackingNumberMissingAnswer({ error: { message: 'no TrackingNumber' } })).toBe(true)
    expect(isTrackingNumberMissingAnswer({ error: { message: 'Invoice Not Found' } })).toBe(false)
    expect(isTrackingNumberMissingAnswer(null)).toBe(false)
    expect(isTrackingNumberMissingAnswer({ error: { message: 42 } })).toBe(false)
  })

  test('when trackingNumberMissing is built, then it names the invoice and its field', () => {
    const error = trackingNumberMissing('v501245lspt-01', 'NF-9')
    expect(error.extensions).toEqual({ code: 'TRACKING_NUMBER_MISSING', field: 'invoiceNumber' })
    expect(error.message).toContain('NF-9')
  })
})
