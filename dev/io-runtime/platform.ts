// What VTEX IO does for an installed app besides running it, done against the local sandbox:
// the masterdata builder installs each masterdata/<entity>/schema.json (entity named
// <vendor>_<app>_<entity>, schema named after the app version and, outside production, the
// workspace, as @vtex/clients' masterDataFor expects), and the events broker delivers the
// topics node/service.json subscribes to.
import { readFileSync, readdirSync } from 'fs'
import { join } from 'path'

import type { OmsSandbox } from '../oms-sandbox'
import { IDENTITIES } from '../oms-sandbox'
import { LOCAL_ACCOUNT, LOCAL_WORKSPACE, REPO_ROOT } from './environment'

const manifest = () => JSON.parse(readFileSync(join(REPO_ROOT, 'manifest.json'), 'utf8'))
const normalize = (name: string) => name.replace(/(\.)|-|:|@/gi, '_')

/** The Master Data entity name of one of the app's masterdata/ folders. */
export function entityName(entity: string): string {
  const { vendor, name } = manifest()
  return normalize(`${vendor}.${name}_${entity}`)
}

export function schemaName(workspace = LOCAL_WORKSPACE, production = false): string {
  return `${manifest().version}${production ? '' : `-${workspace}`}`
}

export function installMasterDataSchemas(sandbox: OmsSandbox, account = LOCAL_ACCOUNT): void {
  const folder = join(REPO_ROOT, 'masterdata')
  for (const entity of readdirSync(folder)) {
    const schema = JSON.parse(readFileSync(join(folder, entity, 'schema.json'), 'utf8'))
    sandbox.masterData.entity(account, entityName(entity)).putSchema(schemaName(), schema)
  }
}

export function subscribeServiceToEvents(sandbox: OmsSandbox, serviceUrl: string): void {
  const service = JSON.parse(readFileSync(join(REPO_ROOT, 'node', 'service.json'), 'utf8'))
  const handlers: Record<string, string[]> = {}
  for (const [id, spec] of Object.entries<{ sender?: string; topics?: string[] }>(service.events ?? {})) {
    if (spec.sender === 'vtex.orders-broadcast') handlers[id] = spec.topics ?? []
  }
  sandbox.subscribeEvents({ url: serviceUrl, appToken: IDENTITIES.localAppToken.token, handlers })
}
