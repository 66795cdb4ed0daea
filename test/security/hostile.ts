// Shared by the security tests: raw requests (any body, any headers) to the Service, and the
// checks that no credential or upstream address gets out in an answer, a log line or the
// sandbox's journal.
import { ALL_SECRETS } from '../../dev/oms-sandbox'
import { isValidInvoiceNumber, isValidOrderId } from '../../domain'
import { ServiceStack } from '../support/serviceStack'

export interface RawAnswer {
  status: number
  raw: string
  body: any
}

export const ADMIN = 'local-admin'

/** Headers as the IO router sends them, with an Admin user's cookie unless overridden. */
export function routerHeaders(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-vtex-account': 'localstore',
    'x-vtex-workspace': 'master',
    'x-vtex-credential': 'local-app-token',
    cookie: `VtexIdclientAutCookie=${ADMIN}`,
    ...overrides,
  }
}

export function rawPost(stack: ServiceStack, body: string, headers = routerHeaders()): Promise<RawAnswer> {
  return rawFetch(stack.graphqlUrl, { method: 'POST', headers, body })
}

/** Any request, answered as status, text and (when it is JSON) its parsed body. */
export async function rawFetch(url: string, init: RequestInit): Promise<RawAnswer> {
  const response = await fetch(url, init)
  const raw = await response.text()
  let parsed: any
  try {
    parsed = JSON.parse(raw)
  } catch {
    parsed = undefined
  }
  return { status: response.status, raw, body: parsed }
}

/** Everything that must never leave the service: the demo credentials and upstream addresses. */
export const SECRETS = [...new Set(ALL_SECRETS)]
const UPSTREAM = [/vtexcommercestable/i, /vtexid\.vtex/i, /\/api\/oms\//i, /\/api\/license-manager\//i, /authToken=/i, /127\.0\.0\.1:\d+/]

/** The secrets and upstream addresses found in a text (empty when clean). */
export function leaksIn(text: string): string[] {
  const found = SECRETS.filter(secret => text.includes(secret))
  for (const pattern of UPSTREAM) if (pattern.test(text)) found.push(String(pattern))
  // A stack trace: frames ("at fn (file:line:col)"), raw or JSON-escaped, or file paths.
  if (/(^|\n|\\n)\s*at .+:\d+:\d+/.test(text) || /node_modules|\.(js|ts):\d+/.test(text)) found.push('stack trace')
  // Header names whose values are credentials, as the runtime would print a request config.
  for (const header of ['proxy-authorization', 'x-vtex-credential', 'vtexidclientautcookie":', 'authorization":']) {
    if (text.toLowerCase().includes(header)) found.push(header)
  }
  return found
}

/** The OMS calls of the journal whose path carries an identifier the validator refuses. */
export function badUpstreamPaths(stack: ServiceStack): string[] {
  const bad: string[] = []
  for (const entry of stack.sandbox.journal()) {
    if (!entry.path.toLowerCase().startsWith('/api/oms/')) continue
    const match = /^\/api\/oms\/pvt\/orders\/([^/]*)(?:\/invoice\/([^/]*)(?:\/tracking)?)?$/i.exec(entry.path)
    if (!match) {
      bad.push(entry.path)
      continue
    }
    const decode = (s: string) => {
      try {
        return decodeURIComponent(s)
      } catch {
        return null
      }
    }
    const orderId = decode(match[1])
    const invoice = match[2] === undefined ? undefined : decode(match[2])
    if (!isValidOrderId(orderId) || (invoice !== undefined && !isValidInvoiceNumber(invoice))) bad.push(entry.path)
  }
  return bad
}

export const omsWrites = (stack: ServiceStack) =>
  stack.sandbox.journal().filter(entry => entry.path.startsWith('/api/oms/') && entry.method !== 'GET')
export const omsCalls = (stack: ServiceStack) => stack.sandbox.journal().filter(entry => entry.path.startsWith('/api/oms/'))
