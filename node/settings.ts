// The app's settings (manifest.json settingsSchema, saved in the Admin's app settings) read
// through the Apps client and kept for a short while per account, so a burst of calls reads
// them once. ORDER_TRACKING_SETTINGS_CACHE_MS (default 60 s) bounds how long a change takes.
import { DEFAULT_PROBLEM_SETTINGS, ShopperLanguage, TrackingProblemSettings, shopperLanguageOf } from './domain'

export interface TrackingSettings extends TrackingProblemSettings {
  /** IANA zone the store works in (dates in the Admin). */
  timeZone: string
  /** Locale of the shoppers (pt-BR...): preset descriptions are written in its language. */
  shopperLocale: string
  shopperLanguage: ShopperLanguage
}

export const DEFAULT_SETTINGS: TrackingSettings = {
  ...DEFAULT_PROBLEM_SETTINGS,
  timeZone: 'UTC',
  shopperLocale: 'en-US',
  shopperLanguage: 'en',
}

interface AppsLike {
  getAppSettings(app: string): Promise<unknown>
}

const cacheMs = () => Number(process.env.ORDER_TRACKING_SETTINGS_CACHE_MS ?? 60_000)
const cache = new Map<string, { at: number; value: Promise<TrackingSettings> }>()

const positive = (value: unknown, fallback: number, max: number) =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= max ? value : fallback

function validZone(value: unknown): string | null {
  if (typeof value !== 'string' || !value) return null
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value })
    return value
  } catch {
    return null
  }
}

/** Settings as saved, with anything missing or out of range replaced by its default. */
export function normalizeSettings(raw: unknown): TrackingSettings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>
  const shopperLocale = typeof s.shopperLanguage === 'string' && /^[a-z]{2}(-[A-Z]{2})?$/.test(s.shopperLanguage) ? s.shopperLanguage : DEFAULT_SETTINGS.shopperLocale
  return {
    noEventsHours: positive(s.noEventsHours, DEFAULT_SETTINGS.noEventsHours, 24 * 60),
    staleDays: positive(s.staleDays, DEFAULT_SETTINGS.staleDays, 365),
    timeZone: validZone(s.timeZone) ?? DEFAULT_SETTINGS.timeZone,
    shopperLocale,
    shopperLanguage: shopperLanguageOf(shopperLocale),
  }
}

export function getTrackingSettings(apps: AppsLike, account: string, now = Date.now()): Promise<TrackingSettings> {
  const cached = cache.get(account)
  if (cached && now - cached.at < cacheMs()) return cached.value
  const appId = process.env.VTEX_APP_ID ?? 'vtex.order-tracking'
  const value = apps.getAppSettings(appId).then(normalizeSettings, () => {
    // Unreadable settings must not stop the queue: defaults, and the next call asks again.
    cache.delete(account)
    return DEFAULT_SETTINGS
  })
  cache.set(account, { at: now, value })
  return value
}
