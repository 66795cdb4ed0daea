// Counts over the sandbox journal, by what each request was for.
import type { JournalEntry } from '../dev/oms-sandbox/types'

export type UpstreamKind = 'vtexid' | 'licenseManager' | 'omsGet' | 'omsPut' | 'omsPatch' | 'other'

export function upstreamKind(method: string, path: string): UpstreamKind {
  if (path.includes('/api/vtexid/')) return 'vtexid'
  if (path.includes('/api/license-manager/')) return 'licenseManager'
  if (path.includes('/api/oms/')) {
    if (method === 'GET') return 'omsGet'
    if (method === 'PUT') return 'omsPut'
    if (method === 'PATCH') return 'omsPatch'
  }
  return 'other'
}

export interface JournalSummary {
  entries: number
  byKind: Record<UpstreamKind, number>
  /** OMS requests by outcome: status code, or fault kind. */
  omsByOutcome: Record<string, number>
  /** Requests by kind per order-id group (the part of the order id before the first "-"; "auth" for VTEX ID and License Manager). */
  byGroup: Record<string, Partial<Record<UpstreamKind, number>>>
}

/** The bench names its orders `<group>-<n>`, so a journal line says which measurement it belongs to. */
export function orderGroup(path: string): string {
  const m = /\/api\/oms\/pvt\/orders\/([^/]+)/i.exec(path)
  return m ? decodeURIComponent(m[1]).split('-')[0] : 'auth'
}

export function summarizeJournal(entries: JournalEntry[]): JournalSummary {
  const byKind: Record<UpstreamKind, number> = { vtexid: 0, licenseManager: 0, omsGet: 0, omsPut: 0, omsPatch: 0, other: 0 }
  const omsByOutcome: Record<string, number> = {}
  const byGroup: JournalSummary['byGroup'] = {}
  for (const entry of entries) {
    const kind = upstreamKind(entry.method, entry.path)
    byKind[kind]++
    const group = (byGroup[orderGroup(entry.path)] ??= {})
    group[kind] = (group[kind] ?? 0) + 1
    if (kind.startsWith('oms')) {
      const outcome = entry.fault ? `${entry.fault}${entry.status ? ` ${entry.status}` : ''}` : String(entry.status)
      omsByOutcome[outcome] = (omsByOutcome[outcome] ?? 0) + 1
    }
  }
  return { entries: entries.length, byKind, omsByOutcome, byGroup }
}
