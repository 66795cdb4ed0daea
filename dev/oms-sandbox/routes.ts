// Route table: segment patterns ("*" = one parameter) per method, for the proxied
// VTEX hosts and the plain form; control routes only answer in the plain form.
import * as control from './handlers/control'
import { granted } from './handlers/licenseManager'
import { getAppSettings, putAppSettings } from './handlers/appSettings'
import { listOrders } from './handlers/listOrders'
import { getOrder, patchInvoice, putTracking } from './handlers/oms'
import * as masterData from './masterData/handlers'
import { getTenant } from './handlers/tenant'
import { authenticatedUser } from './handlers/vtexid'
import type { Handler } from './reply'

interface Route { method: string; pattern: string[]; handler: Handler; oms?: boolean }

const r = (method: string, path: string, handler: Handler, oms = false): Route => ({ method, pattern: path.split('/').slice(1), handler, oms })

export const API_ROUTES: Route[] = [
  r('GET', '/api/vtexid/pub/authenticated/user', authenticatedUser),
  r('GET', '/api/license-manager/pvt/accounts/*/products/*/logins/*/resources/*/granted', granted),
  r('GET', '/api/oms/pvt/orders', listOrders, true),
  r('GET', '/api/oms/pvt/orders/*', getOrder, true),
  r('PATCH', '/api/oms/pvt/orders/*/invoice/*', patchInvoice, true),
  r('PUT', '/api/oms/pvt/orders/*/invoice/*/tracking', putTracking, true),
  r('GET', '/api/dataentities/*/documents/*', masterData.getDocument),
  r('PUT', '/api/dataentities/*/documents/*', masterData.putDocument),
  r('PATCH', '/api/dataentities/*/documents/*', masterData.patchDocument),
  r('DELETE', '/api/dataentities/*/documents/*', masterData.deleteDocument),
  r('PATCH', '/api/dataentities/*/documents', masterData.upsertPartial),
  r('GET', '/api/dataentities/*/search', masterData.search),
  r('PUT', '/api/dataentities/*/schemas/*', masterData.putSchema),
  r('GET', '/apps/v0/*/*/apps/*/settings', getAppSettings),
  r('PUT', '/apps/v0/*/*/apps/*/settings', putAppSettings),
  r('GET', '/api/tenant/tenants', getTenant),
]

export const CONTROL_ROUTES: Route[] = [
  r('GET', '/_sandbox/health', control.health),
  r('POST', '/_sandbox/reset', control.reset),
  r('GET', '/_sandbox/faults', control.getFaults),
  r('PUT', '/_sandbox/faults', control.putFaults),
  r('POST', '/_sandbox/orders', control.addOrders),
  r('GET', '/_sandbox/orders/*', control.getOrderRaw),
  r('PUT', '/_sandbox/events', control.putEvents),
  r('GET', '/_sandbox/events/deliveries', control.getDeliveries),
  r('GET', '/_sandbox/journal', control.getJournal),
  r('DELETE', '/_sandbox/journal', control.clearJournal),
]

export type Match =
  | { kind: 'route'; route: Route; params: string[] }
  | { kind: 'method'; allow: string[] }
  | { kind: 'none' }

function matchPattern(pattern: string[], segments: string[]): string[] | null {
  if (pattern.length !== segments.length) return null
  const params: string[] = []
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '*') {
      if (segments[i] === '') return null
      params.push(segments[i])
    } else if (pattern[i].toLowerCase() !== segments[i].toLowerCase()) return null // VTEX paths are case-insensitive
  }
  return params
}

export function match(routes: Route[], method: string, segments: string[]): Match {
  const allow: string[] = []
  for (const route of routes) {
    const params = matchPattern(route.pattern, segments)
    if (!params) continue
    if (route.method === method) return { kind: 'route', route, params }
    allow.push(route.method)
  }
  return allow.length ? { kind: 'method', allow } : { kind: 'none' }
}
