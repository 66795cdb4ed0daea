// What a handler answers; server.ts turns it into an HTTP response and a journal entry.
import type { IncomingMessage } from 'http'
import type { AppSettingsStore } from './appSettings'
import type { OrdersBroadcast } from './events'
import type { Faults } from './faults'
import type { Journal } from './journal'
import type { ParsedRequest } from './request'
import type { MasterDataStore } from './masterData/store'
import type { Store } from './state'
import type { SeedOrderSpec } from './types'

export interface Reply {
  status: number
  body: unknown
  headers?: Record<string, string>
}

/** Everything a handler may use. `auth` is set by handlers that read a credential. */
export interface HandlerContext {
  req: IncomingMessage
  parsed: ParsedRequest
  account: string
  params: string[]
  bodyText: string
  store: Store
  journal: Journal
  faults: Faults
  masterData: MasterDataStore
  appSettings: AppSettingsStore
  broadcast: OrdersBroadcast
  /** Adds orders; an invoiced one is announced on the orders-broadcast. */
  addOrders(specs: SeedOrderSpec[]): void
  reset(): void
  auth: string | null
  /** Set by a read that answered an older version of the order (faults staleReadMs). */
  staleByMs?: number
}

export type Handler = (ctx: HandlerContext) => Reply | Promise<Reply>

/** The error envelope OMS uses: {"error":{"code","message","exception"}}. */
export function omsError(status: number, code: string, message: string): Reply {
  return { status, body: { error: { code, message, exception: null } } }
}

export const notFoundRoute = (): Reply => omsError(404, '404', 'Route not found')
export const methodNotAllowed = (allow: string[]): Reply => ({
  ...omsError(405, '405', 'Method Not Allowed'),
  headers: { allow: allow.join(', ') },
})

/** Parses a JSON body; undefined when empty or not JSON. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (!text.trim()) return { ok: false }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}
