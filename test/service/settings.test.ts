// The app settings (manifest.json settingsSchema) reach the Service through the Apps client.
import { useServiceStack } from '../support/serviceStack'

const stack = useServiceStack()

test('the local store\'s settings are read through the Apps client', async () => {
  const answer = await stack.graphql({ query: '{ trackingSettings { noEventsHours staleDays timeZone shopperLanguage } }', userToken: 'local-admin' })
  expect(answer.body.errors).toBeUndefined()
  expect(answer.body.data.trackingSettings).toEqual({ noEventsHours: 48, staleDays: 7, timeZone: 'America/Sao_Paulo', shopperLanguage: 'pt-BR' })
  expect(stack.sandbox.journal().some(e => e.path.endsWith('/apps/vtex.order-tracking@0.1.0/settings'))).toBe(true)
})
