// What the masterdata builder does at install: every masterdata/<entity>/schema.json put on
// the sandbox, over HTTP because the bench's sandbox is a process of its own. Without it the
// tracking index's requests fail and every figure measures a stack IO never runs.
import { readFileSync, readdirSync } from 'fs'
import { join } from 'path'

import { REPO_ROOT } from '../dev/io-runtime/environment'
import { entityName, schemaName } from '../dev/io-runtime/platform'
import { request } from './http'

export async function installMasterDataSchemas(sandboxUrl: string): Promise<void> {
  for (const entity of readdirSync(join(REPO_ROOT, 'masterdata'))) {
    const schema = readFileSync(join(REPO_ROOT, 'masterdata', entity, 'schema.json'), 'utf8')
    const put = await request(`${sandboxUrl}/api/dataentities/${entityName(entity)}/schemas/${schemaName()}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', VtexIdclientAutCookie: 'local-app-token' },
      body: schema,
    })
    if (put.status !== 200) throw new Error(`schema install of ${entity} failed: ${put.status}`)
  }
}
