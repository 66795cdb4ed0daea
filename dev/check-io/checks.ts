// What VTEX's builders and the Admin would refuse or trip over, checked on exactly the files
// that would be uploaded (./uploadList). Each check returns its problems, empty when fine.
import Ajv from 'ajv'
import { existsSync, readFileSync } from 'fs'
import { DirectiveNode, FieldDefinitionNode, parse } from 'graphql'
import path from 'path'

import { PROJECT_SIZE_LIMIT, UploadedFile } from './uploadList'

export interface App {
  root: string
  files: UploadedFile[]
}

const has = (app: App, file: string) => app.files.some(f => f.path === file)
const topFolders = (app: App) => new Set(app.files.filter(f => f.path.includes('/')).map(f => f.path.split('/')[0]))
const readJson = (app: App, file: string): unknown => JSON.parse(readFileSync(path.join(app.root, file), 'utf8'))
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function manifest(app: App): { builders?: Record<string, string> } {
  return readJson(app, 'manifest.json') as { builders?: Record<string, string> }
}

/** Every builder has its folder among the uploaded files, and every uploaded folder its builder. */
export function checkBuilders(app: App): string[] {
  if (!has(app, 'manifest.json')) return ['manifest.json is not uploaded']
  const builders = Object.keys(manifest(app).builders ?? {})
  const folders = topFolders(app)
  return [
    ...builders.filter(b => !folders.has(b)).map(b => `builder "${b}" has no uploaded ${b}/ folder`),
    ...[...folders].filter(f => !builders.includes(f)).map(f => `folder ${f}/ is uploaded but no builder "${f}" is declared`),
  ]
}

/** manifest.json against the schema @vtex/api publishes (gen/manifest.schema). */
export function checkManifestSchema(app: App, schemaFile: string): string[] {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')))
  if (validate(readJson(app, 'manifest.json'))) return []
  return (validate.errors ?? []).map(e => `manifest.json${e.instancePath || ''}: ${e.message ?? 'invalid'}`)
}

/**
 * The admin builder's shapes: navigation entries (one for Admin v3, one with adminVersion 4)
 * link to /admin/<path> without /app; routes map an id to {component, path under /admin/app/},
 * and each component is a file at react/'s root.
 */
export function checkAdmin(app: App): string[] {
  if (!manifest(app).builders?.admin) return []
  const problems: string[] = []
  const navigation = has(app, 'admin/navigation.json') ? readJson(app, 'admin/navigation.json') : undefined
  if (!Array.isArray(navigation)) {
    problems.push('admin/navigation.json must be an array of menu entries')
  } else {
    navigation.forEach((entry: unknown, i) => {
      const where = `admin/navigation.json[${i}]`
      if (!isObject(entry)) return problems.push(`${where} is not an object`)
      for (const key of ['section', 'titleId', 'path']) {
        if (typeof entry[key] !== 'string') problems.push(`${where}.${key} must be a string`)
      }
      if (typeof entry.path === 'string' && (!entry.path.startsWith('/admin/') || entry.path.startsWith('/admin/app/'))) {
        problems.push(`${where}.path ${entry.path} must be /admin/<path>, without /app`)
      }
      return undefined
    })
    const versions = navigation.map((entry: unknown) => (isObject(entry) && entry.adminVersion === 4 ? 4 : 3))
    if (!versions.includes(3)) problems.push('admin/navigation.json has no Admin v3 entry (one without adminVersion)')
    if (!versions.includes(4)) problems.push('admin/navigation.json has no entry with "adminVersion": 4')
  }
  const routes = has(app, 'admin/routes.json') ? readJson(app, 'admin/routes.json') : undefined
  if (!isObject(routes)) return [...problems, 'admin/routes.json must be an object of routes']
  for (const [id, route] of Object.entries(routes)) {
    const where = `admin/routes.json "${id}"`
    if (!isObject(route) || typeof route.component !== 'string' || typeof route.path !== 'string') {
      problems.push(`${where} must be {"component": string, "path": string}`)
      continue
    }
    if (!route.path.startsWith('/admin/app/')) problems.push(`${where}: path ${route.path} must start with /admin/app/`)
    const component = ['tsx', 'ts', 'jsx', 'js'].map(ext => `react/${route.component}.${ext}`).find(file => has(app, file))
    if (!component) problems.push(`${where}: component ${route.component} is not an uploaded file at react/'s root`)
  }
  return problems
}

