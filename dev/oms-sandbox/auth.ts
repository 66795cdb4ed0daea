// Which credential a request carries and what it may do on OMS. VTEX accepts a
// VtexIdclientAutCookie token (header or cookie) or an AppKey/AppToken pair.
// Proxy-Authorization (sent by @vtex/api alongside) is ignored, as the brief allows.
import type { IncomingMessage } from 'http'
import { findByAppKey, findByToken, type Identity } from './identities'
import { fingerprint } from './journal'
import { omsError, type Reply } from './reply'
import { cookie } from './request'

const AUTH_HEADERS = ['vtexidclientautcookie', 'proxy-authorization', 'authorization', 'x-vtex-api-apptoken', 'x-vtex-credential', 'x-vtex-api-appkey']

/** Every credential-like value in the request, so the journal can scrub them. */
export function credentialValues(req: IncomingMessage, query: Record<string, string>): string[] {
  const out: string[] = []
  for (const h of AUTH_HEADERS) {
    const v = req.headers[h]
    if (typeof v === 'string' && v) {
      out.push(v)
      const bare = v.replace(/^(bearer|basic)\s+/i, '')
      if (bare !== v) out.push(bare)
    }
  }
  if (req.headers.cookie) {
    for (const part of req.headers.cookie.split(';')) {
      const i = part.indexOf('=')
      if (i > 0) out.push(part.slice(i + 1).trim())
    }
  }
  if (query.authToken) out.push(query.authToken)
  // Longest first, so a token that contains another one is replaced whole.
  return out.filter((v) => v.length > 0).sort((a, b) => b.length - a.length)
}

export type OmsAccess = 'read' | 'write'

/** Resolves the OMS caller; a Reply (401/403) when it may not do `need` on `account`. */
export function authorizeOms(req: IncomingMessage, account: string, need: OmsAccess): { identity: Identity; fp: string } | { reply: Reply; fp: string | null } {
  const appKey = req.headers['x-vtex-api-appkey']
  const appToken = req.headers['x-vtex-api-apptoken']
  let identity: Identity | undefined
  let fp: string | null = null
  if (appKey !== undefined || appToken !== undefined) {
    if (typeof appToken === 'string' && appToken) fp = fingerprint(appToken)
    identity = typeof appKey === 'string' && typeof appToken === 'string' ? findByAppKey(appKey, appToken) : undefined
  } else {
    const h = req.headers.vtexidclientautcookie
    const token = (typeof h === 'string' && h) || cookie(req, 'VtexIdclientAutCookie') || cookie(req, `VtexIdclientAutCookie_${account}`)
    if (token) {
      fp = fingerprint(token)
      identity = findByToken(token)
    }
  }
  if (!identity) return { reply: omsError(401, '1', 'Unauthorized'), fp }
  const fpSure = fp as string
  if (!identity.omsRead.includes(account)) return { reply: omsError(403, '1', 'Forbidden'), fp: fpSure }
  if (need === 'write' && !identity.notifyInvoiceGrants.includes(account)) {
    return { reply: omsError(403, '1', 'Forbidden: the caller lacks the License Manager resource "Notify invoice" (OMS)'), fp: fpSure }
  }
  return { identity, fp: fpSure }
}
