// App settings per account and app (vendor.name), as the Admin's app settings form saves
// them. The local store's settings for this app are seeded: São Paulo's time zone and
// Brazilian shoppers.
export const LOCAL_STORE_SETTINGS: Record<string, unknown> = {
  noEventsHours: 48,
  staleDays: 7,
  timeZone: 'America/Sao_Paulo',
  shopperLanguage: 'pt-BR',
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