/** Every root field (Query, Mutation, Subscription, also in `extend type`) carries @auth. */
export function checkGraphqlAuth(app: App): string[] {
  const schemaFiles = app.files.filter(f => f.path.startsWith('graphql/') && f.path.endsWith('.graphql'))
  if (schemaFiles.length === 0) return []
  const source = schemaFiles.map(f => readFileSync(path.join(app.root, f.path), 'utf8')).join('\n')
  const problems: string[] = []
  for (const definition of parse(source).definitions) {
    if (definition.kind !== 'ObjectTypeDefinition' && definition.kind !== 'ObjectTypeExtension') continue
    if (!['Query', 'Mutation', 'Subscription'].includes(definition.name.value)) continue
    for (const field of (definition.fields ?? []) as FieldDefinitionNode[]) {
      const directives = (field.directives ?? []) as DirectiveNode[]
      if (!directives.some(d => d.name.value === 'auth')) {
        problems.push(`graphql: ${definition.name.value}.${field.name.value} has no @auth`)
      }
    }
  }
  return problems
}

/** Every message id is in every locale and in context.json, with a text. */
export function checkMessages(app: App): string[] {
  const files = app.files.filter(f => /^messages\/[^/]+\.json$/.test(f.path)).map(f => f.path)
  if (files.length === 0) return []
  if (!files.includes('messages/context.json')) return ['messages/context.json is missing']
  const byFile = new Map(files.map(file => [file, readJson(app, file) as Record<string, unknown>]))
  const ids = new Set([...byFile.values()].flatMap(messages => Object.keys(messages)))
  const problems: string[] = []
  for (const [file, messages] of byFile) {
    for (const id of ids) {
      if (typeof messages[id] !== 'string' || (messages[id] as string).trim() === '') problems.push(`${file}: no text for ${id}`)
    }
  }
  return problems
}

/** The toolbelt reads a `#` line of .vtexignore as a pattern: a comment there ignores nothing. */
export function checkVtexignore(app: App): string[] {
  const file = path.join(app.root, '.vtexignore')
  if (!existsSync(file)) return []
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line.startsWith('#'))
    .map(([line, n]) => `.vtexignore line ${n} "${line}" is a pattern to the toolbelt, not a comment: explain it elsewhere`)
}

/** The App Store page's screenshots: each at most this big, and all of them together at most DOCS_IMAGES_LIMIT. */
export const DOCS_IMAGE_LIMIT = 300 * 1000
export const DOCS_IMAGES_LIMIT = 2 * 1000 * 1000

interface CodeBlock {
  info: string
  text: string
  line: number
}

/** The fenced code blocks of a Markdown text (``` or ~~~), with their info string. */
function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = []
  let open: { fence: string; info: string; line: number; lines: string[] } | undefined
  markdown.split('\n').forEach((line, i) => {
    const fence = /^\s{0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(line)
    if (!open) {
      if (fence) open = { fence: fence[1], info: fence[2].toLowerCase(), line: i + 1, lines: [] }
    } else if (fence && fence[1][0] === open.fence[0] && fence[1].length >= open.fence.length && fence[2] === '') {
      blocks.push({ info: open.info, text: open.lines.join('\n'), line: open.line })
      open = undefined
    } else {
      open.lines.push(line)
    }
  })
  return blocks
}

