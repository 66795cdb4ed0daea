// The local page's /graphql proxy adds the demo Admin's cookie to whatever reaches it, so it
// must not let another site's page use it (cross-site request forgery): only same-origin
// JSON POSTs go through, as the page's Apollo client sends them. A cross-site form or link
// cannot send `application/json`, and a cross-site fetch that does is refused by its Origin.
// The Service refuses mutations that are not JSON POSTs on its own too (node/requestGate.ts).
import type { IncomingMessage, ServerResponse } from 'http'

const JSON_TYPE = /^application\/json\s*(;|$)/i

/** Why the proxy refuses the request, or null to let it through. */
export function proxyRefusal(req: Pick<IncomingMessage, 'method' | 'headers'>): { status: number; message: string } | null {
  if ((req.method ?? '').toUpperCase() !== 'POST') {
    return { status: 405, message: 'The local GraphQL proxy accepts only POST with Content-Type application/json.' }
  }
  if (!JSON_TYPE.test(String(req.headers['content-type'] ?? '').trim())) {
    return { status: 415, message: 'The local GraphQL proxy accepts only POST with Content-Type application/json.' }
  }
  const site = req.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { status: 403, message: 'The local GraphQL proxy accepts requests from its own page only.' }
  }
  const origin = req.headers.origin
  if (origin !== undefined) {
    let host: string | null
    try {
      host = new URL(String(origin)).host
    } catch {
      host = null
    }
    if (host === null || host !== req.headers.host) {
      return { status: 403, message: 'The local GraphQL proxy accepts requests from its own page only.' }
    }
  }
  return null
}

/** Connect middleware for Vite's dev and preview servers; runs before their proxy. */
export function pageProxyGuard(path: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const pathname = (req.url ?? '').split('?')[0]
    if (pathname !== path && !pathname.startsWith(`${path}/`)) return next()
    const refusal = proxyRefusal(req)
    if (!refusal) return next()
    const body = JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: 'BAD_REQUEST' } }] })
    res.writeHead(refusal.status, { 'content-type': 'application/json', ...(refusal.status === 405 ? { allow: 'POST' } : {}) })
    res.end(body)
  }
}
