// Master Data v2 documents of one account and entity, answered from indexes: the fields a
// schema lists in `v-indexed` get an equality index (value → ids) and a sorted index
// (value order, rebuilt lazily after writes), and a search may filter only on indexed
// fields (like a schema-bound search in VTEX, it is refused otherwise). So a search costs
// what its conditions select, not the size of the entity: the bench's figures mean something.
import { Condition, fieldsOf, parseWhere } from './where'

export type DocValue = string | number | boolean | null
export type MdDocument = Record<string, unknown> & { id: string }

export interface JsonSchema {
  properties?: Record<string, { type?: string | string[]; format?: string }>
  'v-indexed'?: string[]
  [key: string]: unknown
}

type Key = number | string
type Kind = 'number' | 'boolean' | 'date' | 'string'

interface FieldIndex {
  kind: Kind
  equal: Map<Key, Set<string>>
  nulls: Set<string>
  /** Non-null values in order; null after a write, rebuilt on the next range or sort. */
  sorted: Array<{ k: Key; id: string }> | null
}

export class SearchError extends Error {}

function kindOf(schemaField: { type?: string | string[]; format?: string } | undefined): Kind {
  const types = Array.isArray(schemaField?.type) ? schemaField!.type : [schemaField?.type]
  if (types.includes('number') || types.includes('integer')) return 'number'
  if (types.includes('boolean')) return 'boolean'
  if (schemaField?.format === 'date-time' || schemaField?.format === 'date') return 'date'
  return 'string'
}

/** A stored value or a `_where` literal as the index orders it; null when it has none. */
function keyOf(kind: Kind, value: unknown): Key | null {
  if (value === null || value === undefined || value === '') return null
  switch (kind) {
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value)
      return Number.isFinite(n) ? n : null
    }
    case 'boolean':
      return value === true || value === 'true' ? 1 : value === false || value === 'false' ? 0 : null
    case 'date': {
      const t = Date.parse(String(value))
      return Number.isFinite(t) ? t : null
    }
    default:
      return String(value)
  }
}

const compareKeys = (a: Key, b: Key) => (a < b ? -1 : a > b ? 1 : 0)
const EMPTY: ReadonlySet<string> = new Set()

/** First position in `sorted` whose key is >= k (or > k when `after`). */
function lowerBound(sorted: Array<{ k: Key }>, k: Key, after: boolean): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const c = compareKeys(sorted[mid].k, k)
    if (c < 0 || (after && c === 0)) lo = mid + 1
    else hi = mid
  }
  return lo
}

export interface SearchRequest {
  where?: string
  sort?: string
  fields?: string[] | '_all'
  from: number
  to: number
}

export class EntityStore {
  readonly docs = new Map<string, MdDocument>()
  private readonly schemas = new Map<string, JsonSchema>()
  private indexes = new Map<string, FieldIndex>()

  hasSchema(name: string): boolean {
    return this.schemas.has(name)
  }

  /** PUT schemas/{name}: its v-indexed fields become indexes (existing documents indexed too). */
  putSchema(name: string, schema: JsonSchema): void {
    this.schemas.set(name, schema)
    for (const field of schema['v-indexed'] ?? []) {
      if (this.indexes.has(field)) continue
      const index: FieldIndex = { kind: kindOf(schema.properties?.[field]), equal: new Map(), nulls: new Set(), sorted: null }
      this.indexes.set(field, index)
      for (const doc of this.docs.values()) this.addTo(index, doc.id, doc[field])
    }
  }

  /** Type errors of `fields` against a schema's properties (unknown fields are let through). */
  validate(schemaName: string, fields: Record<string, unknown>): string | null {
    const schema = this.schemas.get(schemaName)
    if (!schema) return `Schema ${schemaName} not found`
    for (const [name, value] of Object.entries(fields)) {
      const rule = schema.properties?.[name]
      if (!rule?.type || name === 'id') continue
      const types = Array.isArray(rule.type) ? rule.type : [rule.type]
      const actual = value === null ? 'null' : typeof value === 'number' && Number.isInteger(value) ? 'integer' : typeof value
      const ok = types.some(t => t === actual || (t === 'number' && actual === 'integer'))
      if (!ok) return `Field '${name}' must be of type ${types.join(' or ')}`
    }
    return null
  }

  get(id: string): MdDocument | undefined {
    return this.docs.get(id)
  }

  /** Whole replacement (PUT documents/{id}) or merge (PATCH), keeping indexes current. */
  write(id: string, fields: Record<string, unknown>, mode: 'replace' | 'merge'): void {
    const before = this.docs.get(id)
    const after: MdDocument = mode === 'merge' && before ? { ...before, ...fields, id } : { ...fields, id }
    for (const [field, index] of this.indexes) {
      if (before && before[field] === after[field]) continue
      if (before) this.removeFrom(index, id, before[field])
      this.addTo(index, id, after[field])
    }
    this.docs.set(id, after)
  }

