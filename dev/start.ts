// `npm start`: the local stack. The OMS sandbox (state in .local/), the real @vtex/api
// runtime serving node/ against it, and the admin page on a Vite dev server. Ctrl-C stops
// everything it started. `npm start -- --reset` reseeds the sandbox.
import { ChildProcess, spawn } from 'child_process'
import { join } from 'path'

import { IDENTITIES, startOmsSandbox } from './oms-sandbox'
import { demoCurl, LOCAL_GRAPHQL_URL } from './demoCurl'
import { buildService } from './io-runtime/build'
import { installMasterDataSchemas, subscribeServiceToEvents } from './io-runtime/platform'
import { LOCAL_ACCOUNT, LOCAL_WORKSPACE, REPO_ROOT, appEnvironment } from './io-runtime/environment'

const SANDBOX_PORT = Number(process.env.OMS_SANDBOX_PORT ?? 8780)
const ADMIN_PORT = Number(process.env.ADMIN_PORT ?? 3000)
const STATE_DIR = join(REPO_ROOT, '.local')
const GRAPHQL_URL = LOCAL_GRAPHQL_URL

async function waitFor(url: string, init: RequestInit, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      await fetch(url, init)
      return
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`)
      await new Promise(resolve => setTimeout(resolve, 250))
    }
  }
}

/**
 * The sandbox's Master Data lives in memory: on every start the tracking index is rebuilt
 * from the sandbox's OMS (the last 60 days), as an operator would after installing the app.
 */
async function rebuildIndex(): Promise<void> {
  const now = Date.now()
  const call = (query: string, variables: Record<string, unknown> = {}) =>
    fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-vtex-account': LOCAL_ACCOUNT,
        'x-vtex-workspace': LOCAL_WORKSPACE,
        'x-vtex-credential': IDENTITIES.localAppToken.token,
        cookie: `VtexIdclientAutCookie=${IDENTITIES.localAdmin.token}`,
      },
      body: JSON.stringify({ query, variables }),
    }).then(response => response.json() as Promise<{ data?: any; errors?: unknown }>)
  const started = await call(
    'mutation($from: String!, $to: String!) { rebuildTrackingIndex(invoicedFrom: $from, invoicedTo: $to) { ordersFound } }',
    { from: new Date(now - 60 * 86_400_000).toISOString(), to: new Date(now).toISOString() }
  )
  if (started.errors) throw new Error('the tracking index rebuild did not start')
  console.log(`Indexing ${started.data.rebuildTrackingIndex.ordersFound} invoiced orders ...`)
  for (;;) {
    const progress = (await call('{ trackingIndexRebuild { state ordersIndexed } }')).data?.trackingIndexRebuild
    if (progress?.state !== 'RUNNING') return
    await new Promise(resolve => setTimeout(resolve, 250))
  }
}

async function main() {
  const reset = process.argv.includes('--reset')
  const children: ChildProcess[] = []
  const sandbox = await startOmsSandbox({ port: SANDBOX_PORT, stateDir: STATE_DIR, reset, quiet: true })

  let stopping = false
  const stop = async (code = 0) => {
    if (stopping) return
    stopping = true
    // SIGINT: @vtex/api's primary waits 30 s on SIGTERM before it lets its workers go.
    // Each child leads its own process group, so its workers stop with it instead of being
    // forked again by a primary that outlives them.
    children.forEach(child => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGINT')
      } catch {
        // already gone
      }
    })
    await sandbox.close()
    process.exit(code)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())

  // What IO does at install: the masterdata builder's schemas; the broker's subscriptions.
  installMasterDataSchemas(sandbox)
  subscribeServiceToEvents(sandbox, new URL(GRAPHQL_URL).origin)

  const serviceDir = join(STATE_DIR, 'service-app')
  console.log('Building node/ ...')
  buildService(serviceDir)
  const service = spawn(process.execPath, [...process.execArgv, join(__dirname, 'io-runtime', 'serve.ts')], {
    cwd: serviceDir,
    env: { ...process.env, ...appEnvironment(sandbox.url) },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  })
  children.push(service)
  service.on('exit', code => {
    if (!stopping) {
      console.error(`The service stopped (exit ${code}).`)
      void stop(1)
    }
  })
  await waitFor(
    GRAPHQL_URL,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-vtex-account': LOCAL_ACCOUNT, 'x-vtex-workspace': LOCAL_WORKSPACE },
      body: JSON.stringify({ query: '{ __typename }' }),
    },
    60_000
  )

  await rebuildIndex()

  const admin = spawn(process.execPath, [join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), '--strictPort'], {
    cwd: join(REPO_ROOT, 'react'),
    env: {
      ...process.env,
      PORT: String(ADMIN_PORT),
      ORDER_TRACKING_GRAPHQL_URL: GRAPHQL_URL,
      VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  })
  children.push(admin)
  await waitFor(`http://127.0.0.1:${ADMIN_PORT}/admin/app/order-tracking`, {}, 60_000)

  console.log(`
The local stack is up.

  Admin page      http://localhost:${ADMIN_PORT}/admin/app/order-tracking
                  ...?locale=pt-BR or ?locale=es-AR for Portuguese or Spanish; ?as=viewer to act as the viewer
  GraphQL         ${GRAPHQL_URL}   (the real @vtex/api runtime)
  OMS sandbox     ${sandbox.url}   (state and journal in .local/; reseed with npm start -- --reset)

Demo identities (account ${LOCAL_ACCOUNT}, workspace ${LOCAL_WORKSPACE}):
  cookie VtexIdclientAutCookie=${IDENTITIES.localAdmin.token}           admin, has Notify invoice
  cookie VtexIdclientAutCookie=${IDENTITIES.localViewer.token}          viewer, lacks Notify invoice
  cookie VtexIdclientAutCookie=${IDENTITIES.otherAccountAdmin.token}   admin of account otherstore
  header VtexIdclientAutCookie: ${IDENTITIES.localCallerAppToken.token}   another IO app, vtex.caller-app (a caller's token never goes in x-vtex-credential)
  header x-vtex-credential: ${IDENTITIES.localAppToken.token}   the app's own token (what the IO router passes)

Add an event (MERGE keeps the existing ones):

${demoCurl()}

Ctrl-C stops everything.`)
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
