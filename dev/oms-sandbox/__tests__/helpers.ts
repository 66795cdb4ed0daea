// Test helpers: raw HTTP calls in plain form or in proxy form (absolute URI in the
// request line, as axios sends them through HTTP_PROXY).
import { request, type IncomingHttpHeaders } from 'http'

export interface CallOptions {
  method?: string
  /** Path (plain form) or absolute http:// URI (proxy form). */
  path: string
  headers?: Record<string, string>
  body?: unknown
  /** Raw body text, sent as is. */
  rawBody?: string
}

export interface CallResult {
  status: number
  headers: IncomingHttpHeaders
  text: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any
}

export function call(port: number, o: CallOptions): Promise<CallResult> {
  const headers: Record<string, string> = { accept: 'application/json', ...o.headers }
  const abs = /^http:\/\/([^/]+)/.exec(o.path)
  if (abs) headers.host = abs[1]
  const text = o.rawBody ?? (o.body === undefined ? undefined : JSON.stringify(o.body))
  if (text !== undefined) headers['content-type'] = 'application/json'
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: o.method ?? 'GET', path: o.path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const t = Buffer.concat(chunks).toString('utf8')
        let json: unknown
        try {
          json = JSON.parse(t)
        } catch {
          json = undefined
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: t, json })
      })
    })
    req.on('error', reject)
    if (text !== undefined) req.write(text)
    req.end()
  })
}

export const PORTAL = 'http://portal.vtexcommercestable.com.br'
export const ORDER = '1172452900788-01'
export const INVOICE = '000030711'

export const auth = (token: string) => ({ VtexIdclientAutCookie: token })

export const trackingBody = (events: Array<{ city: string; state: string; description: string; date: string }>, isDelivered = false, deliveredDate: string | null = null) => ({
  isDelivered,
  deliveredDate,
  events,
})
