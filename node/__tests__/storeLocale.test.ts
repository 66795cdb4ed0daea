// The shoppers' language: the setting when set, else the store's default locale (Tenant
// API), else en-US; never the operator's.
import { getTrackingSettings, normalizeSettings } from '../settings'

const apps = (settings: Record<string, unknown>) => ({ getAppSettings: async () => settings })

describe('given the shoppers\' language setting', () => {
  test('when it is set, then it wins over the store locale', () => {
    expect(normalizeSettings({ shopperLanguage: 'pt-BR' }, 'es-AR').shopperLocale).toBe('pt-BR')
  })

  test('when it is absent or malformed, then the store locale is used, and en-US only without one', () => {
    expect(normalizeSettings({}, 'es-AR')).toMatchObject({ shopperLocale: 'es-AR', shopperLanguage: 'es' })
    expect(normalizeSettings({ shopperLanguage: 'Portuguese' }, 'es-AR').shopperLocale).toBe('es-AR')
    expect(normalizeSettings({}, 'not a locale').shopperLocale).toBe('en-US')
    expect(normalizeSettings({}).shopperLocale).toBe('en-US')
  })

  test('when settings are read, then the Tenant API is asked only if needed, and its failure is not fatal', async () => {
    let asked = 0
    const tenant = { info: async () => (asked++, { defaultLocale: 'es-AR' }) }
    expect((await getTrackingSettings(apps({ shopperLanguage: 'pt-BR' }), 'store-a', 0, tenant)).shopperLocale).toBe('pt-BR')
    expect(asked).toBe(0)
    expect((await getTrackingSettings(apps({}), 'store-b', 0, tenant)).shopperLocale).toBe('es-AR')
    expect(asked).toBe(1)
    const down = { info: async () => Promise.reject(new Error('503')) }
    expect((await getTrackingSettings(apps({}), 'store-c', 0, down)).shopperLocale).toBe('en-US')
  })
})
