// /_sandbox/* control endpoints: plain form only, no auth, never journaled or faulted.
import { validateFaultConfig } from '../faults'
import { parseJson, type Handler, type Reply } from '../reply'
import type { FaultConfig, SeedOrderSpec } from '../types'

const err = (status: number, message: string): Reply => ({ status, body: { error: { code: String(status), message, exception: null } } })

export const health: Handler = () => ({ status: 200, body: { ok: true } })

export const reset: Handler = (ctx) => {
  ctx.reset()
  return { status: 200, body: { ok: true } }
}

export const getFaults: Handler = (ctx) => ({ status: 200, body: ctx.faults.get() })

export const putFaults: Handler = (ctx) => {
  const j = parseJson(ctx.bodyText)
  const msg = j.ok ? validateFaultConfig(j.value) : 'body must be a JSON FaultConfig'
  if (msg || !j.ok) return err(400, msg ?? 'invalid body')
  ctx.faults.set(j.value as FaultConfig)
  return { status: 200, body: ctx.faults.get() }
}

/** Returns an error message or null. */
export function validateSpecs(v: unknown): string | null {
  if (!Array.isArray(v)) return 'orders must be an array'
  for (let i = 0; i < v.length; i++) {
    const o = v[i] as Partial<SeedOrderSpec> | null
    if (!o || typeof o !== 'object') return `orders[${i}] must be an object`
    if (typeof o.orderId !== 'string' || !o.orderId) return `orders[${i}].orderId must be a non-empty string`
    if (o.account !== undefined && (typeof o.account !== 'string' || !o.account)) return `orders[${i}].account must be a non-empty string`
    if (!Array.isArray(o.invoices)) return `orders[${i}].invoices must be an array`
    for (let k = 0; k < o.invoices.length; k++) {
      const inv = o.invoices[k] as SeedOrderSpec['invoices'][number] | null
      if (!inv || typeof inv.invoiceNumber !== 'string' || !inv.invoiceNumber) return `orders[${i}].invoices[${k}].invoiceNumber must be a non-empty string`
      if (inv.type !== undefined && inv.type !== 'Output' && inv.type !== 'Input') return `orders[${i}].invoices[${k}].type must be Output or Input`
      for (const f of ['trackingNumber', 'courier', 'trackingUrl'] as const) {
        if (inv[f] !== undefined && inv[f] !== null && typeof inv[f] !== 'string') return `orders[${i}].invoices[${k}].${f} must be a string`
      }
    }
  }
  return null
}

export const addOrders: Handler = (ctx) => {
  const j = parseJson(ctx.bodyText)
  const orders = j.ok && j.value && typeof j.value === 'object' ? (j.value as { orders?: unknown }).orders : undefined
  const msg = validateSpecs(orders)
  if (msg) return err(400, msg)
  ctx.addOrders(orders as SeedOrderSpec[])
  return { status: 200, body: { added: (orders as unknown[]).length } }
}

export const getOrderRaw: Handler = (ctx) => {
  const order = ctx.store.get(ctx.account, ctx.params[0])
  return order ? { status: 200, body: order } : err(404, 'Order not found')
}

export const getJournal: Handler = (ctx) => ({ status: 200, body: ctx.journal.list() })

export const clearJournal: Handler = (ctx) => {
  ctx.journal.clear()
  return { status: 200, body: { ok: true } }
}

/** PUT /_sandbox/events {seed?, duplicateRate?, reorderRate?, maxHoldMs?}: how events are delivered. */
export const putEvents: Handler = (ctx) => {
  const j = parseJson(ctx.bodyText)
  if (!j.ok || !j.value || typeof j.value !== 'object') return err(400, 'body must be a JSON object')
  const c = j.value as Record<string, unknown>
  for (const k of Object.keys(c)) {
    if (!['seed', 'duplicateRate', 'reorderRate', 'maxHoldMs'].includes(k)) return err(400, `unknown option "${k}"`)
    if (typeof c[k] !== 'number' || !Number.isFinite(c[k] as number) || (c[k] as number) < 0) return err(400, `${k} must be a number >= 0`)
  }
  ctx.broadcast.configure(c)
  return { status: 200, body: { ok: true } }
}

export const getDeliveries: Handler = (ctx) => ({ status: 200, body: ctx.broadcast.deliveries })