  delete(id: string): boolean {
    const before = this.docs.get(id)
    if (!before) return false
    for (const [field, index] of this.indexes) this.removeFrom(index, id, before[field])
    this.docs.delete(id)
    return true
  }

  private addTo(index: FieldIndex, id: string, value: unknown): void {
    const k = keyOf(index.kind, value)
    if (k === null) {
      index.nulls.add(id)
      return
    }
    let ids = index.equal.get(k)
    if (!ids) index.equal.set(k, (ids = new Set()))
    ids.add(id)
    index.sorted = null
  }

  private removeFrom(index: FieldIndex, id: string, value: unknown): void {
    const k = keyOf(index.kind, value)
    if (k === null) {
      index.nulls.delete(id)
      return
    }
    const ids = index.equal.get(k)
    ids?.delete(id)
    if (ids && ids.size === 0) index.equal.delete(k)
    index.sorted = null
  }

  private sortedOf(index: FieldIndex): Array<{ k: Key; id: string }> {
    if (!index.sorted) {
      const entries: Array<{ k: Key; id: string }> = []
      for (const [k, ids] of index.equal) for (const id of ids) entries.push({ k, id })
      entries.sort((a, b) => compareKeys(a.k, b.k) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      index.sorted = entries
    }
    return index.sorted
  }

  private indexOf(field: string): FieldIndex {
    const index = this.indexes.get(field)
    if (!index) throw new SearchError(`Field '${field}' is not indexed in any schema of this data entity`)
    return index
  }

  private readonly literals = new Map<string, Key>()

  private literal(index: FieldIndex, field: string, value: string): Key {
    const cacheKey = `${index.kind}\u0000${value}`
    const cached = this.literals.get(cacheKey)
    if (cached !== undefined) return cached
    if (this.literals.size > 10_000) this.literals.clear()
    const k = keyOf(index.kind, value)
    if (k === null) throw new SearchError(`Invalid value '${value}' for field '${field}'`)
    this.literals.set(cacheKey, k)
    return k
  }

  private range(index: FieldIndex, from: { k: Key; open: boolean } | null, to: { k: Key; open: boolean } | null): Set<string> {
    const sorted = this.sortedOf(index)
    const start = from ? lowerBound(sorted, from.k, from.open) : 0
    const end = to ? lowerBound(sorted, to.k, !to.open) : sorted.length
    const out = new Set<string>()
    for (let i = start; i < end; i++) out.add(sorted[i].id)
    return out
  }

  private allIds(): Set<string> {
    return new Set(this.docs.keys())
  }

  /** How many ids a condition selects, from the indexes' sizes (no set is built). */
  private estimate(condition: Condition): number {
    switch (condition.kind) {
      case 'and':
        return Math.min(...condition.items.map(item => this.estimate(item)))
      case 'or':
        return condition.items.reduce((sum, item) => sum + this.estimate(item), 0)
      case 'null': {
        const index = this.indexOf(condition.field)
        return condition.negated ? this.docs.size - index.nulls.size : index.nulls.size
      }
      case 'between': {
        const index = this.indexOf(condition.field)
        const sorted = this.sortedOf(index)
        const from = lowerBound(sorted, this.literal(index, condition.field, condition.from), false)
        return lowerBound(sorted, this.literal(index, condition.field, condition.to), true) - from
      }
      case 'compare': {
        const index = this.indexOf(condition.field)
        const k = this.literal(index, condition.field, condition.value)
        if (condition.op === '=') return index.equal.get(k)?.size ?? 0
        const sorted = this.sortedOf(index)
        if (condition.op === '<>') return sorted.length - (index.equal.get(k)?.size ?? 0)
        if (condition.op === '<' || condition.op === '<=') return lowerBound(sorted, k, condition.op === '<=')
        return sorted.length - lowerBound(sorted, k, condition.op === '>')
      }
    }
  }

  /** Whether one document meets a condition: used on the candidates an index already chose. */
  private meets(condition: Condition, doc: MdDocument): boolean {
    switch (condition.kind) {
      case 'and':
        return condition.items.every(item => this.meets(item, doc))
      case 'or':
        return condition.items.some(item => this.meets(item, doc))
      case 'null': {
        const isNull = keyOf(this.indexOf(condition.field).kind, doc[condition.field]) === null
        return condition.negated ? !isNull : isNull
      }
      case 'between': {
        const index = this.indexOf(condition.field)
        const k = keyOf(index.kind, doc[condition.field])
        return k !== null && k >= this.literal(index, condition.field, condition.from) && k <= this.literal(index, condition.field, condition.to)
      }
      case 'compare': {
        const index = this.indexOf(condition.field)
        const k = keyOf(index.kind, doc[condition.field])
        if (k === null) return false
        const c = compareKeys(k, this.literal(index, condition.field, condition.value))
        switch (condition.op) {
          case '=':
            return c === 0
          case '<>':
            return c !== 0
          case '<':
            return c < 0
          case '<=':
            return c <= 0
          case '>':
            return c > 0
          case '>=':
            return c >= 0
        }
      }
    }
    return false
  }

  /**
   * The ids matching a condition (read-only: it may be an index's own set). An AND takes its
   * most selective part from the indexes and checks the others on those candidates only.
   */
  private select(condition: Condition): ReadonlySet<string> {
    switch (condition.kind) {
      case 'and': {
        const [first, ...rest] = [...condition.items].sort((a, b) => this.estimate(a) - this.estimate(b))
        const out = new Set<string>()
        for (const id of this.select(first)) {
          const doc = this.docs.get(id) as MdDocument
          if (rest.every(item => this.meets(item, doc))) out.add(id)
        }
        return out
      }
      case 'or': {
        const out = new Set<string>()
        for (const item of condition.items) for (const id of this.select(item)) out.add(id)
        return out
      }
      case 'null': {
        const index = this.indexOf(condition.field)
        if (!condition.negated) return index.nulls
        return this.range(index, null, null)
      }
      case 'between': {
        const index = this.indexOf(condition.field)
        const from = this.literal(index, condition.field, condition.from)
        const to = this.literal(index, condition.field, condition.to)
        return this.range(index, { k: from, open: false }, { k: to, open: false })
      }
      case 'compare': {
        const index = this.indexOf(condition.field)
        const k = this.literal(index, condition.field, condition.value)
        switch (condition.op) {
          case '=':
            return index.equal.get(k) ?? EMPTY
          case '<>': {
            const out = this.range(index, null, null)
            for (const id of index.equal.get(k) ?? []) out.delete(id)
            return out
          }
          case '<':
            return this.range(index, null, { k, open: true })
          case '<=':
            return this.range(index, null, { k, open: false })
          case '>':
            return this.range(index, { k, open: true }, null)
          case '>=':
            return this.range(index, { k, open: false }, null)
        }
      }
    }
    throw new SearchError('unsupported condition')
  }

  search(request: SearchRequest): { total: number; documents: Array<Record<string, unknown>> } {
    let condition: Condition | null = null
    if (request.where && request.where.trim()) {
      try {
        condition = parseWhere(request.where)
      } catch (error) {
        throw new SearchError(`Invalid _where: ${(error as Error).message}`)
      }
      fieldsOf(condition).forEach(field => this.indexOf(field))
    }
    const matching = condition ? this.select(condition) : this.allIds()
    const ids = this.ordered(matching, request.sort, request.to)
    const page = ids.slice(request.from, request.to)
    const documents = page.map(id => {
      const doc = this.docs.get(id) as MdDocument
      if (request.fields === '_all' || !request.fields) return { ...doc }
      const picked: Record<string, unknown> = {}
      for (const field of request.fields) if (field in doc) picked[field] = doc[field]
      return picked
    })
    return { total: matching.size, documents }
  }

  /** The first `upTo` ids of `matching` in `_sort` order (ties and unsorted: by id). */
  private ordered(matching: ReadonlySet<string>, sort: string | undefined, upTo: number): string[] {
    if (!sort || !sort.trim()) return [...matching].sort()
    const [field, direction = 'ASC'] = sort.trim().split(/\s+/)
    if (!/^(ASC|DESC)$/i.test(direction)) throw new SearchError(`Invalid _sort direction '${direction}'`)
    const index = this.indexOf(field)
    const descending = direction.toUpperCase() === 'DESC'
    const sorted = this.sortedOf(index)
    // Walk the field's sorted index and keep members: a first page stops early, a deep page
    // walks to its end, and neither sorts the whole match set.
    const out: string[] = []
    const nullsLast = () => {
      for (const id of [...index.nulls].sort()) if (out.length < upTo && matching.has(id)) out.push(id)
    }
    if (descending) {
      for (let i = sorted.length - 1; i >= 0 && out.length < upTo; i--) if (matching.has(sorted[i].id)) out.push(sorted[i].id)
    } else {
      for (let i = 0; i < sorted.length && out.length < upTo; i++) if (matching.has(sorted[i].id)) out.push(sorted[i].id)
    }
    if (out.length < upTo) nullsLast()
    return out
  }
}

/** Every account's entities. */
export class MasterDataStore {
  private readonly entities = new Map<string, EntityStore>()

  entity(account: string, name: string): EntityStore {
    const key = `${account}\u0000${name.toLowerCase()}`
    let store = this.entities.get(key)
    if (!store) this.entities.set(key, (store = new EntityStore()))
    return store
  }

  /** Forget every document, keep the schemas (as a reseed of the account's data would). */
  clearDocuments(): void {
    for (const store of this.entities.values()) for (const id of [...store.docs.keys()]) store.delete(id)
  }
}
