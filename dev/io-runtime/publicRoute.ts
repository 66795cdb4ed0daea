// A request to a public route as the IO router hands it to the Service: it matches the
// public URL (https://{workspace}--{account}.myvtex.com/_v/...) to a route of node/service.json
// marked `public: true`, and forwards it with the route's id in x-colossus-route-id (the
// runtime dispatches public routes by that header alone), the account and workspace, and
// the app's own token as x-vtex-credential. The sender's headers and body pass unchanged.
import { readFileSync } from 'fs'
import { join } from 'path'

import { IDENTITIES } from '../oms-sandbox'
import { LOCAL_ACCOUNT, LOCAL_WORKSPACE, REPO_ROOT } from './environment'

export function publicRouteId(path: string): string | null {
  const service = JSON.parse(readFileSync(join(REPO_ROOT, 'node', 'service.json'), 'utf8'))
  for (const [id, route] of Object.entries<{ path: string; public?: boolean }>(service.routes ?? {})) {
    if (route.public && route.path === path) return id
  }
  return null
}

/** The URL a sender is given for a public route of this account (what the Admin shows). */
export const publicRouteUrl = (path: string, account = LOCAL_ACCOUNT, workspace = LOCAL_WORKSPACE) =>
  `https://${workspace}--${account}.myvtex.com${path}`

export interface PublicRequest {
  method?: string
  headers?: Record<string, string>
  body?: string | Buffer
  account?: string
}

/** Forwards like the IO router; a path no public route declares is answered 404 there. */
export async function callPublicRoute(serviceUrl: string, path: string, request: PublicRequest = {}): Promise<Response> {
  const routeId = publicRouteId(path)
  if (!routeId) return new Response('Not Found', { status: 404 })
  const account = request.account ?? LOCAL_ACCOUNT
  return fetch(`${serviceUrl}${path}`, {
    method: request.method ?? 'POST',
    headers: {
      ...(request.headers ?? {}),
      'x-colossus-route-id': routeId,
      'x-vtex-account': account,
      'x-vtex-workspace': LOCAL_WORKSPACE,
      'x-vtex-credential': IDENTITIES.localAppToken.token,
      'x-forwarded-host': `${LOCAL_WORKSPACE}--${account}.myvtex.com`,
    },
    body: typeof request.body === 'string' || request.body === undefined ? request.body : new Uint8Array(request.body),
  })
}
