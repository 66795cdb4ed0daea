// check:io on small apps written to a temporary folder: one as VTEX expects, and the same app
// with each thing the builders or the Admin would trip over.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'

import { App, checkApp, manifestSchemaFile } from '../checks'
import { listUploadedFiles } from '../uploadList'

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..')
const SCHEMA = manifestSchemaFile(REPO_ROOT)

const GOOD_APP: Record<string, string> = {
  'manifest.json': JSON.stringify({
    vendor: 'vtex',
    name: 'fixture',
    version: '0.1.0',
    title: 'Fixture',
    description: 'A check:io fixture',
    builders: { admin: '0.x', react: '3.x', messages: '1.x', graphql: '2.x', node: '7.x' },
  }),
  'admin/navigation.json': JSON.stringify([
    { section: 'orders', titleId: 'admin/fixture.title', path: '/admin/fixture' },
    { adminVersion: 4, section: 'orders', titleId: 'admin/fixture.title', path: '/admin/fixture' },
  ]),
  'admin/routes.json': JSON.stringify({ 'admin.app.fixture': { component: 'FixtureAdmin', path: '/admin/app/fixture' } }),
  'react/FixtureAdmin.tsx': "export { default } from './admin/FixtureAdmin'\n",
  'react/package.json': '{}',
  'shared/rules.ts': 'export const rule = 1\n',
  'graphql/schema.graphql': 'type Query {\n  fixture: String @auth(scope: PRIVATE)\n}\n',
  'messages/en.json': JSON.stringify({ 'admin/fixture.title': 'Fixture' }),
  'messages/pt.json': JSON.stringify({ 'admin/fixture.title': 'Exemplo' }),
  'messages/context.json': JSON.stringify({ 'admin/fixture.title': 'Menu entry' }),
  'node/index.ts': 'export default {}\n',
  'node/empty.ts': '',
  'dev/start.ts': 'start()\n',
  'package.json': '{}',
  'README.md': '# Fixture\n',
  '.vtexignore': 'dev/\nshared/\n',
}

const dirs: string[] = []
afterAll(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })))

function writeApp(files: Record<string, string | undefined>): App {
  const root = mkdtempSync(path.join(tmpdir(), 'check-io-'))
  dirs.push(root)
  for (const [file, content] of Object.entries(files)) {
    if (content === undefined) continue
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    writeFileSync(path.join(root, file), content)
  }
  // As node/domain and react/domain link to the shared domain/.
  symlinkSync(path.join(root, 'shared'), path.join(root, 'react', 'shared'), 'dir')
  return { root, files: listUploadedFiles(root) }
}

describe('the upload list', () => {
  it('follows symbolic links, drops empty files, the default ignores and .vtexignore folders', () => {
    const app = writeApp(GOOD_APP)
    expect(app.files.map(f => f.path)).toEqual([
      'admin/navigation.json',
      'admin/routes.json',
      'graphql/schema.graphql',
      'manifest.json',
      'messages/context.json',
      'messages/en.json',
      'messages/pt.json',
      'node/index.ts',
      'react/FixtureAdmin.tsx',
      'react/package.json',
      'react/shared/rules.ts',
    ])
  })

  it('reads a # line of .vtexignore as a pattern, not a comment, and the checks say so', () => {
    const app = writeApp({ ...GOOD_APP, '.vtexignore': '# dev/ is local only\nshared/\n' })
    expect(app.files.map(f => f.path)).toContain('dev/start.ts')
    expect(checkApp(app, SCHEMA)).toEqual([
      'folder dev/ is uploaded but no builder "dev" is declared',
      '.vtexignore line 1 "# dev/ is local only" is a pattern to the toolbelt, not a comment: explain it elsewhere',
    ])
  })
})

describe('the checks', () => {
  it('pass on an app as the builders expect it', () => {
    expect(checkApp(writeApp(GOOD_APP), SCHEMA)).toEqual([])
  })

  it('fail on builders without folders and folders without builders, and an invalid manifest', () => {
    const manifest = { ...JSON.parse(GOOD_APP['manifest.json']), builders: { admin: '0.x', react: '3.x', messages: '1.x', graphql: '2.x', docs: '0.x' }, version: 1 }
    const problems = checkApp(writeApp({ ...GOOD_APP, 'manifest.json': JSON.stringify(manifest) }), SCHEMA)
    expect(problems).toEqual([
      'builder "docs" has no uploaded docs/ folder',
      'folder node/ is uploaded but no builder "node" is declared',
      'manifest.json/version: must be string',
    ])
  })

  it('fail on Admin links with /app, a missing Admin v4 entry and a route whose component is no file', () => {
    const problems = checkApp(
      writeApp({
        ...GOOD_APP,
        'admin/navigation.json': JSON.stringify([{ section: 'orders', titleId: 'admin/fixture.title', path: '/admin/app/fixture' }]),
        'admin/routes.json': JSON.stringify({ 'admin.app.fixture': { component: 'admin/FixtureAdmin', path: '/admin/fixture' } }),
      }),
      SCHEMA
    )
    expect(problems).toEqual([
      'admin/navigation.json[0].path /admin/app/fixture must be /admin/<path>, without /app',
      'admin/navigation.json has no entry with "adminVersion": 4',
      'admin/routes.json "admin.app.fixture": path /admin/fixture must start with /admin/app/',
      "admin/routes.json \"admin.app.fixture\": component admin/FixtureAdmin is not an uploaded file at react/'s root",
    ])
  })

  it('fail on a root field without @auth, also in an extension', () => {
    const problems = checkApp(
      writeApp({ ...GOOD_APP, 'graphql/extra.graphql': 'extend type Query {\n  open: String\n}\ntype Mutation {\n  write: String\n}\n' }),
      SCHEMA
    )
    expect(problems).toEqual(['graphql: Query.open has no @auth', 'graphql: Mutation.write has no @auth'])
  })

  it('fail on a message missing in a locale or in context.json', () => {
    const problems = checkApp(
      writeApp({ ...GOOD_APP, 'messages/pt.json': JSON.stringify({ 'admin/fixture.title': 'Exemplo', 'admin/fixture.extra': ' ' }) }),
      SCHEMA
    )
    expect(problems).toEqual([
      'messages/context.json: no text for admin/fixture.extra',
      'messages/en.json: no text for admin/fixture.extra',
      'messages/pt.json: no text for admin/fixture.extra',
    ])
  })
})
