// startOmsSandbox: an HTTP server that answers like VTEX OMS, VTEX ID and License
// Manager, both in proxy form (HTTP_PROXY pointing here) and in plain form.
import { createServer, type IncomingMessage, type ServerResponse } from 'http'
import type { AddressInfo } from 'net'
import { join } from 'path'
import { AppSettingsStore } from './appSettings'
import { credentialValues } from './auth'
import { DeliveryConfig, DeliveryRecord, EventSubscriber, OrdersBroadcast } from './events'
import { Faults, validateFaultConfig } from './faults'
import { Journal } from './journal'
import { MasterDataStore } from './masterData/store'
import { methodNotAllowed, notFoundRoute, omsError, parseJson, type HandlerContext, type Reply } from './reply'
import { parseRequest, readBody, resolveAccount } from './request'
import { API_ROUTES, CONTROL_ROUTES, match } from './routes'
import { JOURNAL_FILE, Store } from './state'
import type { FaultConfig, JournalEntry, OmsOrder, SeedOrderSpec } from './types'

export type { FaultConfig, JournalEntry, OmsOrder, SeedOrderSpec } from './types'
export type { DeliveryConfig, DeliveryRecord, EventSubscriber } from './events'

export interface OmsSandboxOptions {
  port?: number
  host?: string
  /** Folder for oms-state.json and oms-journal.jsonl; null = memory only. */
  stateDir?: string | null
  /** Ignore a saved state (and truncate the journal file) and reseed. */
  reset?: boolean
  faults?: FaultConfig
  quiet?: boolean
  /** How the orders-broadcast delivers (duplicates, reordering), seeded. */
  delivery?: DeliveryConfig
}

export interface OmsSandbox {
  url: string
  port: number
  close(): Promise<void>
  journal(): JournalEntry[]
  clearJournal(): void
  getOrder(orderId: string, account?: string): OmsOrder | undefined
  setFaults(f: FaultConfig): void
  /** Adds orders; invoiced ones are announced on the orders-broadcast unless `announce` is false. */
  addOrders(orders: SeedOrderSpec[], options?: { announce?: boolean }): void
  reset(): void
  masterData: MasterDataStore
  appSettings: AppSettingsStore
  /** Where the orders-broadcast delivers (the Service), or null to deliver nowhere. */
  subscribeEvents(subscriber: EventSubscriber | null): void
  configureDelivery(config: DeliveryConfig): void
  /** Resolves when every event delivery started so far has ended. */
  eventsSettled(): Promise<void>
  deliveries(): DeliveryRecord[]
  /** Announces that an order entered `state` (as OMS would on a status change). */
  emitOrderEvent(orderId: string, state: string, account?: string): void
}

const JSON_TYPE = 'application/json; charset=utf-8'

function send(res: ServerResponse, reply: Reply): void {
  if (res.writableEnded || res.destroyed) return
  if (reply.status === 204) {
    res.writeHead(204, reply.headers ?? {})
    res.end()
    return
  }
  const text = JSON.stringify(reply.body === undefined ? null : reply.body)
  res.writeHead(reply.status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(text), ...reply.headers })
  res.end(text)
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