const GRAPHQL_TEXT = /^\s*(query|mutation|subscription|fragment)\b[^\n{]*\{|^\s*(type|extend type|input|enum|directive)\s+[@A-Za-z]/m
const MANIFEST_TEXT = /"(builders|policies|vendor|dependencies|peerDependencies|settingsSchema|credentialType)"\s*:|resolve-graphql/

/**
 * docs/README.md is the App Store page, for merchants: every picture it shows is one of the
 * screenshots in docs/images/ (and every screenshot there is shown), none too big to upload
 * comfortably, and it holds no GraphQL and no manifest JSON (that is developers' material,
 * in the project README).
 */
export function checkDocsPage(app: App): string[] {
  // Without the builder, or without any docs/ folder (checkBuilders reports that), no page.
  if (!manifest(app).builders?.docs || !app.files.some(f => f.path.startsWith('docs/'))) return []
  if (!has(app, 'docs/README.md')) return ['docs/README.md (the App Store page) is not uploaded']
  const page = readFileSync(path.join(app.root, 'docs/README.md'), 'utf8')
  const problems: string[] = []

  const prose = page.replace(/^\s{0,3}(`{3,}|~{3,})[\s\S]*?^\s{0,3}\1\s*$/gm, '')
  const targets = [
    ...[...prose.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map(m => m[1]),
    ...[...prose.matchAll(/<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)].map(m => m[1]),
  ]
  const shown = new Set<string>()
  for (const target of targets) {
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(target)) {
      problems.push(`docs/README.md shows ${target}: pictures on the App Store page are the app's own screenshots, in docs/images/`)
      continue
    }
    const file = path.posix.normalize(path.posix.join('docs', decodeURI(target.split(/[?#]/)[0])))
    if (!file.startsWith('docs/images/')) problems.push(`docs/README.md shows ${target}, which is not in docs/images/`)
    else if (!has(app, file)) problems.push(`docs/README.md shows ${target}, but ${file} is not among the uploaded files`)
    shown.add(file)
  }
  const images = app.files.filter(f => f.path.startsWith('docs/images/'))
  for (const image of images) {
    if (!shown.has(image.path)) problems.push(`${image.path} is uploaded but docs/README.md does not show it`)
    if (image.size > DOCS_IMAGE_LIMIT) problems.push(`${image.path} is ${image.size} bytes, over ${DOCS_IMAGE_LIMIT} for one screenshot`)
  }
  const total = images.reduce((sum, f) => sum + f.size, 0)
  if (total > DOCS_IMAGES_LIMIT) problems.push(`docs/images/ holds ${total} bytes, over ${DOCS_IMAGES_LIMIT}`)

  for (const block of codeBlocks(page)) {
    if (['graphql', 'gql'].includes(block.info) || GRAPHQL_TEXT.test(block.text)) {
      problems.push(`docs/README.md line ${block.line}: a GraphQL block; the API belongs in the project README`)
    } else if (MANIFEST_TEXT.test(block.text)) {
      problems.push(`docs/README.md line ${block.line}: manifest or policy JSON; it belongs in the project README`)
    }
  }
  return problems
}

export function checkSize(app: App): string[] {
  const total = app.files.reduce((sum, f) => sum + f.size, 0)
  return total > PROJECT_SIZE_LIMIT ? [`the upload is ${total} bytes, over the toolbelt's limit of ${PROJECT_SIZE_LIMIT}`] : []
}

/** @vtex/api's manifest schema, from the service's own install. */
export function manifestSchemaFile(root: string): string {
  for (const candidate of ['node/node_modules/@vtex/api/gen/manifest.schema', 'node_modules/@vtex/api/gen/manifest.schema']) {
    if (existsSync(path.join(root, candidate))) return path.join(root, candidate)
  }
  throw new Error('@vtex/api is not installed (npm install installs node/): its gen/manifest.schema is needed')
}

export function checkApp(app: App, schemaFile: string): string[] {
  if (!has(app, 'manifest.json')) return ['manifest.json is not uploaded']
  return [
    ...checkBuilders(app),
    ...checkManifestSchema(app, schemaFile),
    ...checkAdmin(app),
    ...checkGraphqlAuth(app),
    ...checkMessages(app),
    ...checkVtexignore(app),
    ...checkDocsPage(app),
    ...checkSize(app),
  ]
}
