// Order store per account, with optional persistence to <stateDir>/oms-state.json.
// Writes are debounced and asynchronous (never sync fs on the request path); the
// file is written to a temp name and renamed so a crash never leaves half a file.
import { existsSync, mkdirSync, readFileSync } from 'fs'
import { rename, writeFile } from 'fs/promises'
import { join } from 'path'
import { DEMO_ORDERS, buildOrder, queueSeed } from './seed'
import type { OmsOrder, SeedOrderSpec } from './types'

export const STATE_FILE = 'oms-state.json'
export const JOURNAL_FILE = 'oms-journal.jsonl'
const SAVE_DELAY_MS = 150

interface StateFile {
  version: 1
  savedAt: string
  accounts: Record<string, Record<string, OmsOrder>>
}

/** A past version of an order: what a read answered until `until` (ms since epoch). */
interface PastVersion {
  until: number
  order: OmsOrder
}

export class Store {
  private accounts = new Map<string, Map<string, OmsOrder>>()
  /** Past versions per account and order, oldest first, for reads that lag (memory only). */
  private history = new Map<string, PastVersion[]>()
  private timer: NodeJS.Timeout | null = null
  private writing: Promise<void> | null = null
  private dirty = false
  private readonly file: string | null

  /** stateDir null = memory only. Loads an existing file unless reset; else seeds. */
  constructor(stateDir: string | null, reset: boolean) {
    this.file = stateDir ? join(stateDir, STATE_FILE) : null
    if (stateDir) mkdirSync(stateDir, { recursive: true })
    if (this.file && !reset && existsSync(this.file)) {
      this.load(this.file)
    } else {
      this.seed()
      this.changed()
    }
  }

  private load(file: string): void {
    let parsed: StateFile
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8')) as StateFile
    } catch (e) {
      throw new Error(`oms-sandbox: cannot read ${STATE_FILE} (${(e as Error).message}); start with --reset to reseed`)
    }
    if (parsed.version !== 1 || !parsed.accounts) throw new Error(`oms-sandbox: unknown ${STATE_FILE} format; start with --reset`)
    for (const [account, orders] of Object.entries(parsed.accounts)) {
      this.accounts.set(account, new Map(Object.entries(orders)))
    }
  }

  seed(): void {
    this.history.clear()
    this.accounts = new Map([['localstore', new Map()], ['otherstore', new Map()]])
    this.add([...DEMO_ORDERS.map((d) => d.spec), ...queueSeed(Date.now())])
  }

  reset(): void {
    this.seed()
    this.changed()
  }

  /** Adds (or replaces) orders built from specs. */
  add(specs: SeedOrderSpec[]): void {
    for (const spec of specs) {
      const { account, order } = buildOrder(spec)
      let m = this.accounts.get(account)
      if (!m) this.accounts.set(account, (m = new Map()))
      m.set(order.orderId, order)
      this.history.delete(`${account}\u0000${order.orderId}`)
    }
    this.changed()
  }

  /** Every order of an account (live references). */
  list(account: string): OmsOrder[] {
    return [...(this.accounts.get(account)?.values() ?? [])]
  }

  /** Live reference: callers that mutate it must call changed(). */
  get(account: string, orderId: string): OmsOrder | undefined {
    return this.accounts.get(account)?.get(orderId)
  }

  /**
   * Call before changing an order: keeps its current version for reads that lag, as long as
   * keepMs (none when 0).
   */
  beforeChange(account: string, order: OmsOrder, keepMs: number, now = Date.now()): void {
    const key = `${account}\u0000${order.orderId}`
    if (!(keepMs > 0)) {
      this.history.delete(key)
      return
    }
    const versions = (this.history.get(key) ?? []).filter((v) => v.until >= now - keepMs)
    versions.push({ until: now, order: JSON.parse(JSON.stringify(order)) as OmsOrder })
    this.history.set(key, versions)
  }

  /** The order as a read `lagMs` behind answered it: the version current at now − lagMs. */
  getAsOf(account: string, orderId: string, lagMs: number, now = Date.now()): OmsOrder | undefined {
    const current = this.get(account, orderId)
    if (!current || !(lagMs > 0)) return current
    const at = now - lagMs
    return this.history.get(`${account}\u0000${orderId}`)?.find((v) => v.until > at)?.order ?? current
  }

  /** Schedules a debounced save. */
  changed(): void {
    if (!this.file) return
    this.dirty = true
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = null
      void this.flush()
    }, SAVE_DELAY_MS)
    this.timer.unref()
  }

  private serialize(): string {
    const out: StateFile = { version: 1, savedAt: new Date().toISOString(), accounts: {} }
    for (const [account, m] of this.accounts) out.accounts[account] = Object.fromEntries(m)
    return JSON.stringify(out)
  }

  /** Writes now if dirty; one write at a time. */
  async flush(): Promise<void> {
    if (!this.file) return
    while (this.writing) await this.writing
    if (!this.dirty) return
    this.dirty = false
    const file = this.file
    const tmp = `${file}.${process.pid}.tmp`
    this.writing = writeFile(tmp, this.serialize())
      .then(() => rename(tmp, file))
      .catch((e: Error) => {
        this.dirty = true
        process.stderr.write(`oms-sandbox: state write failed: ${e.message}\n`)
      })
      .finally(() => {
        this.writing = null
      })
    await this.writing
  }

  async close(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    await this.flush()
  }
}