export async function startOmsSandbox(opts: OmsSandboxOptions = {}): Promise<OmsSandbox> {
  const stateDir = opts.stateDir ?? null
  if (opts.faults) {
    const msg = validateFaultConfig(opts.faults)
    if (msg) throw new Error(`oms-sandbox: invalid faults: ${msg}`)
  }
  const store = new Store(stateDir, !!opts.reset)
  const journal = new Journal(stateDir ? join(stateDir, JOURNAL_FILE) : null, !!opts.reset)
  const faults = new Faults(opts.faults)
  const masterData = new MasterDataStore()
  const appSettings = new AppSettingsStore()
  const broadcast = new OrdersBroadcast(opts.delivery)
  const log = (line: string) => {
    if (!opts.quiet) process.stdout.write(`oms-sandbox: ${line}\n`)
  }
  const reset = () => {
    store.reset()
    journal.clear()
    faults.rewind()
    masterData.clearDocuments()
    appSettings.reset()
  }
  const addOrders = (specs: SeedOrderSpec[], options: { announce?: boolean } = {}) => {
    store.add(specs)
    if (options.announce === false) return
    for (const spec of specs) {
      const account = spec.account ?? 'localstore'
      const order = store.get(account, spec.orderId)
      if (!order || order.status !== 'invoiced') continue
      broadcast.emit(account, {
        domain: 'Marketplace', orderId: order.orderId, currentState: 'invoiced', lastState: 'invoice',
        currentChangeDate: new Date().toISOString(), lastChangeDate: order.creationDate,
      })
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const parsed = parseRequest(req)
    const method = (req.method ?? 'GET').toUpperCase()
    const bodyText = (await readBody(req)) ?? null
    const ctx: HandlerContext = {
      req, parsed, account: resolveAccount(req, parsed), params: [], bodyText: bodyText ?? '',
      store, journal, faults, reset, auth: null, masterData, appSettings, broadcast, addOrders,
    }

    // Control endpoints: plain form only, not journaled, never faulted.
    if (!parsed.proxied && parsed.segments && parsed.segments[0] === '_sandbox') {
      const m = match(CONTROL_ROUTES, method, parsed.segments)
      if (m.kind === 'route') {
        ctx.params = m.params
        return send(res, await m.route.handler(ctx))
      }
      return send(res, m.kind === 'method' ? methodNotAllowed(m.allow) : notFoundRoute())
    }

    const record = (status: number, fault?: JournalEntry['fault']) => {
      const query = { ...parsed.query }
      if (query.authToken !== undefined) query.authToken = ctx.auth ?? '[removed]'
      const j = parseJson(ctx.bodyText)
      // App settings carry webhook secrets: the journal shows which keys were set, not their values.
      const body = j.ok && j.value && typeof j.value === 'object' && /\/settings$/.test(parsed.rawPath)
        ? Object.fromEntries(Object.entries(j.value as Record<string, unknown>).map(([k, v]) => [k, /Secret$/.test(k) ? '[secret]' : v]))
        : j.ok ? j.value : undefined
      const entry: JournalEntry = {
        at: new Date().toISOString(), method, host: parsed.host, path: parsed.rawPath, query, status,
        body, auth: ctx.auth, ...(fault ? { fault } : {}),
        ...(ctx.staleByMs !== undefined ? { staleByMs: ctx.staleByMs } : {}),
      }
      journal.record(entry, credentialValues(req, parsed.query))
      log(`${method} ${parsed.host}${parsed.rawPath} ${status}${fault ? ` (${fault})` : ''}`)
    }
    const answer = (reply: Reply, fault?: JournalEntry['fault']) => {
      record(reply.status, fault)
      send(res, reply)
    }

    if (bodyText === null) return answer(omsError(413, '1', 'Request body too large'))
    if (!parsed.segments) return answer(omsError(400, '1', 'Malformed percent-encoding in path'))
    const m = match(API_ROUTES, method, parsed.segments)
    if (m.kind !== 'route') return answer(m.kind === 'method' ? methodNotAllowed(m.allow) : notFoundRoute())
    ctx.params = m.params

    if (m.route.oms) {
      const d = faults.decide(ctx.account)
      if (d.delayMs > 0) await sleep(d.delayMs)
      if (d.kind === 'rate-limit') {
        return answer({ ...omsError(429, '429', 'Too Many Requests'), headers: { 'retry-after': String(d.retryAfterSeconds) } }, 'rate-limit')
      }
      if (d.kind === 'drop') {
        record(0, 'drop')
        req.socket.destroy()
        return
      }
      if (d.kind === 'error') {
        return answer(d.status === 503 ? omsError(503, '503', 'Service Unavailable') : omsError(500, '1', 'An error has occurred'), 'error')
      }
    }
    answer(await m.route.handler(ctx))
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: Error) => {
      process.stderr.write(`oms-sandbox: internal error: ${e.message}\n`)
      send(res, omsError(500, '1', 'An error has occurred'))
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const addr = server.address() as AddressInfo
  const hostForUrl = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address
  const url = `http://${hostForUrl}:${addr.port}`
  log(`listening on ${url}`)

  let closed: Promise<void> | null = null
  return {
    url,
    port: addr.port,
    close() {
      if (!closed) {
        closed = (async () => {
          await new Promise<void>((resolve) => {
            server.close(() => resolve())
            server.closeAllConnections()
          })
          await store.close()
          await journal.close()
        })()
      }
      return closed
    },
    journal: () => journal.list(),
    clearJournal: () => journal.clear(),
    getOrder: (orderId, account = 'localstore') => {
      const o = store.get(account, orderId)
      return o ? (JSON.parse(JSON.stringify(o)) as OmsOrder) : undefined
    },
    setFaults: (f) => {
      const msg = validateFaultConfig(f)
      if (msg) throw new Error(`oms-sandbox: invalid faults: ${msg}`)
      faults.set(f)
    },
    addOrders,
    reset,
    masterData,
    appSettings,
    subscribeEvents: (subscriber) => broadcast.subscribe(subscriber),
    configureDelivery: (config) => broadcast.configure(config),
    eventsSettled: () => broadcast.settle(),
    deliveries: () => [...broadcast.deliveries],
    emitOrderEvent: (orderId, state, account = 'localstore') =>
      broadcast.emit(account, {
        domain: 'Marketplace', orderId, currentState: state, lastState: 'invoice',
        currentChangeDate: new Date().toISOString(), lastChangeDate: new Date().toISOString(),
      }),
  }
}
