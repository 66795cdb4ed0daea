// The local page's Vite server proxies /graphql to the Service and adds the demo Admin's
// cookie: another site's page must not be able to use it to write (dev/pageProxyGuard.ts).
// The real dev server (react/vite.config.ts) in front of the whole local stack.
import { ChildProcess, spawn } from 'child_process'
import { createServer } from 'net'
import path from 'path'

import { useServiceStack } from '../support/serviceStack'
import { ORDER_TRACKING, TRACKED, UPDATE_TRACKING_STATUS, event } from '../support/operations'

const stack = useServiceStack()
const REPO_ROOT = path.resolve(__dirname, '../..')
const REACT_DIR = path.join(REPO_ROOT, 'react')
const input = { isDelivered: true, deliveredDate: '2026-11-20', events: [event('Entregue', '2026-11-20')] }
const body = JSON.stringify({ query: UPDATE_TRACKING_STATUS, variables: { ...TRACKED, input } })

let vite: ChildProcess | undefined
let origin = ''

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise(resolve => server.close(resolve))
  if (!address || typeof address === 'string') throw new Error('no free port')
  return address.port
}

beforeAll(async () => {
  const port = await freePort()
  origin = `http://127.0.0.1:${port}`
  vite = spawn(process.execPath, [path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), '--host', '127.0.0.1', '--strictPort'], {
    cwd: REACT_DIR,
    env: { ...process.env, PORT: String(port), ORDER_TRACKING_GRAPHQL_URL: stack.graphqlUrl, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    detached: true,
    stdio: 'ignore',
  })
  const deadline = Date.now() + 30_000
  for (;;) {
    try {
      await fetch(`${origin}/admin/app/order-tracking/`)
      return
    } catch {
      if (Date.now() > deadline) throw new Error('vite did not start')
      await new Promise(resolve => setTimeout(resolve, 200))
    }
  }
}, 40_000)

afterAll(() => {
  if (vite?.pid) process.kill(-vite.pid, 'SIGTERM')
})

const writes = () => stack.sandbox.journal().filter(entry => entry.method !== 'GET')

describe('the local page proxy lets only its own page write', () => {
  test('a cross-site form (text/plain) through the proxy is refused, nothing reaches the Service', async () => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
      body,
    })
    expect(response.status).toBe(415)
    expect(stack.sandbox.journal()).toEqual([])
  })

  test('a cross-site link with a mutation in ?query= is refused', async () => {
    const response = await fetch(`${origin}/graphql?query=${encodeURIComponent('mutation { x }')}`, {
      headers: { 'sec-fetch-site': 'cross-site' },
    })
    expect(response.status).toBe(405)
    expect(stack.sandbox.journal()).toEqual([])
  })

  test('a cross-site JSON fetch is refused by its Origin', async () => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body,
    })
    expect(response.status).toBe(403)
    expect(writes()).toEqual([])
  })

  test("the page's own JSON POST goes through", async () => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ query: ORDER_TRACKING, variables: { orderId: TRACKED.orderId } }),
    })
    expect((await response.json()).data.orderTracking.orderId).toBe(TRACKED.orderId)
  })
})
