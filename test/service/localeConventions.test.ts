// Issue 13, through the real runtime and the sandbox: a calendar date sent to the API is the
// start of that day in the store's time zone (the local store's is America/Sao_Paulo), and
// the shoppers' language, when the merchant has not set it, is the store's default locale
// from the Tenant API.
import { LOCAL_STORE_SETTINGS } from '../../dev/oms-sandbox/appSettings'
import { SET_INVOICE_TRACKING, TRACKED, UNTRACKED, UPDATE_TRACKING_STATUS, event } from '../support/operations'
import { useServiceStack } from '../support/serviceStack'

// Settings changed by a test are read again at once.
process.env.ORDER_TRACKING_SETTINGS_CACHE_MS = '0'

const stack = useServiceStack()
const admin = 'local-admin'

const trackingPuts = () => stack.sandbox.journal().filter(e => e.method === 'PUT' && e.path.endsWith('/tracking'))
const stored = (orderId: string, invoiceNumber: string) =>
  stack.sandbox.getOrder(orderId)?.packageAttachment.packages.find(p => p.invoiceNumber === invoiceNumber)

test('a date-only event date and deliveredDate are stored at midnight in São Paulo, not UTC', async () => {
  const answer = await stack.graphql({
    query: UPDATE_TRACKING_STATUS,
    userToken: admin,
    variables: {
      ...TRACKED,
      input: { isDelivered: true, deliveredDate: '2026-11-20', events: [event('Objeto entregue ao destinatário', '2026-11-20')] },
    },
  })
  expect(answer.body.errors).toBeUndefined()
  // What OMS was sent: the day written with São Paulo's offset, and OMS's deliveredDate (UTC).
  const [put] = trackingPuts()
  const body = put.body as { deliveredDate: string; events: Array<{ date: string }> }
  expect(body.events.map(e => e.date)).toEqual(['2026-11-20T00:00:00-03:00'])
  expect(body.deliveredDate).toBe('2026-11-20 03:00')
  // What OMS holds, and what the API reads back: 03:00 UTC, which a São Paulo browser shows as Nov 20, 00:00.
  const pkg = stored(TRACKED.orderId, TRACKED.invoiceNumber)
  expect(pkg?.courierStatus?.data.map(e => new Date(e.createDate).toISOString())).toEqual(['2026-11-20T03:00:00.000Z'])
  expect(answer.body.data.updateTrackingStatus.invoice.events.map((e: { date: string }) => e.date)).toEqual(['2026-11-20T03:00:00.000Z'])
  expect(answer.body.data.updateTrackingStatus.invoice.deliveredDate).toBe('2026-11-20T03:00:00.000Z')
})

test('an offset-less date-time is still refused, at its field', async () => {
  const answer = await stack.graphql({
    query: UPDATE_TRACKING_STATUS,
    userToken: admin,
    variables: { ...TRACKED, input: { isDelivered: false, events: [event('Em trânsito', '2026-11-20T14:30:00')] } },
  })
  expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.events[0].date' })
  expect(trackingPuts()).toEqual([])
})

test("a date-only dispatchedDate is the store's day too", async () => {
  const answer = await stack.graphql({
    query: SET_INVOICE_TRACKING,
    userToken: admin,
    variables: { ...UNTRACKED, input: { trackingNumber: 'BR555666777BR', dispatchedDate: '2026-11-20' } },
  })
  expect(answer.body.errors).toBeUndefined()
  const patch = stack.sandbox.journal().find(e => e.method === 'PATCH')
  expect((patch?.body as { dispatchedDate: string }).dispatchedDate).toBe('2026-11-20T03:00:00.000Z')
})

test("without the shoppers' language set, the store's default locale (Tenant API) is the shoppers' language", async () => {
  const { shopperLanguage, ...withoutLanguage } = LOCAL_STORE_SETTINGS
  expect(shopperLanguage).toBe('pt-BR')
  // The English default the app used to fall back to would show here as en-US.
  stack.sandbox.appSettings.set('localstore', 'vtex.order-tracking', withoutLanguage)
  const answer = await stack.graphql({ query: '{ trackingSettings { timeZone shopperLanguage } }', userToken: admin })
  expect(answer.body.data.trackingSettings).toEqual({ timeZone: 'America/Sao_Paulo', shopperLanguage: 'pt-BR' })
  const tenantCalls = stack.sandbox.journal().filter(e => e.path === '/api/tenant/tenants')
  expect(tenantCalls.map(e => e.status)).toEqual([200])
  expect(tenantCalls[0].query).toMatchObject({ q: 'localstore' })

  // Set: the setting wins, and the Tenant API is not asked.
  stack.sandbox.clearJournal()
  stack.sandbox.appSettings.set('localstore', 'vtex.order-tracking', { ...withoutLanguage, shopperLanguage: 'es-AR' })
  const set = await stack.graphql({ query: '{ trackingSettings { shopperLanguage } }', userToken: admin })
  expect(set.body.data.trackingSettings.shopperLanguage).toBe('es-AR')
  expect(stack.sandbox.journal().filter(e => e.path === '/api/tenant/tenants')).toEqual([])
})
