// One small HTTP client for every request the bench makes (to the Service and straight to the
// sandbox), so that "service minus direct" measures the Service and not two client stacks.
// Keep-alive, loopback only, every request bounded by a timeout.
import http from 'http'

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })

export interface HttpAnswer {
  status: number
  text: string
}

export function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {}
): Promise<HttpAnswer> {
  const target = new URL(url)
  if (target.hostname !== '127.0.0.1') return Promise.reject(new Error('the bench only talks to loopback'))
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...options.headers }
    if (options.body !== undefined) headers['content-length'] = Buffer.byteLength(options.body)
    const req = http.request(
      { agent, hostname: target.hostname, port: target.port, path: target.pathname + target.search, method: options.method ?? 'GET', headers },
      res => {
        const chunks: Buffer[] = []
        res.on('data', chunk => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', reject)
      }
    )
    req.setTimeout(options.timeoutMs ?? 30_000, () => req.destroy(new Error(`timeout after ${options.timeoutMs ?? 30_000} ms: ${options.method ?? 'GET'} ${target.pathname}`)))
    req.on('error', reject)
    req.end(options.body)
  })
}

export async function requestJson<T = any>(url: string, options: Parameters<typeof request>[1] = {}): Promise<T> {
  const answer = await request(url, options)
  if (answer.status < 200 || answer.status >= 300) throw new Error(`${options.method ?? 'GET'} ${new URL(url).pathname} → ${answer.status}: ${answer.text.slice(0, 200)}`)
  return JSON.parse(answer.text) as T
}

/** Monotonic milliseconds shared by all processes on the machine (CLOCK_MONOTONIC). */
export const monotonicMs = () => Number(process.hrtime.bigint()) / 1e6

export function closeAgent(): void {
  agent.destroy()
}
