// Request-target parsing done by hand (not WHATWG URL) so that OMS's routing quirks
// can be reproduced: "%2F" is decoded BEFORE the path is split into segments (an
// invoice number "a%2Fb" becomes two segments and no route matches), and every
// other escape is decoded per segment afterwards.
import type { IncomingMessage } from 'http'
import { DEFAULT_ACCOUNT } from './identities'

export interface ParsedRequest {
  /** true when the request line carried an absolute URI (HTTP_PROXY form). */
  proxied: boolean
  host: string
  /** Raw path as received, without scheme, host and query. */
  rawPath: string
  query: Record<string, string>
  /** Decoded segments; null when a segment holds a malformed escape. */
  segments: string[] | null
}

const STABLE_HOST = /^([a-z0-9][a-z0-9-]*)\.vtexcommercestable\.com\.br$/i

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s)
  } catch {
    return null
  }
}

export function parseQuery(qs: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of qs.split('&')) {
    if (!part) continue
    const i = part.indexOf('=')
    const k = i < 0 ? part : part.slice(0, i)
    const v = i < 0 ? '' : part.slice(i + 1)
    const dk = decode(k.replace(/\+/g, ' '))
    if (dk === null) continue
    out[dk] = decode(v.replace(/\+/g, ' ')) ?? v
  }
  return out
}

export function parseRequest(req: IncomingMessage): ParsedRequest {
  let target = req.url ?? '/'
  let host = String(req.headers.host ?? '')
  let proxied = false
  const abs = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(target)
  if (abs) {
    proxied = true
    host = abs[1].replace(/^[^@]*@/, '')
    target = target.slice(abs[0].length) || '/'
  }
  host = host.toLowerCase().replace(/:\d+$/, '')
  const hash = target.indexOf('#')
  if (hash >= 0) target = target.slice(0, hash)
  const q = target.indexOf('?')
  const rawPath = q >= 0 ? target.slice(0, q) : target
  const query = parseQuery(q >= 0 ? target.slice(q + 1) : '')

  // %2F → "/" first (OMS quirk), then split, then decode each segment.
  const parts = rawPath.replace(/%2f/gi, '/').split('/').slice(1)
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop() // tolerate one trailing slash
  const decoded = parts.map(decode)
  const segments = decoded.some((s) => s === null) ? null : (decoded as string[])
  return { proxied, host, rawPath, query, segments }
}

/** `?an=` wins, then `{account}.vtexcommercestable.com.br` (not portal), then x-vtex-account, then localstore. */
export function resolveAccount(req: IncomingMessage, p: ParsedRequest): string {
  if (p.query.an) return p.query.an
  const m = STABLE_HOST.exec(p.host)
  if (m && m[1].toLowerCase() !== 'portal') return m[1].toLowerCase()
  const h = req.headers['x-vtex-account']
  if (typeof h === 'string' && h) return h
  return DEFAULT_ACCOUNT
}

/** Value of a cookie by name, or undefined. */
export function cookie(req: IncomingMessage, name: string): string | undefined {
  const raw = req.headers.cookie
  if (!raw) return undefined
  for (const part of raw.split(';')) {
    const i = part.indexOf('=')
    if (i < 0) continue
    if (part.slice(0, i).trim() === name) return part.slice(i + 1).trim()
  }
  return undefined
}

/** Reads the body (capped) as text. */
export function readBody(req: IncomingMessage, limit = 5 * 1024 * 1024): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit) over = true
      else chunks.push(c)
    })
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
