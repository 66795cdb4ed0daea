// The app's settings (manifest.json settingsSchema, saved in the Admin's app settings) read
// through the Apps client and kept for a short while per account, so a burst of calls reads
// them once. ORDER_TRACKING_SETTINGS_CACHE_MS (default 60 s) bounds how long a change takes.
import { DEFAULT_PROBLEM_SETTINGS, ShopperLanguage, TrackingProblemSettings, isDateOnly, shopperLanguageOf } from './domain'

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

/** @vtex/api's TenantClient (the Tenant API): the store's default locale. */
export interface TenantLike {
  info(): Promise<{ defaultLocale?: unknown }>
}

const cacheMs = () => Number(process.env.ORDER_TRACKING_SETTINGS_CACHE_MS ?? 60_000)

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

const LOCALE = /^[a-z]{2}(-[A-Z]{2})?$/
const localeOf = (value: unknown): string | null => (typeof value === 'string' && LOCALE.test(value) ? value : null)

/**
 * Settings as saved, with anything missing or out of range replaced by its default. The
 * shoppers' language, when not set, is the store's default locale (`storeLocale`, from the
 * Tenant API), never the operator's.
 */
export function normalizeSettings(raw: unknown, storeLocale?: string | null): TrackingSettings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>
  const shopperLocale = localeOf(s.shopperLanguage) ?? localeOf(storeLocale) ?? DEFAULT_SETTINGS.shopperLocale
  return {
    noEventsHours: positive(s.noEventsHours, DEFAULT_SETTINGS.noEventsHours, 24 * 60),
    staleDays: positive(s.staleDays, DEFAULT_SETTINGS.staleDays, 365),
    timeZone: validZone(s.timeZone) ?? DEFAULT_SETTINGS.timeZone,
    shopperLocale,
    shopperLanguage: shopperLanguageOf(shopperLocale),
  }
}

// The raw settings are cached (not only the normalized ones): the webhook secrets are read
// from the same document, and are never part of TrackingSettings (which the page reads).
const rawCache = new Map<string, { at: number; value: Promise<Record<string, unknown> | null> }>()

/** This process reads the settings again on the next call (after it saved them). */
export function forgetSettings(account: string): void {
  rawCache.delete(account)
}

export const getRawSettings = (apps: AppsLike, account: string, now = Date.now()) => rawSettings(apps, account, now)

function rawSettings(apps: AppsLike, account: string, now: number): Promise<Record<string, unknown> | null> {
  const cached = rawCache.get(account)
  if (cached && now - cached.at < cacheMs()) return cached.value
  const appId = process.env.VTEX_APP_ID ?? 'vtex.order-tracking'
  const value = apps.getAppSettings(appId).then(
    raw => (raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {}),
    () => {
      // Unreadable settings must not stop the queue: defaults, and the next call asks again.
      rawCache.delete(account)
      return null
    }
  )
  rawCache.set(account, { at: now, value })
  return value
}

// The store's default locale, kept as long as the settings; asked only when the shoppers'
// language is not set.
const localeCache = new Map<string, { at: number; value: Promise<string | null> }>()

function storeLocale(tenant: TenantLike, account: string, now: number): Promise<string | null> {
  const cached = localeCache.get(account)
  if (cached && now - cached.at < cacheMs()) return cached.value
  const value = tenant.info().then(
    info => localeOf(info?.defaultLocale),
    () => {
      localeCache.delete(account)
      return null
    }
  )
  localeCache.set(account, { at: now, value })
  return value
}

/**
 * The settings; `tenant` (the Tenant API) fills the shoppers' language in with the store's
 * default locale when the merchant has not chosen one.
 */
export async function getTrackingSettings(apps: AppsLike, account: string, now = Date.now(), tenant?: TenantLike): Promise<TrackingSettings> {
  const raw = await rawSettings(apps, account, now)
  if (!raw) return DEFAULT_SETTINGS
  const needsLocale = tenant && localeOf(raw.shopperLanguage) === null
  return normalizeSettings(raw, needsLocale ? await storeLocale(tenant as TenantLike, account, now) : null)
}

type SettingsContext = { clients: { apps: AppsLike }; vtex: { account: string } }

/**
 * The store's time zone, for a request's calendar dates (`2026-11-20` is that day there).
 * Settings that cannot be read give UTC, as everywhere else in the service.
 */
export async function storeTimeZone(ctx: SettingsContext): Promise<string> {
  return (await getTrackingSettings(ctx.clients.apps, ctx.vtex.account)).timeZone
}

function holdsCalendarDate(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.length <= 40 && isDateOnly(value.trim())
  if (depth > 6 || typeof value !== 'object' || value === null) return false
  return Object.values(value).some(item => holdsCalendarDate(item, depth + 1))
}

/**
 * The store's time zone when `args` hold a calendar date, the only values it changes; else
 * UTC, so a write with explicit date-times costs no settings read.
 */
export const storeTimeZoneFor = (ctx: SettingsContext, args: unknown): Promise<string> =>
  holdsCalendarDate(args) ? storeTimeZone(ctx) : Promise.resolve('UTC')

export type WebhookSourceName = 'aftership' | 'generic'

/**
 * The secrets a webhook of `source` may be signed with: the current one, and the previous
 * one until its grace period ends (rotation: senders switch over at their own pace).
 * None set → no secret, and every webhook of that source is refused.
 */
export function webhookSecretsOf(raw: Record<string, unknown> | null, source: WebhookSourceName, now: number): string[] {
  if (!raw) return []
  const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null)
  const current = str(raw[`${source}WebhookSecret`])
  const previous = str(raw[`${source}WebhookPreviousSecret`])
  const until = str(raw[`${source}WebhookPreviousSecretUntil`])
  const untilAt = until ? Date.parse(until) : NaN
  const secrets = current ? [current] : []
  if (previous && previous !== current && Number.isFinite(untilAt) && now < untilAt) secrets.push(previous)
  return secrets
}

/** Unreadable settings answer null (the caller must not treat that as "no secret set"). */
export async function getWebhookSecrets(apps: AppsLike, account: string, source: WebhookSourceName, now = Date.now()): Promise<string[] | null> {
  const raw = await rawSettings(apps, account, now)
  return raw ? webhookSecretsOf(raw, source, now) : null
}
