// App settings per account and app (vendor.name), as the Admin's app settings form saves
// them. The local store's settings for this app are seeded: São Paulo's time zone and
// Brazilian shoppers, and the documented demo webhook secret for both webhook sources.
export const LOCAL_WEBHOOK_SECRET = 'local-webhook-secret'

export const LOCAL_STORE_SETTINGS: Record<string, unknown> = {
  noEventsHours: 48,
  staleDays: 7,
  timeZone: 'America/Sao_Paulo',
  shopperLanguage: 'pt-BR',
  aftershipWebhookSecret: LOCAL_WEBHOOK_SECRET,
  genericWebhookSecret: LOCAL_WEBHOOK_SECRET,
}

export class AppSettingsStore {
  private settings = new Map<string, Record<string, unknown>>()

  constructor() {
    this.reset()
  }

  reset(): void {
    this.settings = new Map([[`localstore\u0000vtex.order-tracking`, { ...LOCAL_STORE_SETTINGS }]])
  }

  get(account: string, app: string): Record<string, unknown> {
    return { ...(this.settings.get(`${account}\u0000${app}`) ?? {}) }
  }

  set(account: string, app: string, value: Record<string, unknown>): void {
    this.settings.set(`${account}\u0000${app}`, { ...value })
  }
}
