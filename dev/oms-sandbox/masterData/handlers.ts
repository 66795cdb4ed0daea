// Master Data v2 (the subset the app uses, as VTEX's OpenAPI documents it): documents by id
// (GET, PUT = whole document, PATCH = partial), create-or-update partial (PATCH /documents),
// search with `_where`, `_sort`, `_fields`, `_schema` and REST-Range paging (at most 100
// per page, the total in REST-Content-Range), and schemas (PUT/GET, as the masterdata
// builder installs them). Errors use Master Data's `{"Message": ...}` body.
import { findByToken } from '../identities'
import { fingerprint } from '../journal'
import { parseJson, type Handler, type HandlerContext, type Reply } from '../reply'
import { cookie } from '../request'
import { SearchError } from './store'

const MAX_PAGE = 100
/** VTEX: search reaches the first 10,000 documents of a query; scroll goes further. */
export const MAX_SEARCH_REACH = 10_000

const message = (status: number, text: string): Reply => ({ status, body: { Message: text } })

/** A token of this account may use its Master Data; none or another's may not. */
function denied(ctx: HandlerContext): Reply | null {
  const header = ctx.req.headers.vtexidclientautcookie
  const token = (typeof header === 'string' && header) || cookie(ctx.req, 'VtexIdclientAutCookie')
  if (!token) return message(401, 'Unauthorized')
  ctx.auth = fingerprint(token)
  const identity = findByToken(token)
  if (!identity) return message(401, 'Unauthorized')
  if (!identity.omsRead.includes(ctx.account)) return message(403, 'Forbidden')
  return null
}

const entityOf = (ctx: HandlerContext) => ctx.masterData.entity(ctx.account, ctx.params[0])

function documentId(ctx: HandlerContext, base: string, id: string) {
  return { Id: `${ctx.params[0]}-${id}`, Href: `${base}/api/dataentities/${ctx.params[0]}/documents/${id}`, DocumentId: id }
}

type Body = { ok: true; value: Record<string, unknown> } | { ok: false; reply: Reply }

function bodyObject(ctx: HandlerContext): Body {
  const json = parseJson(ctx.bodyText)
  if (!json.ok || !json.value || typeof json.value !== 'object' || Array.isArray(json.value)) {
    return { ok: false, reply: message(400, 'Invalid information in JSON.') }
  }
  return { ok: true, value: json.value as Record<string, unknown> }
}

function checkSchema(ctx: HandlerContext, fields: Record<string, unknown>): Reply | null {
  const schema = ctx.parsed.query._schema
  if (!schema) return null
  const problem = entityOf(ctx).validate(schema, fields)
  return problem ? message(400, problem) : null
}

function write(ctx: HandlerContext, id: string, mode: 'replace' | 'merge', status: number): Reply {
  const body = bodyObject(ctx)
  if (!body.ok) return body.reply
  const fields = { ...body.value }
  delete fields.id
  const refused = checkSchema(ctx, fields)
  if (refused) return refused
  entityOf(ctx).write(id, fields, mode)
  return status === 204 ? { status: 204, body: undefined } : { status, body: documentId(ctx, `http://${ctx.parsed.host}`, id) }
}

export const getDocument: Handler = ctx => {
  const refused = denied(ctx)
  if (refused) return refused
  const doc = entityOf(ctx).get(ctx.params[1])
  return doc ? { status: 200, body: doc } : message(404, 'Document not found')
}

export const putDocument: Handler = ctx => denied(ctx) ?? write(ctx, ctx.params[1], 'replace', 204)

export const patchDocument: Handler = ctx => denied(ctx) ?? write(ctx, ctx.params[1], 'merge', 204)

/** PATCH /documents: create or update partially; the id comes in the body. */
export const upsertPartial: Handler = ctx => {
  const refused = denied(ctx)
  if (refused) return refused
  const body = bodyObject(ctx)
  if (!body.ok) return body.reply
  const id = body.value.id
  if (typeof id !== 'string' || !id) return message(400, 'The field id is required')
  return write(ctx, id, 'merge', 200)
}

export const deleteDocument: Handler = ctx => {
  const refused = denied(ctx)
  if (refused) return refused
  return entityOf(ctx).delete(ctx.params[1]) ? { status: 204, body: undefined } : message(404, 'Document not found')
}

const RANGE = /^resources=(\d+)-(\d+)$/

export const search: Handler = ctx => {
  const refused = denied(ctx)
  if (refused) return refused
  const { _where, _sort, _fields, _schema } = ctx.parsed.query
  if ((_where || _fields) && !_schema) return message(400, '_schema is required when using _where or _fields')
  const entity = entityOf(ctx)
  if (_schema && !entity.hasSchema(_schema)) return message(400, `Schema ${_schema} not found`)
  const rangeHeader = ctx.req.headers['rest-range']
  const range = typeof rangeHeader === 'string' ? RANGE.exec(rangeHeader.trim()) : null
  const from = range ? Number(range[1]) : 0
  const to = range ? Number(range[2]) : 15
  if (to < from || to - from > MAX_PAGE) return message(400, `REST-Range must ask for at most ${MAX_PAGE} documents`)
  if (to > MAX_SEARCH_REACH) return message(400, `search reaches the first ${MAX_SEARCH_REACH} documents; use scroll beyond`)
  try {
    const fields = !_fields || _fields === '_all' ? '_all' : _fields.split(',').map(f => f.trim()).filter(Boolean)
    const { total, documents } = entity.search({ where: _where, sort: _sort, fields, from, to })
    const end = Math.min(to, from + documents.length)
    return { status: 200, body: documents, headers: { 'rest-content-range': `resources ${from}-${end}/${total}` } }
  } catch (error) {
    if (error instanceof SearchError) return message(400, error.message)
    throw error
  }
}

export const putSchema: Handler = ctx => {
  const refused = denied(ctx)
  if (refused) return refused
  const body = bodyObject(ctx)
  if (!body.ok) return body.reply
  ctx.masterData.entity(ctx.account, ctx.params[0]).putSchema(ctx.params[1], body.value)
  return { status: 200, body: { Message: 'JSON Schema persisted successfully. Revalidation and indexing process running in background.' } }
}
