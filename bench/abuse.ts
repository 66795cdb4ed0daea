// `npm run bench -- --only abuse`: query documents that cost the runtime's validation far more
// than they weigh, sent without a token, and a legitimate read sent one second after each.
// What it prints is what docs/SECURITY.md ("Query shape") quotes. Not part of the default run.
import { LOCAL_ACCOUNT, LOCAL_WORKSPACE } from '../dev/io-runtime/environment'
import { graphqlPath } from '../dev/io-runtime/graphqlClient'
import { ORDER_TRACKING } from '../test/support/operations'
import { cpuSnapshot } from './cpu'
import { round, table } from './stats'

export interface AbuseCase {
  name: string
  requestBytes: number
  status: number
  answerBytes: number
  errors: number | null
  firstCode: string | null
  wallSeconds: number
  serviceCpuSeconds: number | null
  /** The legitimate read sent one second after the abusive request started. */
  legitimateReadSeconds: number
}

const CASES: Array<[string, () => string]> = [
  ['{ n0 … n3999 }: 4,000 unknown fields', () => `{ ${Array.from({ length: 4000 }, (_, i) => `n${i}`).join(' ')} }`],
  [
    '5,000 distinct fragments',
    () =>
      `{ ${Array.from({ length: 5000 }, (_, i) => `...F${i}`).join(' ')} } ` +
      Array.from({ length: 5000 }, (_, i) => `fragment F${i} on Query { __typename }`).join(' '),
  ],
  ['20,000 identical selections (x: __typename)', () => `{ ${Array.from({ length: 20_000 }, () => 'x: __typename').join(' ')} }`],
]

/** What the IO router adds; no caller token. */
const ROUTER_HEADERS = {
  'content-type': 'application/json',
  'x-vtex-account': LOCAL_ACCOUNT,
  'x-vtex-workspace': LOCAL_WORKSPACE,
  'x-vtex-credential': 'local-app-token',
}

/** A POST that answers status 0 and the error when the connection fails (a worker out of memory). */
const post = (serviceUrl: string, headers: Record<string, string>, body: string) =>
  fetch(`${serviceUrl}${graphqlPath()}`, { method: 'POST', headers, body, signal: AbortSignal.timeout(600_000) }).then(
    async response => ({ status: response.status, text: await response.text() }),
    (error: Error) => ({ status: 0, text: `(no answer: ${error.message})` })
  )

const seconds = (ms: number) => round(ms / 1000, 2)

export async function runAbuse(
  serviceUrl: string,
  pids: { sandbox: number | undefined; service: number },
  legitimateOrderId: string,
  log: (line: string) => void
): Promise<AbuseCase[]> {
  const results: AbuseCase[] = []
  for (const [name, build] of CASES) {
    const body = JSON.stringify({ query: build() })
    const before = cpuSnapshot(pids.sandbox, pids.service)
    const t0 = Date.now()
    // Each request on a connection of its own (fetch), as from separate clients.
    const abusive = post(serviceUrl, ROUTER_HEADERS, body).then(answer => ({ answer, ms: Date.now() - t0 }))
    await new Promise(resolve => setTimeout(resolve, 1000))
    const t1 = Date.now()
    const read = await post(
      serviceUrl,
      { ...ROUTER_HEADERS, cookie: 'VtexIdclientAutCookie=local-admin' },
      JSON.stringify({ query: ORDER_TRACKING, variables: { orderId: legitimateOrderId } })
    )
    const readMs = Date.now() - t1
    if (read.status !== 200) log(`the legitimate read failed: ${read.status} ${read.text.slice(0, 200)}`)
    const { answer, ms } = await abusive
    if (answer.status === 0) log(`${name}: ${answer.text}`)
    const after = cpuSnapshot(pids.sandbox, pids.service)
    let parsed: any
    try {
      parsed = JSON.parse(answer.text)
    } catch {
      parsed = undefined
    }
    results.push({
      name,
      requestBytes: Buffer.byteLength(body),
      status: answer.status,
      answerBytes: Buffer.byteLength(answer.text),
      errors: Array.isArray(parsed?.errors) ? parsed.errors.length : null,
      firstCode: parsed?.errors?.[0]?.extensions?.code ?? null,
      wallSeconds: seconds(ms),
      serviceCpuSeconds: before && after ? seconds(after.serviceMs - before.serviceMs) : null,
      legitimateReadSeconds: seconds(readMs),
    })
  }
  return results
}

export function printAbuse(results: AbuseCase[], log: (line: string) => void): void {
  log('\n## (abuse) Query shapes without a token, and a legitimate read one second later')
  log(
    table(
      ['request', 'body', 'HTTP', 'errors (first code)', 'answer', 'wall', 'Service CPU', 'legitimate read waited'],
      results.map(r => [
        r.name,
        `${round(r.requestBytes / 1024, 1)} kB`,
        r.status,
        `${r.errors ?? '—'} (${r.firstCode ?? '—'})`,
        `${round(r.answerBytes / 1e6, 2)} MB`,
        `${r.wallSeconds} s`,
        r.serviceCpuSeconds === null ? '—' : `${r.serviceCpuSeconds} s`,
        `${r.legitimateReadSeconds} s`,
      ])
    )
  )
}
