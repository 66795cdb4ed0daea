// What VTEX IO checks when the app is linked or published, checked here first: the manifest
// against the schema @vtex/api ships, and the GraphQL schema's guard on every root field.
import Ajv from 'ajv'
import { existsSync, readFileSync } from 'fs'
import { join } from 'path'
import { DirectiveNode, ObjectTypeDefinitionNode, parse, valueFromASTUntyped } from 'graphql'

import { NOTIFY_INVOICE } from '../../node/authorization'
import { NOTIFY_INVOICE_PRODUCT_CODE, NOTIFY_INVOICE_RESOURCE_CODE } from '../../dev/oms-sandbox'
import { concatenatedSchema } from '../../dev/io-runtime/layout'
import { REPO_ROOT } from '../../dev/io-runtime/environment'

const readJson = (path: string) => JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8'))

describe('manifest.json', () => {
  const manifest = readJson('manifest.json')

  test('is valid against the manifest schema shipped in @vtex/api', () => {
    const schema = readJson('node/node_modules/@vtex/api/gen/manifest.schema')
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)
    expect(validate.errors ?? []).toEqual([])
    expect(validate(manifest)).toBe(true)
  })

  test('declares a builder for every builder folder and the outbound policies the OMS client needs', () => {
    const missing = Object.keys(manifest.builders).filter(builder => !existsSync(join(REPO_ROOT, builder)))
    expect(missing).toEqual([])
    expect(existsSync(join(REPO_ROOT, 'docs', 'README.md'))).toBe(true)
    const outbound = manifest.policies.filter((p: { name: string }) => p.name === 'outbound-access')
    expect(outbound.map((p: { attrs: { host: string } }) => p.attrs.host)).toEqual(
      expect.arrayContaining(['{{account}}.vtexcommercestable.com.br', 'portal.vtexcommercestable.com.br'])
    )
  })

  test('policies.json exposes resolve-graphql for other IO apps', () => {
    const [policy] = readJson('policies.json')
    expect(policy.name).toBe('resolve-graphql')
    expect(policy.statements[0].resources[0]).toMatch(/:\/_v\/graphql$/)
  })
})

describe('the GraphQL schema', () => {
  const document = parse(concatenatedSchema())
  const roots = document.definitions.filter(
    (d): d is ObjectTypeDefinitionNode => d.kind === 'ObjectTypeDefinition' && ['Query', 'Mutation'].includes(d.name.value)
  )
  const rootFields = roots.flatMap(root => (root.fields ?? []).map(field => [`${root.name.value}.${field.name.value}`, field] as const))

  test('has the root fields the API documents', () => {
    expect(rootFields.map(([name]) => name).sort()).toEqual([
      'Mutation.rebuildTrackingIndex',
      'Mutation.replayUnmatchedWebhooks',
      'Mutation.setInvoiceTracking',
      'Mutation.setInvoiceTrackings',
      'Mutation.setWebhookSecret',
      'Mutation.updateTrackingStatus',
      'Mutation.updateTrackingStatuses',
      'Query.orderTracking',
      'Query.trackingIndexRebuild',
      'Query.trackingSettings',
      'Query.trackingWorkQueue',
      'Query.trackingWorkQueueCounts',
      'Query.trackingWriteAccess',
      'Query.webhookIntegrations',
    ])
  })

  test.each(rootFields)('%s is guarded by @auth for Notify invoice, wrapped by @trackingErrors', (_name, field) => {
    const directives = (field.directives ?? []) as DirectiveNode[]
    const names = directives.map(d => d.name.value)
    expect(names).toEqual(['auth', 'trackingErrors'])
    const args = Object.fromEntries((directives[0].arguments ?? []).map(a => [a.name.value, valueFromASTUntyped(a.value)]))
    expect(args).toEqual({ scope: 'PRIVATE', productCode: NOTIFY_INVOICE.productCode, resourceCode: NOTIFY_INVOICE.resourceCode })
  })

  test('the sandbox grants the same License Manager resource the service asks for', () => {
    expect([NOTIFY_INVOICE_PRODUCT_CODE, NOTIFY_INVOICE_RESOURCE_CODE]).toEqual([
      NOTIFY_INVOICE.productCode,
      NOTIFY_INVOICE.resourceCode,
    ])
  })
})
