// The App Store page (docs/README.md) as check:io sees it: this app's own page, and small
// apps written to a temporary folder with each thing the page must not do.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'

import { App, DOCS_IMAGE_LIMIT, checkDocsPage } from '../checks'
import { listUploadedFiles } from '../uploadList'

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..')

const dirs: string[] = []
afterAll(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })))

function writeApp(readme: string, images: Record<string, number> = { 'queue.png': 1000 }): App {
  const root = mkdtempSync(path.join(tmpdir(), 'check-io-docs-'))
  dirs.push(root)
  const files: Record<string, string | Buffer> = {
    'manifest.json': JSON.stringify({ vendor: 'vtex', name: 'fixture', version: '0.1.0', builders: { docs: '0.x' } }),
    'docs/README.md': readme,
  }
  for (const [name, size] of Object.entries(images)) files[`docs/images/${name}`] = Buffer.alloc(size, 1)
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    writeFileSync(path.join(root, file), content)
  }
  return { root, files: listUploadedFiles(root) }
}

const PAGE = '# Fixture\n\nWhat it does.\n\n![The queue](images/queue.png)\n\n```csv\norderId,invoiceNumber\n1-01,7\n```\n'

describe("this app's App Store page", () => {
  it('shows only screenshots that are uploaded, shows every one of them, and holds no GraphQL or manifest', () => {
    const app = { root: REPO_ROOT, files: listUploadedFiles(REPO_ROOT) }
    expect(app.files.some(f => f.path.startsWith('docs/images/') && f.path.endsWith('.png'))).toBe(true)
    expect(checkDocsPage(app)).toEqual([])
  })
})

describe('checkDocsPage', () => {
  it('accepts a page whose picture is in docs/images/ and whose code is a CSV example', () => {
    expect(checkDocsPage(writeApp(PAGE))).toEqual([])
  })

  it('refuses a picture that is not there, one outside docs/images/, and a remote one', () => {
    const page = `${PAGE}\n![Missing](images/missing.png)\n<img src="../react/logo.png">\n![Remote](https://example.com/x.png)\n`
    expect(checkDocsPage(writeApp(page))).toEqual([
      'docs/README.md shows images/missing.png, but docs/images/missing.png is not among the uploaded files',
      'docs/README.md shows https://example.com/x.png: pictures on the App Store page are the app\'s own screenshots, in docs/images/',
      'docs/README.md shows ../react/logo.png, which is not in docs/images/',
    ])
  })

  it('refuses a screenshot the page does not show, and one too big', () => {
    expect(checkDocsPage(writeApp(PAGE, { 'queue.png': DOCS_IMAGE_LIMIT + 1, 'old.png': 10 }))).toEqual([
      'docs/images/old.png is uploaded but docs/README.md does not show it',
      `docs/images/queue.png is ${DOCS_IMAGE_LIMIT + 1} bytes, over ${DOCS_IMAGE_LIMIT} for one screenshot`,
    ])
  })

  it('refuses a GraphQL block, tagged or not, and manifest or policy JSON', () => {
    const page = [
      PAGE,
      '```graphql\n{ orderTracking(orderId: "1") { orderId } }\n```',
      '```\nmutation {\n  updateTrackingStatus(orderId: "1") { receipt }\n}\n```',
      '```json\n{ "name": "vtex.order-tracking:resolve-graphql" }\n```',
      '```json\n{ "builders": { "node": "7.x" } }\n```',
    ].join('\n')
    const problems = checkDocsPage(writeApp(page))
    expect(problems.map(p => p.replace(/ line \d+/, ''))).toEqual([
      'docs/README.md: a GraphQL block; the API belongs in the project README',
      'docs/README.md: a GraphQL block; the API belongs in the project README',
      'docs/README.md: manifest or policy JSON; it belongs in the project README',
      'docs/README.md: manifest or policy JSON; it belongs in the project README',
    ])
  })

  it('does not take a picture written inside a code block for one the page shows', () => {
    expect(checkDocsPage(writeApp(`${PAGE}\n\`\`\`md\n![Example](images/nowhere.png)\n\`\`\`\n`))).toEqual([])
  })

  it('asks nothing of an app without the docs builder', () => {
    const app = writeApp('![Missing](images/missing.png)\n```graphql\n{ a }\n```\n')
    writeFileSync(path.join(app.root, 'manifest.json'), JSON.stringify({ vendor: 'vtex', name: 'fixture', version: '0.1.0', builders: {} }))
    expect(checkDocsPage(app)).toEqual([])
  })
})
